import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Synchronization
import Testing

private struct HandlerFailure: Error, Equatable {}

private func context(_ name: String) -> AuditContext { groupCommitContext(name) }

private func insertNote(_ title: String, _ tx: StoreTransaction) async throws {
    try await tx.insert(into: "notes").columns("title").values(SQLBind(title)).run()
}

/// Group commit on (whatever the default), and one lane on PostgreSQL, so that every write of a
/// test queues behind the held one.
private func oneLane(_ configuration: inout StoreConfiguration) {
    configuration.groupCommit = true
    configuration.postgresWriteLanes = 1
}

@Suite(.timeLimit(.minutes(2)))
struct GroupCommitTests {
    @Test(arguments: TestDatabases.backends)
    func concurrentWritesShareOneCommit(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration], configure: oneLane) { store in
            let before = store.groupCommitStatistics
            let titles = (1...8).map { "queued \($0)" }
            let outcomes = await behindAHeldWrite(store, first: { try await insertNote("first", $0) }, queued: titles.map { title in
                { try await store.transaction(context(title)) { tx in try await insertNote(title, tx) } }
            })
            for outcome in outcomes { try outcome.get() }
            let after = store.groupCommitStatistics
            #expect(after.writes - before.writes == 9)
            #expect(after.commits - before.commits == 1)
            #expect(try await store.count("notes") == 9)
            // Each write kept its own audit row.
            let requests = try await store.allAuditEntries().filter { $0.outcome == "OK" }.map(\.requestID)
            #expect(Set(requests) == Set(["first"] + titles))

            // A write with nobody behind it commits at once, alone.
            try await store.transaction(context("alone")) { tx in try await insertNote("alone", tx) }
            #expect(store.groupCommitStatistics.commits - after.commits == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aFailingWriteIsUndoneAloneAndTheOthersCommit(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration], configure: oneLane) { store in
            let before = store.groupCommitStatistics
            let outcomes = await behindAHeldWrite(store, first: { try await insertNote("first", $0) }, queued: [
                { try await store.transaction(context("ok 1")) { tx in try await insertNote("ok 1", tx) } },
                // Wrote, then refused by the handler.
                { try await store.transaction(context("throws")) { tx in
                    try await insertNote("thrown away", tx)
                    try await tx.audit(entity: "note", id: "thrown away")
                    throw HandlerFailure()
                } },
                // Refused by the database: a statement failure, which PostgreSQL answers by
                // aborting the transaction unless only the savepoint is rolled back.
                { try await store.transaction(context("duplicate")) { tx in
                    try await insertNote("not kept", tx)
                    try await insertNote("first", tx)
                } },
                { try await store.transaction(context("ok 2")) { tx in try await insertNote("ok 2", tx) } },
            ])
            try outcomes[0].get()
            try outcomes[1].get()
            #expect(throws: HandlerFailure.self) { try outcomes[2].get() }
            let duplicate = #expect(throws: StoreError.self) { try outcomes[3].get() }
            #expect(duplicate?.kind == .alreadyExists)
            try outcomes[4].get()

            let titles = try await store.read { db in
                try await db.select().column("title").from("notes").all(decodingColumn: "title", as: String.self)
            }
            #expect(Set(titles) == ["first", "ok 1", "ok 2"])
            let audit = try await store.allAuditEntries()
            #expect(Set(audit.filter { $0.outcome == "OK" }.map(\.requestID)) == ["first", "ok 1", "ok 2"])
            #expect(Set(audit.filter { $0.outcome != "OK" }.map { "\($0.requestID) \($0.outcome)" })
                == ["throws INTERNAL", "duplicate ALREADY_EXISTS"])
            let after = store.groupCommitStatistics
            // The three that succeeded shared one commit; the failures' audit rows came after.
            #expect(after.commits - before.commits < after.writes - before.writes)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aFailingFirstWriteLeavesTheOthersToCommit(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration], configure: oneLane) { store in
            let outcomes = await behindAHeldWrite(store, first: { tx in
                try await insertNote("first", tx)
                throw HandlerFailure()
            }, queued: ["ok 1", "ok 2", "ok 3"].map { title in
                { try await store.transaction(context(title)) { tx in try await insertNote(title, tx) } }
            })
            #expect(throws: HandlerFailure.self) { try outcomes[0].get() }
            for outcome in outcomes.dropFirst() { try outcome.get() }
            let titles = try await store.read { db in
                try await db.select().column("title").from("notes").all(decodingColumn: "title", as: String.self)
            }
            #expect(Set(titles) == ["ok 1", "ok 2", "ok 3"])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aRepeatedIdempotencyKeyInOneGroupGetsTheFirstAnswer(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration], configure: oneLane) { store in
            let runs = Counter()
            let answers = Locked<[Int: IdempotentResult]>([:])
            let digest = Data("request".utf8)
            let call: @Sendable (Int) async throws -> Void = { number in
                let result = try await store.idempotent(key: "key-1", context: testContext, requestDigest: digest) { tx in
                    runs.increment()
                    try await insertNote("call \(number)", tx)
                    return Data("answer \(number)".utf8)
                }
                answers.withLock { $0[number] = result }
            }
            let outcomes = await behindAHeldWrite(store, first: { try await insertNote("first", $0) },
                                                  queued: [{ try await call(1) }, { try await call(2) }])
            for outcome in outcomes { try outcome.get() }
            let first = try #require(answers.value[1])
            let repeated = try #require(answers.value[2])
            #expect(!first.replayed && first.response == Data("answer 1".utf8))
            #expect(repeated.replayed && repeated.response == Data("answer 1".utf8))

            // After the commit, as from any other group.
            try await call(3)
            #expect(answers.value[3]?.replayed == true && answers.value[3]?.response == Data("answer 1".utf8))
            #expect(runs.count == 1)
            #expect(try await store.count("notes") == 2)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aWriteAloneCommitsApart(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration], configure: oneLane) { store in
            let before = store.groupCommitStatistics
            // Beside the group: on PostgreSQL it commits at once, on SQLite once the group has
            // given the writer back; either way in a commit of its own.
            async let alone: Void = store.transaction(context("alone"), grouping: .alone) { tx in
                try await insertNote("alone", tx)
            }
            let outcomes = await behindAHeldWrite(store, first: { try await insertNote("first", $0) }, queued: ["shared 1", "shared 2"].map { title in
                { try await store.transaction(context(title)) { tx in try await insertNote(title, tx) } }
            })
            for outcome in outcomes { try outcome.get() }
            try await alone
            let after = store.groupCommitStatistics
            #expect(after.writes - before.writes == 4)
            #expect(after.commits - before.commits == 2)
            #expect(try await store.count("notes") == 4)
        }
    }
}
