import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Synchronization
import Testing

private struct Refused: Error {}

/// Counters as the services keep them (``SQLKit/SQLDatabase/addDeltas(into:keys:delta:rows:)``),
/// and notes for a write that fails in the database.
private let countersMigration = Migration(1, "counters") { d in [
    "CREATE TABLE counters (scope INTEGER NOT NULL, name TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (scope, name))",
    "CREATE TABLE notes (id \(d.autoIncrementPrimaryKey), title TEXT NOT NULL UNIQUE)",
] }

private func context(_ name: String) -> AuditContext { groupCommitContext(name) }

private func add(_ delta: Int64, to name: String, in db: any SQLDatabase) async throws {
    try await db.addDeltas(into: "counters", keys: ["scope", "name"], delta: "n", rows: [([StoreValue(0), .text(name)], delta)])
}

private func counter(_ name: String, in db: any SQLDatabase) async throws -> Int64? {
    try await db.nativeRows("SELECT n FROM counters WHERE scope = 0 AND name = ?", [.text(name)]).first?.int64("n")
}

private func counters(_ store: Store) async throws -> [String: Int64] {
    let rows = try await store.read { db in try await db.nativeRows("SELECT name, n FROM counters WHERE scope = 0") }
    var result: [String: Int64] = [:]
    for row in rows { result[try row.string("name")] = try row.int64("n") }
    return result
}

/// `first` runs, then holds the writer until each of `queued` waits behind it (in order), so
/// that all meet in one group. The outcomes, the first's first.
private func inOneGroup(
    _ store: Store, first: @escaping @Sendable (StoreTransaction) async throws -> Void,
    queued: [@Sendable (StoreTransaction) async throws -> Void]
) async -> [Result<Void, any Error>] {
    await behindAHeldWrite(store, first: first, firstRunsBeforeTheHold: true, queued: queued.enumerated().map { index, write in
        { try await store.transaction(context("queued \(index)"), write) }
    })
}

private func sharing(lanes: Int) -> (inout StoreConfiguration) -> Void {
    { configuration in
        configuration.groupCommit = true
        configuration.postgresWriteLanes = lanes
    }
}

@Suite(.timeLimit(.minutes(2)))
struct GroupCommitDeltaTests {
    @Test(arguments: TestDatabases.backends)
    func aGroupsDeltasAreSummedAndAFailedWritesAreDropped(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [countersMigration], configure: sharing(lanes: 1)) { store in
            let before = store.groupCommitStatistics
            let outcomes = await inOneGroup(store, first: { tx in
                try await add(1, to: "a", in: tx)
                try await add(10, to: "b", in: tx)
            }, queued: [
                { tx in
                    try await add(2, to: "a", in: tx)
                    try await add(3, to: "a", in: tx)
                },
                // Refused by the handler after adding.
                { tx in
                    try await add(100, to: "c", in: tx)
                    try await add(100, to: "a", in: tx)
                    throw Refused()
                },
                // Refused by the database after adding.
                { tx in
                    try await add(1_000, to: "a", in: tx)
                    try await tx.nativeExecute("INSERT INTO notes (title) VALUES ('same')")
                    try await tx.nativeExecute("INSERT INTO notes (title) VALUES ('same')")
                },
                { tx in try await add(-10, to: "b", in: tx) },
                { tx in try await add(7, to: "d", in: tx) },
            ])
            try outcomes[0].get()
            try outcomes[1].get()
            #expect(throws: Refused.self) { try outcomes[2].get() }
            #expect(throws: StoreError.self) { try outcomes[3].get() }
            try outcomes[4].get()
            try outcomes[5].get()
            let values = try await counters(store)
            #expect(values["a"] == 6)
            #expect(values["b"] ?? 0 == 0)
            #expect(values["c"] == nil)
            #expect(values["d"] == 7)
            let after = store.groupCommitStatistics
            #expect(after.commits - before.commits < after.writes - before.writes)
        }
    }

    /// Deltas are held until the commit (``DeltaSet``): a read in the same transaction sees them
    /// only once the write asks for them.
    @Test(arguments: TestDatabases.backends)
    func heldDeltasAreAddedAtTheCommitOrWhenAsked(backend: TestBackend) async throws {
        for grouping in [WriteGrouping.shared, .alone] {
            try await withTestStore(backend, migrations: [countersMigration], configure: sharing(lanes: 1)) { store in
                let seen = try await store.transaction(context("read own"), grouping: grouping) { tx in
                    try await add(5, to: "a", in: tx)
                    let held = try await counter("a", in: tx)
                    try await tx.applyHeldDeltas()
                    let applied = try await counter("a", in: tx)
                    try await add(1, to: "a", in: tx)
                    return (held, applied)
                }
                #expect(seen.0 == nil, "\(grouping)")
                #expect(seen.1 == 5, "\(grouping)")
                #expect(try await counters(store)["a"] == 6, "\(grouping)")
            }
        }
    }

    /// A write that asks for the group's held deltas adds the earlier writes' too, inside its
    /// savepoint; when it then fails, they are undone with it and must still reach the commit.
    @Test(arguments: TestDatabases.backends)
    func aFailedWriteThatAddedTheGroupsDeltasLeavesThemToTheCommit(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [countersMigration], configure: sharing(lanes: 1)) { store in
            let seen = Locked<Int64?>(nil)
            let outcomes = await inOneGroup(store, first: { tx in try await add(1, to: "a", in: tx) }, queued: [
                { tx in try await add(2, to: "a", in: tx) },
                { tx in
                    try await add(100, to: "a", in: tx)
                    try await tx.applyHeldDeltas()
                    let value = try await counter("a", in: tx)
                    seen.withLock { $0 = value }
                    throw Refused()
                },
                { tx in try await add(4, to: "a", in: tx) },
            ])
            try outcomes[0].get()
            try outcomes[1].get()
            #expect(throws: Refused.self) { try outcomes[2].get() }
            try outcomes[3].get()
            #expect(seen.value == 103)
            #expect(try await counters(store)["a"] == 7)
        }
    }

    /// Two groups on two lanes, each adding to counters `x` and `y`, one in that order and one in
    /// the other. Added as each write ran, the first writes' row locks (held until their group
    /// commits) crossed the second writes' and PostgreSQL aborted one with a deadlock (40P01);
    /// held until the commits and added in key order, they wait for each other instead.
    @Test(.enabled(if: TestDatabases.postgresServerURL != nil, "needs PostgreSQL"))
    func groupsAddingToCountersInOppositeOrdersDoNotDeadlock() async throws {
        let backend = TestDatabases.backends.first { $0.dialect == .postgres }!
        try await withTestStore(backend, migrations: [countersMigration], configure: sharing(lanes: 2)) { store in
            try await store.transaction(context("rows")) { tx in
                try await tx.nativeExecute("INSERT INTO counters (scope, name, n) VALUES (0, 'x', 0), (0, 'y', 0)")
            }
            let rounds = 12
            for round in 0..<rounds {
                let firstRunning = Gate(), otherRunning = Gate(), release = Gate()
                let write: @Sendable (String, String, Gate?) async throws -> Void = { name, counterName, running in
                    try await store.transaction(context("\(name) \(round)")) { tx in
                        try await add(1, to: counterName, in: tx)
                        if let running {
                            running.open()
                            await release.wait()
                        }
                    }
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // Lane 1 runs w1 (x) and holds its turn; lane 2, the less busy, then v1 (y).
                    group.addTask { try await write("w1", "x", firstRunning) }
                    await firstRunning.wait()
                    group.addTask { try await write("v1", "y", otherRunning) }
                    await otherRunning.wait()
                    // Equally busy: w2 queues on lane 1, then v2 on lane 2, the less busy again.
                    group.addTask { try await write("w2", "y", nil) }
                    while store.committer.queuedWriters < 1 { await Task.yield() }
                    group.addTask { try await write("v2", "x", nil) }
                    while store.committer.queuedWriters < 2 { await Task.yield() }
                    release.open()
                    try await group.waitForAll()
                }
            }
            let values = try await counters(store)
            #expect(values["x"] == Int64(2 * rounds))
            #expect(values["y"] == Int64(2 * rounds))
        }
    }

    /// Rows other than counters still cross: two groups each inserting the key the other's first
    /// write holds. PostgreSQL aborts one of the two waiting statements as a deadlock; only that
    /// write is undone (its savepoint rolled back), its group's other write commits, and the
    /// store runs it again on its own, once the other group has committed: all four succeed.
    @Test(.enabled(if: TestDatabases.postgresServerURL != nil, "needs PostgreSQL"))
    func aWriteThatLosesADeadlockInAGroupRunsAgainAlone() async throws {
        let backend = TestDatabases.backends.first { $0.dialect == .postgres }!
        try await withTestStore(backend, migrations: [countersMigration], configure: sharing(lanes: 2)) { store in
            let firstRunning = Gate(), otherRunning = Gate(), release = Gate()
            let write: @Sendable (String, Gate?) async -> Result<Void, any Error> = { title, running in
                do {
                    try await store.transaction(context(title)) { tx in
                        try await tx.nativeExecute("INSERT INTO notes (title) VALUES (?) ON CONFLICT (title) DO NOTHING", [.text(title.prefix(1).description)])
                        if let running {
                            running.open()
                            await release.wait()
                        }
                    }
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            let before = store.groupCommitStatistics
            let outcomes = await withTaskGroup(of: (String, Result<Void, any Error>).self) { group in
                group.addTask { ("a1", await write("a1", firstRunning)) }
                await firstRunning.wait()
                group.addTask { ("b1", await write("b1", otherRunning)) }
                await otherRunning.wait()
                group.addTask { ("b2", await write("b2", nil)) }
                while store.committer.queuedWriters < 1 { await Task.yield() }
                group.addTask { ("a2", await write("a2", nil)) }
                while store.committer.queuedWriters < 2 { await Task.yield() }
                release.open()
                var outcomes: [String: Result<Void, any Error>] = [:]
                for await (name, outcome) in group { outcomes[name] = outcome }
                return outcomes
            }
            for name in ["a1", "b1", "a2", "b2"] {
                #expect(throws: Never.self, "\(name)") { try outcomes[name]!.get() }
            }
            let notes = try await store.count("notes")
            #expect(notes == 2)
            // Two groups, one of them left with its first write only, and the loser's run alone.
            let after = store.groupCommitStatistics
            #expect(after.writes - before.writes == 4)
            #expect(after.commits - before.commits == 3)
        }
    }
}
