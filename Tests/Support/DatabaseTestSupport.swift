import Foundation
import JCSkillsStore
import Synchronization

/// A database backend a test runs against.
///
/// Use ``TestDatabases/backends`` as the `arguments:` of a parameterised Swift Testing test to
/// run it on every available backend:
///
/// ```swift
/// @Test(arguments: TestDatabases.backends)
/// func registersAPerson(backend: TestBackend) async throws {
///     try await withTestStore(backend, migrations: RegistrySchema.migrations) { store in … }
/// }
/// ```
public enum TestBackend: Sendable, Hashable, CustomStringConvertible {
    /// A fresh SQLite file in a temporary directory.
    case sqlite
    /// A fresh database on the PostgreSQL server at this URL (created and dropped per use).
    case postgres(serverURL: String)

    /// `sqlite` / `postgres`: what test names show (never the server URL).
    public var description: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    public var dialect: StoreDialect {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }
}

/// The backends available to this test run.
public enum TestDatabases {
    /// The environment variable `scripts/test` sets to its throwaway cluster's URL, e.g.
    /// `postgres://postgres@127.0.0.1:54321/postgres`. Any PostgreSQL server whose user may
    /// create databases works.
    public static let postgresURLVariable = "JCSKILLS_TEST_POSTGRES_URL"

    /// The PostgreSQL server URL, when one was provided.
    public static var postgresServerURL: String? {
        guard let url = ProcessInfo.processInfo.environment[postgresURLVariable], !url.isEmpty else { return nil }
        return url
    }

    /// SQLite always; PostgreSQL too when ``postgresURLVariable`` is set. `scripts/test` sets
    /// it whenever PostgreSQL is installed (and fails on CI when it is not), so a plain
    /// `swift test` runs the SQLite half only.
    public static var backends: [TestBackend] {
        var backends: [TestBackend] = [.sqlite]
        if let url = postgresServerURL { backends.append(.postgres(serverURL: url)) }
        return backends
    }
}

/// Gives `body` the location of a database of its own on `backend` — a new SQLite file in a
/// new temporary directory, or a newly created PostgreSQL database with a random name — and
/// removes it afterwards, whether `body` returns or throws.
///
/// Use it when a test opens several stores on one database (racing start-ups, reopening
/// after a crash); otherwise ``withTestStore(_:service:migrations:configure:_:)`` is simpler.
public func withTestDatabase<T>(
    _ backend: TestBackend, _ body: (StoreLocation) async throws -> T
) async throws -> T {
    try await withTestDatabase(backend, copying: nil, body)
}

/// ``withTestDatabase(_:_:)``, the new database a copy of `source` (a closed SQLite file, or
/// a PostgreSQL database nobody is connected to) when given.
func withTestDatabase<T>(
    _ backend: TestBackend, copying source: MigratedTemplates.Source?, _ body: (StoreLocation) async throws -> T
) async throws -> T {
    switch backend {
    case .sqlite:
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("jcskills-test-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("test.sqlite").path
        if case .sqlite(let template) = source {
            // Closing the template's store checkpointed its log into the file; a log left
            // behind all the same is part of the database and is copied with it.
            for suffix in ["", "-wal"] where suffix.isEmpty || FileManager.default.fileExists(atPath: template + suffix) {
                try FileManager.default.copyItem(atPath: template + suffix, toPath: path + suffix)
            }
        }
        return try await body(.sqlite(path: path))
    case .postgres(let serverURL):
        let name = "jcs_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        var template: String?
        if case .postgres(let database) = source { template = database }
        let url = try await PostgresProvisioning.createDatabase(named: String(name), serverURL: serverURL, template: template)
        do {
            let result = try await body(.postgres(url: url))
            try await PostgresProvisioning.dropDatabase(named: String(name), serverURL: serverURL)
            return result
        } catch {
            try? await PostgresProvisioning.dropDatabase(named: String(name), serverURL: serverURL)
            throw error
        }
    }
}

/// Opens a store for `service` with `migrations` on a fresh database of `backend`, runs
/// `body`, then closes the store and removes the database, whether `body` returns or throws.
///
/// - Parameters:
///   - service: the service name the store records; default `"test"`.
///   - configure: adjusts the configuration before opening (a test clock, a short TTL…).
///     Periodic maintenance is off and the store logs warnings and errors only, unless
///     `configure` says otherwise.
///   - template: start from a copy of a database these `migrations` were applied to once per
///     test process (see ``MigratedTemplates``) instead of migrating an empty one: the same
///     schema for a fraction of the time. Only for a service's real, shipped migration list —
///     the template is looked up by the service name and the migrations' versions and names.
public func withTestStore<T>(
    _ backend: TestBackend,
    service: String = "test",
    migrations: [Migration] = [],
    template: Bool = false,
    configure: (inout StoreConfiguration) -> Void = { _ in },
    _ body: (Store) async throws -> T
) async throws -> T {
    let source = template ? try await MigratedTemplates.shared.template(backend, service: service, migrations: migrations) : nil
    return try await withTestDatabase(backend, copying: source) { location in
        var configuration = testConfiguration(service, location)
        configure(&configuration)
        return try await withOpenStore(configuration, migrations: migrations, body)
    }
}

/// Opens a store, runs `body`, and closes the store however `body` ends (an unclosed store
/// keeps its connections and threads, and AsyncKit's pool asserts on unclosed PostgreSQL
/// connections in debug builds).
public func withOpenStore<T>(
    _ configuration: StoreConfiguration, migrations: [Migration], _ body: (Store) async throws -> T
) async throws -> T {
    try await Store.open(configuration, migrations: migrations).closing(after: body)
}

/// A configuration for `location` without periodic maintenance, logging warnings and errors only.
public func testConfiguration(_ service: String, _ location: StoreLocation) -> StoreConfiguration {
    var configuration = StoreConfiguration(service: service, location: location)
    configuration.maintenanceInterval = nil
    configuration.logger.logLevel = .warning
    return configuration
}

/// Databases with a service's migrations applied, made once per test process and copied for
/// every test that asks (``withTestStore(_:service:migrations:template:configure:_:)``):
/// migrating a fresh database costs the random-history tests most of their time, a copy a
/// small part of it. A SQLite template is a closed file that is copied; a PostgreSQL template
/// a database that `CREATE DATABASE … TEMPLATE` copies on the server.
///
/// A template is migrated without personal-data keys, so each copy records its own store's
/// key fingerprint on first open as a fresh database would. The migrations' `applied_ms` are
/// the time the template was made, not the test's clock. PostgreSQL templates (`jcs_tpl_…`)
/// stay on the server after the run: the throwaway cluster of scripts/with-postgres.sh goes
/// with them.
public final class MigratedTemplates: Sendable {
    public static let shared = MigratedTemplates()

    enum Source: Sendable {
        case sqlite(path: String)
        case postgres(database: String)
    }

    private let made = Mutex<[String: Task<Source, any Error>]>([:])

    func template(_ backend: TestBackend, service: String, migrations: [Migration]) async throws -> Source {
        let key = "\(backend)/\(service)/" + migrations.map { "\($0.version):\($0.name)" }.joined(separator: ",")
        let task = made.withLock { made in
            if let task = made[key] { return task }
            let task = Task { try await Self.make(backend, service: service, migrations: migrations) }
            made[key] = task
            return task
        }
        return try await task.value
    }

    private static func make(_ backend: TestBackend, service: String, migrations: [Migration]) async throws -> Source {
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("jcskills-template-\(UUID().uuidString.lowercased())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("\(service).sqlite").path
            try await withOpenStore(testConfiguration(service, .sqlite(path: path)), migrations: migrations) { _ in }
            return .sqlite(path: path)
        case .postgres(let serverURL):
            let name = "jcs_tpl_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            let url = try await PostgresProvisioning.createDatabase(named: String(name), serverURL: serverURL)
            try await withOpenStore(testConfiguration(service, .postgres(url: url)), migrations: migrations) { _ in }
            return .postgres(database: String(name))
        }
    }
}
