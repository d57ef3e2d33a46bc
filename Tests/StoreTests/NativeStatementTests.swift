import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import Testing

@Suite("Natively bound statements")
struct NativeStatementTests {
    static let migrations = [Migration(1, "things") { d in [
        """
        CREATE TABLE things (
            id \(d.autoIncrementPrimaryKey),
            name TEXT NOT NULL UNIQUE,
            blob \(d.bytes),
            amount \(d.bigint) NOT NULL,
            ratio \(d.double),
            note TEXT)
        """,
    ] }]
    static let context = AuditContext(principal: "test", method: "test/Native", requestID: "r1")
    static let columns = ["name", "blob", "amount", "ratio", "note"]

    @Test(arguments: TestDatabases.backends)
    func valuesOfEveryKindGoInAndComeBack(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: Self.migrations) { store in
            _ = try await store.transaction(Self.context) { tx in
                try await tx.nativeInsert(into: "things", columns: Self.columns, values: [
                    .text("a?b 'x'"), .bytes(Data([0, 1, 255])), .integer(Int64.max), .real(0.5), .null,
                ])
            }
            // A question mark inside a literal is not a placeholder.
            let rows = try await store.query { db in
                try await db.nativeRows("SELECT name, blob, amount, ratio, note, 'why?' AS q FROM things WHERE amount = ?",
                                        [.integer(Int64.max)])
            }
            #expect(rows.count == 1)
            let row = try #require(rows.first)
            #expect(try row.string("name") == "a?b 'x'")
            #expect(try row.data("blob") == Data([0, 1, 255]))
            #expect(try row.int64("amount") == Int64.max)
            #expect(try row.value("ratio") == .real(0.5))
            #expect(try row.optionalString("note") == nil)
            #expect(try row.string("q") == "why?")
            #expect(throws: StoreError.self) { try row.value("missing") }
        }
    }

    @Test
    func oneStatementReadsSeeEachCommitAndCannotWriteOnSQLite() async throws {
        try await withTestStore(.sqlite, migrations: Self.migrations) { store in
            for round in 1...3 {
                _ = try await store.transaction(Self.context) { tx in
                    try await tx.nativeInsert(into: "things", columns: Self.columns,
                                              values: [.text("r\(round)"), .null, .integer(Int64(round)), .null, .null])
                }
                // Prepared once, reused: each run still sees the latest commit.
                let rows = try await store.query { db in try await db.nativeRows("SELECT COUNT(*) AS n FROM things") }
                #expect(try rows.first?.int64("n") == Int64(round))
            }
            await #expect(throws: StoreError.self) {
                try await store.query { db in
                    try await db.nativeExecute("INSERT INTO things (name, amount) VALUES (?, ?)", [.text("x"), .integer(1)])
                }
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func largeInsertsAreSplitAndUpsertsAdd(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: Self.migrations) { store in
            // 2,500 rows: more than one statement's worth.
            let values = (0..<2_500).flatMap { n -> [StoreValue] in
                [.text("thing \(n)"), .null, .integer(Int64(n)), .null, .text("n\(n)")]
            }
            try await store.transaction(Self.context) { tx in
                try await tx.nativeInsert(into: "things", columns: Self.columns, values: values)
                try await tx.nativeInsert(
                    into: "things", columns: Self.columns,
                    values: [.text("thing 7"), .null, .integer(100), .null, .null],
                    suffix: "ON CONFLICT (name) DO UPDATE SET amount = things.amount + excluded.amount")
            }
            let summary = try await store.query { db in
                try await db.nativeRows("SELECT COUNT(*) AS n, SUM(amount) AS total FROM things")
            }
            #expect(try summary.first?.int64("n") == 2_500)
            #expect(try summary.first?.int64("total") == Int64((0..<2_500).reduce(0, +) + 100))
        }
    }

    /// Typed inserts: on PostgreSQL each column bound as one array and unnested, NULLs kept,
    /// one prepared statement for any number of rows (with `postgres_prepared_inserts`; the
    /// same texts sent as text without it); the same rows on SQLite.
    @Test(arguments: TestDatabases.backends, [true, false])
    func typedInsertsKeepEveryValueAndNullInOneStatementText(backend: TestBackend, preparedInserts: Bool) async throws {
        let types: [StoreColumnType] = [.text, .bytes, .integer, .real, .text]
        // 2,500 rows: more than one statement's worth; NULLs, the empty text, quotes and
        // question marks, the integers' extremes, bytes of every value.
        let rows: [[StoreValue]] = (0..<2_500).map { n in
            let name: StoreValue = .text(n == 0 ? "a?b 'x' 晋城" : "t\(n)")
            let blob: StoreValue = n % 3 == 0 ? .null : .bytes(Data((0...(n % 7)).map { UInt8(truncatingIfNeeded: $0 * 37 + n) }))
            let amount: Int64 = n == 1 ? .min : n == 2 ? .max : Int64(n) - 1_000
            let ratio: StoreValue = n % 2 == 0 ? .null : .real(Double(n) / 8)
            let note: StoreValue = n % 5 == 0 ? .null : n % 5 == 1 ? .text("") : .text("note \(n)")
            return [name, blob, .integer(amount), ratio, note]
        }
        try await withTestStore(backend, migrations: Self.migrations, configure: { $0.postgresPreparedInserts = preparedInserts }) { store in
            let prepared = try await store.transaction(Self.context) { tx -> [Int64]? in
                try await tx.nativeInsert(into: "things", columns: Self.columns, types: types, values: rows[0])
                try await tx.nativeInsert(into: "things", columns: Self.columns, types: types, values: Array(rows[1..<7].joined()))
                try await tx.nativeInsert(into: "things", columns: Self.columns, types: types, values: Array(rows[7...].joined()))
                guard backend.dialect == .postgres else { return nil }
                // The inserts of 6 rows and of 2,493 in three statements ran one prepared text;
                // the single row (every NULL of the kinds) a prepared VALUES.
                return try await tx.nativeRows("""
                    SELECT COUNT(*) FILTER (WHERE statement LIKE '%unnest%') AS arrays,
                           COUNT(*) FILTER (WHERE statement LIKE '%VALUES%') AS one_row
                    FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO things%'
                    """).first.map { [try $0.int64("arrays"), try $0.int64("one_row")] }
            }
            if backend.dialect == .postgres { #expect(prepared == (preparedInserts ? [1, 1] : [0, 0])) }
            let stored = try await store.query { db in
                try await db.nativeRows("SELECT name, blob, amount, ratio, note FROM things ORDER BY id")
            }
            #expect(stored.count == rows.count)
            for (row, expected) in zip(stored, rows) {
                let got = try Self.columns.map { try row.value($0) }
                #expect(got == expected)
            }
            // A value of another type is refused on both backends, and nothing of it is kept.
            await #expect(throws: StoreError.self) {
                try await store.transaction(Self.context) { tx in
                    try await tx.nativeInsert(into: "things", columns: Self.columns, types: types,
                                              values: [.text("wrong"), .null, .text("12"), .null, .null])
                }
            }
            let count = try await store.query { db in try await db.nativeRows("SELECT COUNT(*) AS n FROM things") }
            #expect(try count.first?.int64("n") == Int64(rows.count))
        }
    }

    /// An insert without types: on PostgreSQL typed by its values' kinds when each column holds
    /// one kind (one prepared text for any number of rows, `RETURNING` rows kept); as `VALUES`
    /// text when a column holds only NULLs or two kinds. The same rows on both backends.
    @Test(arguments: TestDatabases.backends)
    func untypedInsertsAreTypedByTheirValuesWhereEachColumnHoldsOneKind(backend: TestBackend) async throws {
        #expect(StoreColumnType.kinds(of: [.text("a"), .null, .integer(1), .null, .bytes(Data())], columns: 5) == nil)
        #expect(StoreColumnType.kinds(of: [.text("a"), .integer(1), .null, .integer(2)], columns: 2) == [.text, .integer])
        #expect(StoreColumnType.kinds(of: [.text("a"), .integer(1), .text("b"), .real(2)], columns: 2) == nil)
        func row(_ n: Int, ratio: StoreValue) -> [StoreValue] { [.text("u\(n)"), .bytes(Data([UInt8(n)])), .integer(Int64(n)), ratio, .text("n")] }
        try await withTestStore(backend, migrations: Self.migrations) { store in
            let (returned, prepared) = try await store.transaction(Self.context) { tx -> ([StoreRow], [Int64]?) in
                let returned = try await tx.nativeInsert(into: "things", columns: Self.columns,
                                                         values: (0..<6).flatMap { row($0, ratio: .real(Double($0))) }, suffix: "RETURNING name, amount")
                // A column of NULLs only, and a column of two kinds: as text.
                try await tx.nativeInsert(into: "things", columns: Self.columns, values: (6..<9).flatMap { row($0, ratio: .null) })
                try await tx.nativeInsert(into: "things", columns: Self.columns,
                                          values: row(9, ratio: .real(0.5)) + row(10, ratio: .integer(3)))
                guard backend.dialect == .postgres else { return (returned, nil) }
                let prepared = try await tx.nativeRows("""
                    SELECT COUNT(*) FILTER (WHERE statement LIKE '%unnest%') AS arrays, COUNT(*) AS statements
                    FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO things%'
                    """).first.map { [try $0.int64("arrays"), try $0.int64("statements")] }
                return (returned, prepared)
            }
            #expect(Set(try returned.map { try $0.string("name") }) == Set((0..<6).map { "u\($0)" }))
            #expect(try returned.map { try $0.int64("amount") }.reduce(0, +) == 15)
            if backend.dialect == .postgres { #expect(prepared == [1, 1]) }
            let stored = try await store.query { db in try await db.nativeRows("SELECT name, ratio FROM things ORDER BY id") }
            #expect(try stored.map { try $0.string("name") } == (0...10).map { "u\($0)" })
            #expect(try stored.map { try $0.value("ratio") } == (0..<6).map { .real(Double($0)) } + [.null, .null, .null, .real(0.5), .real(3)])
        }
    }

    /// Typed one-row inserts into narrower columns (PostgreSQL's INTEGER and REAL) on one
    /// connection, the first with NULLs: a prepared statement's parameters take their types at
    /// its preparation, from the first values bound (a NULL leaving PostgreSQL to take the
    /// column's, `integer`) — so without the types written into the text, the rows after it,
    /// bound as 64-bit integers, were refused.
    @Test(arguments: TestDatabases.backends)
    func typedOneRowInsertsTakeNullsFirstAndValuesAfterInNarrowColumns(backend: TestBackend) async throws {
        let narrow = [Migration(1, "narrow") { _ in ["CREATE TABLE narrow (k TEXT NOT NULL, n INTEGER, r REAL, t TEXT)"] }]
        let types: [StoreColumnType] = [.text, .integer, .real, .text]
        let rows: [[StoreValue]] = [
            [.text("nulls"), .null, .null, .null],
            [.text("values"), .integer(2_000_000_000), .real(0.5), .text("x")],
            [.text("nulls again"), .null, .null, .null],
        ]
        try await withTestStore(backend, migrations: narrow) { store in
            try await store.transaction(Self.context) { tx in
                for row in rows {
                    try await tx.nativeInsert(into: "narrow", columns: ["k", "n", "r", "t"], types: types, values: row)
                }
                try await tx.nativeInsert(into: "narrow", columns: ["k", "n", "r", "t"], types: types,
                                          values: [.text("two a"), .null, .null, .null, .text("two b"), .integer(-7), .real(2), .null])
            }
            let stored = try await store.query { db in try await db.nativeRows("SELECT k, n, r, t FROM narrow") }
            let byKey = Dictionary(uniqueKeysWithValues: try stored.map { (try $0.string("k"), [try $0.value("n"), try $0.value("r"), try $0.value("t")]) })
            #expect(byKey["nulls"] == [.null, .null, .null])
            #expect(byKey["values"] == [.integer(2_000_000_000), .real(0.5), .text("x")])
            #expect(byKey["nulls again"] == [.null, .null, .null])
            #expect(byKey["two a"] == [.null, .null, .null])
            #expect(byKey["two b"] == [.integer(-7), .real(2), .null])
        }
    }

    /// A typed insert refused by a unique constraint fails its own write only: the writes that
    /// shared its group's transaction still commit (a refusal at execution leaves the connection
    /// and its transaction to the group, unlike a refused preparation). With the connection
    /// closed under the group, the group's writes waited for ever: hence the time limit.
    @Test(.timeLimit(.minutes(1)), arguments: TestDatabases.backends)
    func aDuplicateInATypedInsertFailsOnlyItsOwnGroupedWrite(backend: TestBackend) async throws {
        let types: [StoreColumnType] = [.text, .bytes, .integer, .real, .text]
        func row(_ name: String, _ amount: Int64) -> [StoreValue] { [.text(name), .null, .integer(amount), .null, .null] }
        try await withTestStore(backend, migrations: Self.migrations) { store in
            _ = try await store.transaction(Self.context) { tx in
                try await tx.nativeInsert(into: "things", columns: Self.columns, types: types, values: row("taken", 0))
            }
            for round in 0..<5 {
                let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                    for n in 0..<24 {
                        group.addTask {
                            do {
                                try await store.transaction(Self.context) { tx in
                                    // Every sixth write repeats a name already stored; two rows
                                    // a write take the arrays, one the single-row statement.
                                    let name = n % 6 == 0 ? "taken" : "r\(round) n\(n)"
                                    let values = n % 2 == 0 ? row(name, 1) : row(name, 1) + row("r\(round) n\(n) b", 1)
                                    try await tx.nativeInsert(into: "things", columns: Self.columns, types: types, values: values)
                                }
                                return (n, true)
                            } catch let error as StoreError {
                                #expect(error.kind == .alreadyExists)
                                return (n, false)
                            } catch {
                                Issue.record("unexpected \(error)")
                                return (n, false)
                            }
                        }
                    }
                    return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
                }
                #expect(outcomes.filter { $0.value }.count == 20)
                #expect(outcomes.filter { !$0.value }.keys.sorted() == [0, 6, 12, 18])
            }
            let count = try await store.query { db in try await db.nativeRows("SELECT COUNT(*) AS n, SUM(amount) AS total FROM things") }
            // Per round: eight single-row writes and twelve two-row writes committed.
            #expect(try count.first?.int64("n") == 1 + 5 * 32)
            #expect(try count.first?.int64("total") == 5 * 32)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aFailedStatementAbortsTheTransactionAndRollsBack(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: Self.migrations) { store in
            let row: [StoreValue] = [.text("dup"), .null, .integer(1), .null, .null]
            await #expect(throws: StoreError.self) {
                try await store.transaction(Self.context) { tx in
                    try await tx.nativeInsert(into: "things", columns: Self.columns, values: row)
                    do {
                        try await tx.nativeInsert(into: "things", columns: Self.columns, values: row)
                    } catch let error as StoreError {
                        #expect(error.kind == .alreadyExists)
                    }
                    // Refused after the failure, on both backends.
                    _ = try await tx.nativeRows("SELECT COUNT(*) AS n FROM things")
                }
            }
            let count = try await store.query { db in try await db.nativeRows("SELECT COUNT(*) AS n FROM things") }
            #expect(try count.first?.int64("n") == 0)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func anInsertReturnsTheRowsOfItsReturningClause(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: Self.migrations) { store in
            let values = (0..<2_500).flatMap { n -> [StoreValue] in [.text("t\(n)"), .null, .integer(Int64(n)), .null, .null] }
            let returned = try await store.transaction(Self.context) { tx in
                try await tx.nativeInsert(into: "things", columns: Self.columns, values: values, suffix: "RETURNING name, amount")
            }
            // Every statement's rows (2,500 rows take more than one statement).
            #expect(returned.count == 2_500)
            #expect(Set(try returned.map { try $0.string("name") }) == Set((0..<2_500).map { "t\($0)" }))
            #expect(try returned.map { try $0.int64("amount") }.reduce(0, +) == Int64((0..<2_500).reduce(0, +)))
        }
    }

    /// The writer's statements are prepared once on its own handle and kept, a bounded number
    /// of them: more distinct statements than that still run, in one transaction and the next,
    /// and the store still closes cleanly (SQLite refuses to close a connection under prepared
    /// statements, and the last connection to close removes the log).
    @Test
    func sqliteWritesRunOnTheWritersHandleAndCloseCleanly() async throws {
        try await withTestDatabase(.sqlite) { location in
            guard case .sqlite(let path) = location else { return }
            var configuration = StoreConfiguration(service: "test", location: location)
            configuration.maintenanceInterval = nil
            configuration.logger.logLevel = .warning
            let store = try await Store.open(configuration, migrations: Self.migrations)
            for round in 0..<2 {
                try await store.transaction(Self.context) { tx in
                    for n in 0..<40 {
                        // A distinct statement each: the literal differs.
                        try await tx.nativeExecute("INSERT INTO things (name, amount, note) VALUES (?, ?, 'statement \(n)')",
                                                   [.text("r\(round) n\(n)"), .integer(Int64(n))])
                    }
                }
            }
            let count = try await store.query { db in try await db.nativeRows("SELECT COUNT(*) AS n, SUM(amount) AS total FROM things") }
            #expect(try count.first?.int64("n") == 80)
            #expect(try count.first?.int64("total") == 2 * Int64((0..<40).reduce(0, +)))
            await store.close()
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }
}
