import Foundation
import Logging
import SQLKit

/// Brings a database up to the schema a binary declares, once, however many replicas start.
///
/// Everything happens in one transaction that holds the database-wide migration lock
/// (`BEGIN IMMEDIATE` on SQLite, `pg_advisory_xact_lock` on PostgreSQL): replicas that start
/// together queue on the lock, and each finds the migrations the first one applied already
/// recorded. All pending migrations commit together or not at all, so a failed start-up
/// leaves the schema as it was.
enum MigrationRunner {
    static func run(
        on backend: any StoreBackend,
        service: String,
        migrations: [Migration],
        auditRetentionDays: Int,
        now: Date,
        logger: Logger
    ) async throws {
        try validate(migrations, owner: service)
        let dialect = backend.dialect
        try await backend.transaction(.migration) { db in
            try await db.execute(sql: SQLRaw(StoreSchema.migrationsTable(dialect))) { _ in }
            for (owner, list) in [(StoreSchema.owner, StoreSchema.migrations), (service, migrations)] {
                try await apply(list, owner: owner, on: db, dialect: dialect, now: now, logger: logger)
            }
            // The retention the purge and the DELETE trigger use; the configuration wins.
            try await db.update("jcs_audit_policy")
                .set("retention_days", to: auditRetentionDays)
                .where("id", .equal, 1)
                .where("retention_days", .notEqual, auditRetentionDays)
                .run()
        }
    }

    private static func validate(_ migrations: [Migration], owner: String) throws {
        var previous = 0
        for migration in migrations {
            guard migration.version > previous else {
                throw StoreError(.invalidConfiguration,
                                 "migrations of \(owner) must have positive, strictly increasing versions "
                                     + "(found \(migration.version) after \(previous))")
            }
            previous = migration.version
        }
    }

    private static func apply(
        _ list: [Migration], owner: String, on db: GuardedDatabase, dialect: StoreDialect, now: Date, logger: Logger
    ) async throws {
        let applied = Set(try await db.select().column("version").from("jcs_migrations")
            .where("service", .equal, owner)
            .all(decodingColumn: "version", as: Int.self))
        let newest = list.last?.version ?? 0
        if let recorded = applied.max(), recorded > newest {
            throw StoreError(.schemaTooNew,
                             "the \(owner) schema in this database is at version \(recorded), but this binary knows "
                                 + "versions up to \(newest) only: a newer release has migrated it. Run that release "
                                 + "or a later one, or restore a backup taken before the upgrade")
        }
        let declared = Set(list.map(\.version))
        if let stray = applied.subtracting(declared).min() {
            throw StoreError(.migrationFailed,
                             "the database records migration \(stray) of \(owner), which this binary does not declare")
        }
        let pending = list.filter { !applied.contains($0.version) }
        if let first = pending.first, let recorded = applied.max(), first.version < recorded {
            throw StoreError(.migrationFailed,
                             "migration \(first.version) \"\(first.name)\" of \(owner) is missing from a database "
                                 + "already at version \(recorded); migrations cannot be inserted into the past")
        }
        for migration in pending {
            do {
                try await migration.apply(db, dialect)
            } catch let error as StoreError where [.unavailable, .readOnly, .storageFull].contains(error.kind) {
                throw error
            } catch {
                throw StoreError(.migrationFailed,
                                 "migration \(migration.version) \"\(migration.name)\" of \(owner) failed: \(error)")
            }
            try await db.insert(into: "jcs_migrations")
                .columns("service", "version", "name", "applied_ms")
                .values(SQLBind(owner), SQLBind(migration.version), SQLBind(migration.name),
                        SQLBind(now.unixMilliseconds))
                .run()
            logger.info("applied migration", metadata: [
                "owner": .string(owner), "version": .stringConvertible(migration.version),
                "name": .string(migration.name),
            ])
        }
    }
}
