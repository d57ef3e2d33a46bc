import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import Testing

/// PostgreSQL reads run as statements prepared once per connection
/// (Sources/Store/Native/PostgresStatementText.swift). What must hold: the same answers as
/// statements sent as text, and no connection left failing a statement for ever — PostgresNIO
/// remembers a failed preparation per connection, and a prepared `SELECT *` cannot change its
/// result type when a migration adds a column.
@Suite("Prepared reads on PostgreSQL")
struct PreparedReadTests {
    static let migrations = [Migration(1, "items") { d in [
        "CREATE TABLE items (id \(d.autoIncrementPrimaryKey), name TEXT NOT NULL, amount \(d.bigint), blob \(d.bytes))",
    ] }]
    static let context = AuditContext(principal: "test", method: "test/Prepared", requestID: "r1")

    static var postgres: [TestBackend] { TestDatabases.backends.filter { $0 != .sqlite } }

    /// Two connections per loop, so that repeated reads land on several connections.
    private func withPreparedStore<T>(_ backend: TestBackend, prepared: Bool = true, genericPlans: Bool = true,
                                      _ body: (Store) async throws -> T) async throws -> T {
        try await withTestStore(backend, migrations: Self.migrations, configure: {
            $0.postgresPreparedReads = prepared
            $0.postgresGenericPlans = genericPlans
            $0.postgresConnectionsPerEventLoop = 2
        }, body)
    }

    private func insert(_ store: Store, _ rows: [(String, Int64?, Data?)]) async throws {
        _ = try await store.transaction(Self.context) { tx in
            for (name, amount, blob) in rows {
                try await tx.nativeInsert(into: "items", columns: ["name", "amount", "blob"],
                                          values: [.text(name), amount.map(StoreValue.integer) ?? .null, blob.map(StoreValue.bytes) ?? .null])
            }
        }
    }

    @Test(arguments: postgres)
    func preparedAndTextReadsAnswerAlike(backend: TestBackend) async throws {
        let rows: [(String, Int64?, Data?)] = [("a?b", 5, Data([0, 255])), ("c", nil, nil), ("d", -7, Data())]
        var answers: [[[StoreValue]]] = []
        for prepared in [true, false] {
            let answer = try await withPreparedStore(backend, prepared: prepared) { store in
                try await insert(store, rows)
                var seen: [[StoreValue]] = []
                // The same text many times (prepared once per connection, then run by name),
                // with values of each kind and NULL in the same place.
                for round in 0..<12 {
                    let amount: StoreValue = round % 3 == 0 ? .null : .integer(round % 2 == 0 ? 5 : -7)
                    let found = try await store.query { db in
                        try await db.nativeRows(
                            "SELECT name, amount, blob, 'why?' AS q FROM items WHERE amount IS NOT DISTINCT FROM ? ORDER BY id",
                            [amount])
                    }
                    seen += found.map(\.values)
                }
                let inRead = try await store.read { db in try await db.nativeRows("SELECT count(*) AS n FROM items WHERE name <> ?", [.text("c")]) }
                seen += inRead.map(\.values)
                return seen
            }
            answers.append(answer)
        }
        #expect(answers[0] == answers[1])
        #expect(answers[0].count == 13)
        #expect(answers[0].first == [.text("c"), .null, .null, .text("why?")])
    }

    /// With `postgres_generic_plans` (the default) a prepared read is planned once per connection
    /// and every later run takes that plan; without it PostgreSQL plans the first five runs for
    /// their values (and goes on doing so while that looks cheaper). Counted by the server
    /// (`pg_prepared_statements`), on the connection that ran them.
    @Test(arguments: postgres)
    func preparedReadsRunOneGenericPlanUnlessToldOtherwise(backend: TestBackend) async throws {
        for generic in [true, false] {
            let (genericRuns, customRuns) = try await withPreparedStore(backend, genericPlans: generic) { store in
                try await insert(store, (0..<50).map { ("item \($0)", Int64($0), nil) })
                return try await store.read { db in
                    for bound in 0..<10 {
                        _ = try await db.nativeRows("SELECT name FROM items WHERE amount > ? ORDER BY id", [.integer(Int64(bound * 5))])
                    }
                    let plans = try await db.nativeRows("""
                        SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE ?
                        """, [.text("SELECT name FROM items WHERE amount > $1%")])
                    let row = try #require(plans.first)
                    return (try row.int64("generic_plans"), try row.int64("custom_plans"))
                }
            }
            if generic {
                #expect(genericRuns == 10 && customRuns == 0)
            } else {
                #expect(customRuns >= 5 && genericRuns + customRuns == 10, "generic \(genericRuns), custom \(customRuns)")
            }
        }
    }

    @Test(arguments: postgres)
    func aStatementWhosePreparationFailedWorksOnceItCan(backend: TestBackend) async throws {
        try await withPreparedStore(backend) { store in
            let read = "SELECT count(*) AS n FROM items_later WHERE n > ?"
            // Fails to prepare on every connection it reaches (the table does not exist yet).
            for _ in 0..<6 {
                let error = await storeError { _ = try await store.query { db in try await db.nativeRows(read, [.integer(0)]) } }
                #expect(error != nil)
            }
            _ = try await store.transaction(Self.context) { tx in
                try await tx.nativeExecute("CREATE TABLE items_later (n BIGINT NOT NULL)")
                try await tx.nativeExecute("INSERT INTO items_later (n) VALUES (1), (2)")
            }
            // Every connection that saw the failure was retired: no read of it fails now.
            for _ in 0..<12 {
                let rows = try await store.query { db in try await db.nativeRows(read, [.integer(0)]) }
                #expect(try rows.first?.int64("n") == 2)
            }
        }
    }

    @Test(arguments: postgres)
    func aColumnAddedUnderAPreparedSelectStarFailsAtMostOncePerConnection(backend: TestBackend) async throws {
        try await withPreparedStore(backend) { store in
            try await insert(store, [("a", 1, nil)])
            let read = "SELECT * FROM items WHERE amount = ?"
            for _ in 0..<12 { _ = try await store.query { db in try await db.nativeRows(read, [.integer(1)]) } }
            // What a newer replica's migration does while this one runs.
            _ = try await store.transaction(Self.context) { tx in
                try await tx.nativeExecute("ALTER TABLE items ADD COLUMN added TEXT")
            }
            var failures = 0
            var columns: [String] = []
            for _ in 0..<24 {
                do {
                    let rows = try await store.query { db in try await db.nativeRows(read, [.integer(1)]) }
                    columns = rows.first?.columns ?? []
                } catch {
                    failures += 1
                }
            }
            // Each connection that had prepared it fails once and is replaced; the pool holds at
            // most two per event loop.
            #expect(failures <= 2 * ProcessInfo.processInfo.activeProcessorCount)
            #expect(columns.contains("added"))
        }
    }

    @Test(arguments: postgres)
    func readsCancelledMidStreamLeaveTheStoreAnswering(backend: TestBackend) async throws {
        try await withPreparedStore(backend) { store in
            try await insert(store, (0..<1_000).map { ("p\($0)", Int64($0), Data(repeating: 7, count: 200)) })
            for round in 0..<20 {
                // A long read, cancelled while its rows arrive (a client that walked away).
                let reader = Task {
                    try await store.read { db in
                        try await db.nativeRows("SELECT a.name, a.blob FROM items a, items b WHERE b.amount < ?", [.integer(30)])
                    }
                }
                for _ in 0..<(round * 50) { await Task.yield() }  // cancelled at varying points
                reader.cancel()
                _ = await reader.result
                // Bounded: a read that never ends fails the test instead of hanging the suite.
                let count = try await withTimeout(.seconds(30)) {
                    try await store.query { db in try await db.nativeRows("SELECT count(*) AS n FROM items WHERE amount >= ?", [.integer(0)]) }
                }
                #expect(try count.first?.int64("n") == 1_000)
            }
        }
    }
}
