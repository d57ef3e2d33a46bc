import Foundation
import JCSkillsProtocol
@testable import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing

/// Migrations whose second run would fail (CREATE TABLE without IF NOT EXISTS) and which leave
/// a trace row per run, so running one twice cannot go unnoticed.
private let countedMigrations = [
    Migration(1, "widgets") { d in [
        "CREATE TABLE widgets (id \(d.autoIncrementPrimaryKey), name TEXT NOT NULL)",
        "CREATE TABLE migration_runs (version INTEGER NOT NULL)",
        "INSERT INTO migration_runs (version) VALUES (1)",
    ] },
    Migration(2, "widget colour") { _ in [
        "ALTER TABLE widgets ADD COLUMN colour TEXT",
        "INSERT INTO migration_runs (version) VALUES (2)",
    ] },
]

@Suite(.timeLimit(.minutes(2)))
struct MigrationTests {
    @Test(arguments: TestDatabases.backends)
    func reopeningRunsNothingTwice(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            let configuration = testConfiguration("widgets", location)
            for _ in 1...3 {
                try await withOpenStore(configuration, migrations: countedMigrations) { _ in }
            }
            let (runs, recorded, storeRecorded) = try await withOpenStore(configuration, migrations: countedMigrations) {
                store in
                (try await store.count("migration_runs"),
                 try await store.count("jcs_migrations", where: "service = 'widgets'"),
                 try await store.count("jcs_migrations", where: "service = 'jcskills-store'"))
            }
            #expect(runs == 2)
            #expect(recorded == 2)
            // The store's own schema is recorded once too.
            #expect(storeRecorded == StoreSchema.migrations.count)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func racingStartupsApplyEachMigrationOnce(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            let configuration = testConfiguration("widgets", location)
            let results = await withTaskGroup(of: Result<Store, any Error>.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        do { return .success(try await Store.open(configuration, migrations: countedMigrations)) }
                        catch { return .failure(error) }
                    }
                }
                var results: [Result<Store, any Error>] = []
                for await result in group { results.append(result) }
                return results
            }
            let opened = results.compactMap { try? $0.get() }
            for case .failure(let error) in results { Issue.record(error, "a racing start-up failed") }
            #expect(opened.count == 6)
            var counts: [Int] = []
            if let store = opened.first {
                counts = try await [store.count("migration_runs"), store.count("migration_runs", where: "version = 1"),
                                    store.count("jcs_migrations", where: "service = 'widgets'")]
            }
            for store in opened { await store.close() }
            #expect(counts == [2, 1, 2])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func laterMigrationsApplyOnTopOfEarlierOnes(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            let configuration = testConfiguration("widgets", location)
            try await withOpenStore(configuration, migrations: Array(countedMigrations.prefix(1))) { _ in }
            try await withOpenStore(configuration, migrations: countedMigrations) { store in
                #expect(try await store.count("migration_runs") == 2)
                try await store.transaction(testContext) { tx in
                    try await tx.raw("INSERT INTO widgets (name, colour) VALUES ('a', 'red')").run()
                }
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aDatabaseFromANewerReleaseIsRefused(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            let configuration = testConfiguration("widgets", location)
            try await withOpenStore(configuration, migrations: countedMigrations) { _ in }
            let error = await storeError {
                try await withOpenStore(configuration, migrations: Array(countedMigrations.prefix(1))) { _ in }
            }
            #expect(error?.kind == .schemaTooNew)
            #expect(error?.statusCode == .failedPrecondition)
            #expect(error?.message.contains("version 2") == true)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aFailingMigrationLeavesTheSchemaAsItWas(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            let configuration = testConfiguration("widgets", location)
            let broken = countedMigrations + [Migration(3, "broken", sql: "ALTER TABLE no_such_table ADD COLUMN x TEXT")]
            let error = await storeError { try await withOpenStore(configuration, migrations: broken) { _ in } }
            #expect(error?.kind == .migrationFailed)
            #expect(error?.message.contains("migration 3 \"broken\"") == true)
            // All or nothing: migrations 1 and 2 rolled back with 3, so they apply cleanly now.
            let runs = try await withOpenStore(configuration, migrations: countedMigrations) { store in
                try await store.count("migration_runs")
            }
            #expect(runs == 2)
        }
    }

    @Test
    func versionsMustIncrease() async throws {
        let error = await storeError {
            try await withTestStore(.sqlite, migrations: [countedMigrations[1], countedMigrations[0]]) { _ in }
        }
        #expect(error?.kind == .invalidConfiguration)
    }

    @Test
    func aMigrationMissingFromTheMiddleIsRefused() async throws {
        try await withTestDatabase(.sqlite) { location in
            let configuration = testConfiguration("widgets", location)
            let skipping = [countedMigrations[0], Migration(5, "five", sql: "CREATE TABLE five (x INTEGER)")]
            try await withOpenStore(configuration, migrations: skipping) { _ in }
            let error = await storeError {
                try await withOpenStore(configuration, migrations: countedMigrations + [skipping[1]]) { _ in }
            }
            #expect(error?.kind == .migrationFailed)
        }
    }
}
