import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
import Testing

/// A bulk import keeps PostgreSQL's planner statistics in step with the tables it fills
/// (Sources/ServiceKit/ImportStatistics.swift): gathered after its first transaction, then each
/// time the rows it wrote since exceed what the tables held at the last gathering.
@Suite("Planner statistics during imports")
struct ImportStatisticsTests {
    static let context = AuditContext(principal: "test", method: "test/Import", requestID: "r1")

    static func migrations(_ backend: TestBackend) -> [Migration] {
        [Migration(1, "grown") { d in
            ["CREATE TABLE grown (id \(d.autoIncrementPrimaryKey), k \(d.bigint) NOT NULL)", "CREATE INDEX grown_k ON grown (k)"]
                // The autovacuum must not gather them behind the test's back.
                + (d == .postgres ? ["ALTER TABLE grown SET (autovacuum_enabled = false)"] : [])
        }]
    }

    static func insert(_ count: Int, into store: Store) async throws {
        _ = try await store.transaction(context) { tx in
            try await tx.nativeInsert(into: "grown", columns: ["k"], values: (0..<count).map { .integer(Int64($0 % 7)) })
        }
    }

    /// The rows PostgreSQL's statistics say the table holds (-1 before any are gathered).
    static func rowsByStatistics(_ store: Store) async throws -> Int64 {
        try await store.query { db in
            try await db.nativeRows("SELECT CAST(reltuples AS BIGINT) AS n FROM pg_class WHERE relname = 'grown'").first?.int64("n") ?? -2
        }
    }

    @Test(arguments: TestDatabases.backends)
    func gatheredAfterTheFirstTransactionThenWheneverTheTablesMayHaveDoubled(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: Self.migrations(backend)) { store in
            let statistics = ImportStatistics(store: store, tables: ["grown"])
            guard backend != .sqlite else {
                try await Self.insert(10, into: store)
                await statistics.committed(10)
                #expect(try await store.analyze(["grown"]) == nil)
                return
            }
            #expect(try await Self.rowsByStatistics(store) == -1)
            for (rows, expected) in [(100, 100), (50, 100), (60, 210), (200, 210), (20, 430)] as [(Int, Int64)] {
                try await Self.insert(rows, into: store)
                await statistics.committed(rows)
                #expect(try await Self.rowsByStatistics(store) == expected, "after \(rows) more rows")
            }
        }
    }
}
