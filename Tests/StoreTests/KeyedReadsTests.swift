import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import Synchronization
import Testing

/// Reads by key arriving while their statement's runs are all busy go together in the next run
/// (``KeyedReads``), and never take the rows of a run that started before they arrived.
@Suite("Reads by key sharing statements")
struct KeyedReadsTests {
    /// For each distinct key below 100, two rows holding it (keys from 100 up are "not found").
    static func answer(_ keys: [StoreValue]) -> [StoreRow] {
        var rows: [StoreRow] = []
        var seen = Set<StoreValue>()
        for key in keys where seen.insert(key).inserted {
            guard case .integer(let number) = key, number < 100 else { continue }
            for copy in 0..<2 {
                rows.append(StoreRow(columns: [KeyedStatement.keyColumn, "copy"], values: [key, .integer(Int64(copy))]))
            }
        }
        return rows
    }

    static let statement = KeyedStatement("copy", from: "t", key: "k")

    /// The copies read for `key` (empty when none).
    static func read(_ reads: KeyedReads, _ statements: HeldStatements, _ key: Int) async throws -> [Int64] {
        let rows = try await reads.rows(statement, key: StoreValue(key)) { try await statements.run($0, $1) }
        for row in rows { #expect(try row.value(KeyedStatement.keyColumn) == StoreValue(key)) }
        return try rows.map { try $0.int64("copy") }
    }

    @Test func readsArrivingWhileEveryRunIsBusyGoTogetherInTheNextRun() async throws {
        let reads = KeyedReads(runsAtOnce: 2)
        let statements = HeldStatements(answer: Self.answer)
        try await withThrowingTaskGroup(of: (Int, [Int64]).self) { group in
            for key in [1, 2] { group.addTask { (key, try await Self.read(reads, statements, key)) } }
            try await waitUntil { statements.running == 2 }
            // Five more while both run: the same key twice, one key already running, one not found.
            for key in [3, 4, 4, 1, 150] { group.addTask { (key, try await Self.read(reads, statements, key)) } }
            try await waitUntil { reads.waitingReads == 5 }
            #expect(statements.runs == 2)
            // Neither of the first runs' rows goes to a read that arrived after it started.
            statements.finishOldest()
            try await waitUntil { statements.runs == 3 }
            let together = statements.runningValues.last!
            #expect(together.count == 8)  // five keys, padded to a power of two with repeats
            #expect(Set(together) == Set([3, 4, 1, 150].map(StoreValue.init)))
            #expect(statements.runningSQL.last! == "SELECT k AS keyed_read_key, copy FROM t WHERE k IN (?, ?, ?, ?, ?, ?, ?, ?)")
            statements.finishOldest()
            statements.finishOldest()
            var answered: [Int: [[Int64]]] = [:]
            for try await (key, copies) in group { answered[key, default: []].append(copies) }
            #expect(answered == [1: [[0, 1], [0, 1]], 2: [[0, 1]], 3: [[0, 1]], 4: [[0, 1], [0, 1]], 150: [[]]])
        }
        #expect(reads.statistics == SharedReadStatistics(reads: 7, statements: 3))
        #expect(reads.waitingReads == 0)
    }

    @Test func aFailedRunFailsTheReadsItRanForAndNoLaterOnes() async throws {
        let reads = KeyedReads(runsAtOnce: 1)
        let statements = HeldStatements(answer: Self.answer)
        try await withThrowingTaskGroup(of: Result<[Int64], StoreError>.self) { group in
            @Sendable func read(_ key: Int) async -> Result<[Int64], StoreError> {
                do { return .success(try await Self.read(reads, statements, key)) } catch { return .failure(error as! StoreError) }
            }
            group.addTask { await read(1) }
            try await waitUntil { statements.running == 1 }
            for key in 2...4 { group.addTask { await read(key) } }
            try await waitUntil { reads.waitingReads == 3 }
            statements.finishOldest()
            try await waitUntil { statements.runs == 2 }
            statements.finishOldest(failing: StoreError(.unavailable, "the server went away"))
            var outcomes: [Result<[Int64], StoreError>] = []
            for try await outcome in group { outcomes.append(outcome) }
            #expect(outcomes.filter { (try? $0.get()) == [0, 1] }.count == 1)
            #expect(outcomes.filter { if case .failure(let error) = $0 { error.kind == .unavailable } else { false } }.count == 3)
        }
        // The statement is free again: a read now runs it at once, alone.
        async let again = Self.read(reads, statements, 5)
        try await waitUntil { statements.running == 1 }
        #expect(statements.runningValues == [[StoreValue(5)]])
        statements.finishOldest()
        #expect(try await again == [0, 1])
    }

    @Test func aCancelledLeaderLeavesItsRunToTheReadsThatJoinedIt() async throws {
        let reads = KeyedReads(runsAtOnce: 1)
        let statements = HeldStatements(answer: Self.answer)
        let first = Task { try await Self.read(reads, statements, 1) }
        try await waitUntil { statements.running == 1 }
        let leader = Task { try await Self.read(reads, statements, 2) }
        try await waitUntil { reads.waitingReads == 1 }
        let joined = Task { try await Self.read(reads, statements, 3) }
        try await waitUntil { reads.waitingReads == 2 }
        statements.finishOldest()
        #expect(try await first.value == [0, 1])
        try await waitUntil { statements.runs == 2 }
        leader.cancel()
        await #expect(throws: CancellationError.self) { try await leader.value }
        // The read that joined it runs the statement again, for its own key.
        try await waitUntil { statements.runs == 3 }
        #expect(statements.runningValues == [[StoreValue(3)]])
        statements.finishOldest()
        #expect(try await joined.value == [0, 1])
    }

    @Test func noStatementReadsMoreThanItsLimitOfKeys() async throws {
        let reads = KeyedReads(runsAtOnce: 1)
        let statements = HeldStatements(answer: Self.answer)
        let waiting = KeyedReads.keysPerStatement + 3
        try await withThrowingTaskGroup(of: [Int64].self) { group in
            group.addTask { try await Self.read(reads, statements, 0) }
            try await waitUntil { statements.running == 1 }
            for key in 0..<waiting { group.addTask { try await Self.read(reads, statements, 100 + key) } }
            try await waitUntil { reads.waitingReads == waiting }
            statements.finishOldest()
            try await waitUntil { statements.runs == 2 }
            #expect(statements.runningValues[0].count == KeyedReads.keysPerStatement)
            statements.finishOldest()
            try await waitUntil { statements.runs == 3 }
            #expect(statements.runningValues[0].count == 4)  // the three left, padded
            statements.finishOldest()
            var answers = 0
            for try await copies in group {
                answers += 1
                #expect(copies.isEmpty || copies == [0, 1])
            }
            #expect(answers == waiting + 1)
        }
    }

    /// Through a real store: every read gets its own key's rows (or none), and sees every write
    /// committed before it — while other tasks read other keys without pause.
    @Test(arguments: TestDatabases.backends)
    func aReadGetsItsKeysRowsAndEveryWriteCommittedBeforeIt(backend: TestBackend) async throws {
        let migrations = [Migration(1, "people", sql: "CREATE TABLE people (card TEXT PRIMARY KEY, n BIGINT NOT NULL)")]
        try await withTestStore(backend, migrations: migrations) { store in
            let context = AuditContext(principal: "test", method: "test/Register", requestID: "r1")
            let statement = KeyedStatement("card, n", from: "people", key: "card")
            _ = try await store.transaction(context) { tx in
                try await tx.nativeInsert(into: "people", columns: ["card", "n"],
                                          values: (0..<200).flatMap { [StoreValue("c\($0)"), StoreValue($0)] })
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for reader in 0..<16 {
                    group.addTask {
                        for round in 0..<150 {
                            let number = (reader * 37 + round * 11) % 260  // 200 up: nobody
                            let rows = try await store.rows(statement, key: StoreValue("c\(number)"))
                            if number < 200 {
                                #expect(rows.count == 1 && (try? rows[0].int64("n")) == Int64(number) && (try? rows[0].string("card")) == "c\(number)")
                            } else {
                                #expect(rows.isEmpty)
                            }
                            await Task.yield()
                        }
                    }
                }
                for written in 1000..<1040 {
                    try await store.transaction(context) { tx in
                        try await tx.nativeExecute("INSERT INTO people (card, n) VALUES (?, ?)", [StoreValue("c\(written)"), StoreValue(written)])
                    }
                    let seen = try await store.rows(statement, key: StoreValue("c\(written)"))
                    #expect(seen.count == 1 && (try? seen[0].int64("n")) == Int64(written))
                }
                try await group.waitForAll()
            }
            let statistics = store.keyedReadStatistics
            if backend.dialect == .postgres {
                #expect(statistics.reads == 16 * 150 + 40)
                #expect(statistics.statements < statistics.reads)
            } else {
                #expect(statistics == SharedReadStatistics())  // SQLite reads are not gathered
            }
        }
    }
}
