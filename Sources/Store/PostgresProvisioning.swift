import Foundation
import Logging
import PostgresKit

/// Creating and dropping PostgreSQL databases: for provisioning a service's database and for
/// test harnesses that give every test a database of its own.
public enum PostgresProvisioning {
    /// Creates database `name` on the server `serverURL` points at, connecting to the database
    /// named in that URL (usually `postgres`), and returns the URL of the new database (same
    /// user, password, host, port and options).
    ///
    /// - Parameters:
    ///   - name: 1–63 characters of `a-z`, `0-9` and `_`, starting with a letter.
    ///   - template: a database to copy (`CREATE DATABASE … TEMPLATE`, which needs nobody
    ///     connected to it) instead of the server's empty `template1`; the test harnesses copy
    ///     a migrated one rather than migrate every new database.
    /// - Throws: ``StoreError``: `invalidArgument` for a bad name, `alreadyExists` when the
    ///   database exists, `unavailable` when the server cannot be reached.
    public static func createDatabase(named name: String, serverURL: String, template: String? = nil) async throws -> String {
        try validate(name)
        if let template { try validate(template) }
        try await withConnection(serverURL) { db in
            if let template {
                try await db.raw("CREATE DATABASE \(ident: name) TEMPLATE \(ident: template)").run()
            } else {
                try await db.raw("CREATE DATABASE \(ident: name)").run()
            }
        }
        guard let components = URLComponents(string: serverURL) else {
            throw StoreError(.invalidConfiguration, "cannot read PostgreSQL URL \(StoreLocation.postgres(url: serverURL))")
        }
        return PostgresURL.naming(components, database: name).string ?? serverURL
    }

    /// Drops database `name` if it exists, disconnecting anyone still connected to it.
    public static func dropDatabase(named name: String, serverURL: String) async throws {
        try validate(name)
        try await withConnection(serverURL) { db in
            try await db.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
        }
    }

    private static func validate(_ name: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
        guard let first = name.first, first.isLetter, name.count <= 63, name.allSatisfy(allowed.contains) else {
            throw StoreError(.invalidArgument, "database name \"\(name)\" must be 1–63 characters of a–z, 0–9 and _")
        }
    }

    private static func withConnection(
        _ url: String, _ body: (any SQLDatabase) async throws -> Void
    ) async throws {
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError(.invalidConfiguration, "cannot read PostgreSQL URL \(StoreLocation.postgres(url: url))")
        }
        let logger = Logger(label: "jcskills.store.provisioning")
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: configuration.coreConfiguration, id: 0, logger: logger)
        } catch {
            throw ErrorTranslation.translate(error, doing: "connecting to \(StoreLocation.postgres(url: url))")
        }
        do {
            try await body(connection.sql(queryLogLevel: nil))
        } catch {
            try? await connection.close()
            throw ErrorTranslation.translate(error, doing: "provisioning a database")
        }
        try? await connection.close()
    }
}
