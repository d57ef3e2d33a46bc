import Foundation
import JCSkillsProtocol
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing

private struct HandlerFailure: Error, Equatable {}

@Suite(.timeLimit(.minutes(2)))
struct TransactionTests {
    @Test(arguments: TestDatabases.backends)
    func aThrowingBodyLeavesNothingBehind(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            await #expect(throws: HandlerFailure.self) {
                try await store.transaction(testContext) { tx in
                    for title in ["a", "b", "c"] {
                        try await tx.insert(into: "notes").columns("title").values(SQLBind(title)).run()
                    }
                    try await tx.audit(entity: "note", id: "a")
                    throw HandlerFailure()
                }
            }
            #expect(try await store.count("notes") == 0)
            // The OK audit row rolled back with the writes; the failure was recorded outside.
            let audit = try await store.allAuditEntries()
            #expect(audit.map(\.outcome) == ["INTERNAL"])
            #expect(audit.first?.entity == nil)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func errorsFromTheBodyPassThroughUnchanged(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let refusal = RPCError(.notFound, "no such course")
            await #expect(throws: refusal) {
                try await store.transaction(testContext) { _ in throw refusal }
            }
            let outcomes = try await store.allAuditEntries().map(\.outcome)
            #expect(outcomes == ["NOT_FOUND"])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aCommittedTransactionIsVisibleToReads(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let id = try await store.transaction(testContext) { tx in
                try await tx.insert(into: "notes").columns("title", "body").values(SQLBind("hello"), SQLBind("world"))
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            }
            let body = try await store.read { db in
                try await db.select().column("body").from("notes").where("id", .equal, id)
                    .first(decodingColumn: "body", as: String.self)
            }
            #expect(body == "world")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aDuplicateIsReportedAsAlreadyExists(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            try await store.transaction(testContext) { tx in
                try await tx.insert(into: "notes").columns("title").values(SQLBind("same")).run()
            }
            let error = await storeError {
                try await store.transaction(testContext) { tx in
                    try await tx.insert(into: "notes").columns("title").values(SQLBind("same")).run()
                }
            }
            #expect(error?.kind == .alreadyExists)
            #expect(error?.statusCode == .alreadyExists)
        }
    }

    /// PostgreSQL refuses every statement after a failed one; the store makes SQLite do the
    /// same, so code that would break on PostgreSQL breaks on SQLite too.
    @Test(arguments: TestDatabases.backends)
    func statementsAfterAFailedOneAreRefused(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            try await store.transaction(testContext) { tx in
                try await tx.insert(into: "notes").columns("title").values(SQLBind("x")).run()
            }
            let error = await storeError {
                try await store.transaction(testContext) { tx in
                    do {
                        try await tx.insert(into: "notes").columns("title").values(SQLBind("x")).run()
                    } catch {
                        // Swallowed on purpose: the next statement must still be refused.
                    }
                    try await tx.insert(into: "notes").columns("title").values(SQLBind("y")).run()
                }
            }
            #expect(error?.kind == .transactionAborted)
            #expect(try await store.count("notes") == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func swallowingAFailureStillRollsBack(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let error = await storeError {
                try await store.transaction(testContext) { tx in
                    try await tx.insert(into: "notes").columns("title").values(SQLBind("kept?")).run()
                    _ = try? await tx.raw("SELECT no_such_column FROM notes").all()
                }
            }
            #expect(error?.kind == .transactionAborted)
            let remaining = try await store.count("notes")
            #expect(remaining == 0)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aTransactionThatEscapedItsClosureCannotWrite(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let escaped = try await store.transaction(testContext) { tx in tx }
            let error = await storeError {
                try await escaped.insert(into: "notes").columns("title").values(SQLBind("late")).run()
            }
            #expect(error?.kind == .transactionAborted)
            #expect(try await store.count("notes") == 0)
        }
    }

    /// On SQLite this would wait forever for the writer the outer transaction holds.
    @Test(arguments: TestDatabases.backends)
    func nestedWriteTransactionsAreRefused(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let error = await storeError {
                try await store.transaction(testContext) { tx in
                    try await tx.insert(into: "notes").columns("title").values(SQLBind("outer")).run()
                    try await store.transaction(testContext) { inner in
                        try await inner.insert(into: "notes").columns("title").values(SQLBind("inner")).run()
                    }
                }
            }
            #expect(error?.kind == .invalidArgument)
            let remaining = try await store.count("notes")
            #expect(remaining == 0)
            // Once the outer transaction is over, writing works again.
            try await store.transaction(testContext) { tx in
                try await tx.insert(into: "notes").columns("title").values(SQLBind("after")).run()
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func readsCannotWrite(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let error = await storeError {
                try await store.read { db in
                    try await db.insert(into: "notes").columns("title").values(SQLBind("sneaky")).run()
                }
            }
            #expect(error != nil)
            let remaining = try await store.count("notes")
            #expect(remaining == 0)
        }
    }

    /// Many concurrent writers on one store: none sees a busy error, none is lost.
    @Test(arguments: TestDatabases.backends)
    func concurrentWritersAllCommit(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<16 {
                    group.addTask {
                        for note in 0..<10 {
                            try await store.transaction(testContext) { tx in
                                try await tx.insert(into: "notes").columns("title")
                                    .values(SQLBind("w\(writer)-n\(note)")).run()
                            }
                        }
                    }
                    group.addTask {
                        for _ in 0..<10 { _ = try await store.count("notes") }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.count("notes") == 160)
        }
    }

    /// Forgetting `close()` is a bug, but must not take the process down (AsyncKit asserts on
    /// unclosed connections in debug builds).
    @Test(arguments: TestDatabases.backends)
    func aStoreReleasedWithoutCloseClosesItself(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            var configuration = testConfiguration("forgetful", location)
            configuration.logger.logLevel = .critical
            _ = try await Store.open(configuration, migrations: [notesMigration])
            try await Task.sleep(for: .milliseconds(300))
            let count = try await withOpenStore(configuration, migrations: [notesMigration]) { store in
                try await store.count("notes")
            }
            #expect(count == 0)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aClosedStoreSaysUnavailable(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            let store = try await Store.open(testConfiguration("closing", location), migrations: [notesMigration])
            await store.close()
            let error = await storeError { _ = try await store.count("notes") }
            #expect(error?.kind == .unavailable)
            await store.close()
        }
    }
}
