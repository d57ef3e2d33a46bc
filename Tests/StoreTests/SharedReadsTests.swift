import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import Synchronization
import Testing

/// Identical reads arriving while one runs share its next run (``SharedReads``), and never the
/// rows of a run that started before they arrived.
@Suite("Identical reads sharing statements")
struct SharedReadsTests {
    /// One row holding the statement's first value.
    static func answer(_ values: [StoreValue]) -> [StoreRow] {
        [StoreRow(columns: ["v"], values: [values[0]])]
    }

    static let sql = "SELECT ? AS v"

    static func read(_ shared: SharedReads, _ statements: HeldStatements, _ value: Int) async throws -> Int64 {
        let rows = try await shared.rows(sql, [StoreValue(value)]) { try await statements.run($0, $1) }
        return try rows[0].int64("v")
    }

    @Test func readsArrivingWhileOneRunsShareTheNextRunAndNotThatOne() async throws {
        let shared = SharedReads()
        let statements = HeldStatements(answer: Self.answer)
        try await withThrowingTaskGroup(of: (Int, Int64).self) { group in
            group.addTask { (1, try await Self.read(shared, statements, 1)) }
            try await waitUntil { statements.running == 1 }
            // Eight more of the same while it runs; two of another, which runs at once.
            for _ in 0..<8 { group.addTask { (1, try await Self.read(shared, statements, 1)) } }
            for _ in 0..<2 { group.addTask { (2, try await Self.read(shared, statements, 2)) } }
            try await waitUntil { shared.waitingReads == 9 && statements.running == 2 }
            // None of the eight takes the first run's rows: it started before they came.
            statements.finishOldest()
            try await waitUntil { statements.runs == 3 }
            #expect(shared.waitingReads == 1)
            statements.finishOldest()  // value 2's first run
            statements.finishOldest()  // the eight, in one run
            try await waitUntil { statements.runs == 4 }
            statements.finishOldest()  // value 2's second read
            var answered: [Int: [Int64]] = [:]
            for try await (value, answer) in group { answered[value, default: []].append(answer) }
            #expect(answered[1] == Array(repeating: 1, count: 9))
            #expect(answered[2] == [2, 2])
        }
        #expect(statements.runs == 4)
        #expect(shared.statistics == SharedReadStatistics(reads: 11, statements: 4))
        #expect(shared.waitingReads == 0)
    }

    @Test func aFailedRunFailsTheReadsItRanForAndNoLaterOnes() async throws {
        let shared = SharedReads()
        let statements = HeldStatements(answer: Self.answer)
        try await withThrowingTaskGroup(of: Result<Int64, StoreError>.self) { group in
            @Sendable func read() async -> Result<Int64, StoreError> {
                do { return .success(try await Self.read(shared, statements, 7)) } catch { return .failure(error as! StoreError) }
            }
            group.addTask { await read() }
            try await waitUntil { statements.running == 1 }
            for _ in 0..<3 { group.addTask { await read() } }
            try await waitUntil { shared.waitingReads == 3 }
            statements.finishOldest()
            try await waitUntil { statements.runs == 2 }
            statements.finishOldest(failing: StoreError(.unavailable, "the server went away"))
            var outcomes: [Result<Int64, StoreError>] = []
            for try await outcome in group { outcomes.append(outcome) }
            #expect(outcomes.filter { (try? $0.get()) == 7 }.count == 1)
            #expect(outcomes.filter { if case .failure(let error) = $0 { error.kind == .unavailable } else { false } }.count == 3)
        }
        // The statement is free again: a read now runs it afresh.
        async let again = Self.read(shared, statements, 7)
        try await waitUntil { statements.running == 1 }
        statements.finishOldest()
        #expect(try await again == 7)
    }

    @Test func aCancelledLeaderLeavesItsRunToTheReadsThatJoinedIt() async throws {
        let shared = SharedReads()
        let statements = HeldStatements(answer: Self.answer)
        let first = Task { try await Self.read(shared, statements, 3) }
        try await waitUntil { statements.running == 1 }
        // The second read to arrive leads the next run; the third joins it.
        let leader = Task { try await Self.read(shared, statements, 3) }
        try await waitUntil { shared.waitingReads == 1 }
        let joined = Task { try await Self.read(shared, statements, 3) }
        try await waitUntil { shared.waitingReads == 2 }
        statements.finishOldest()
        #expect(try await first.value == 3)
        try await waitUntil { statements.runs == 2 }
        // The leader is cancelled, and its run fails with that (HeldStatements is cancellable).
        leader.cancel()
        await #expect(throws: CancellationError.self) { try await leader.value }
        // The read that joined it is not cancelled: it runs the statement again for itself.
        try await waitUntil { statements.runs == 3 }
        statements.finishOldest()
        #expect(try await joined.value == 3)
    }

    /// Through a real store: a read shares only runs that start after it arrived, so it sees
    /// every write committed before it — checked while other tasks read the same row without pause.
    @Test(arguments: TestDatabases.backends)
    func aReadSeesEveryWriteCommittedBeforeIt(backend: TestBackend) async throws {
        let migrations = [Migration(1, "counter", sql: "CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)")]
        try await withTestStore(backend, migrations: migrations) { store in
            let context = AuditContext(principal: "test", method: "test/Count", requestID: "r1")
            try await store.transaction(context) { tx in try await tx.nativeExecute("INSERT INTO counter (id, n) VALUES (1, 0)", []) }
            let read = "SELECT n FROM counter WHERE id = ?"
            let stop = StopFlag()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        // Bounded, and yielding: on SQLite a read runs on the caller's thread
                        // without suspending, and six readers would hold the test's threads.
                        for _ in 0..<5_000 where !stop.raised {
                            _ = try await store.rows(read, [StoreValue(1)])
                            await Task.yield()
                        }
                    }
                }
                defer { stop.raise() }
                for written in 1...60 {
                    try await store.transaction(context) { tx in
                        try await tx.nativeExecute("UPDATE counter SET n = ? WHERE id = 1", [StoreValue(written)])
                    }
                    let seen = try await store.rows(read, [StoreValue(1)])[0].int64("n")
                    #expect(seen == Int64(written))
                }
                stop.raise()
                try await group.waitForAll()
            }
            let statistics = store.sharedReadStatistics
            if backend.dialect == .postgres {
                #expect(statistics.reads >= 60 && statistics.statements <= statistics.reads)
            } else {
                #expect(statistics == SharedReadStatistics())  // SQLite reads are not shared
            }
        }
    }

    final class StopFlag: Sendable {
        private let value = Atomic<Bool>(false)
        var raised: Bool { value.load(ordering: .relaxed) }
        func raise() { value.store(true, ordering: .relaxed) }
    }
}
