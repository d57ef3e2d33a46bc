import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing

/// A PostgreSQL connection lost under a transaction (the server restarted, the backend was
/// terminated, the network dropped): its next statement fails at once as UNAVAILABLE. A group
/// of writes fails every write — none was durable, none was acknowledged — and the writes queued
/// behind it run on a fresh connection. Nothing waits for ever (each of these hung before).
@Suite(.timeLimit(.minutes(1)), .enabled(if: TestDatabases.postgresServerURL != nil, "needs PostgreSQL"))
struct PostgresConnectionLossTests {
    private static func configure(_ configuration: inout StoreConfiguration) {
        configuration.groupCommit = true
        configuration.postgresWriteLanes = 1
    }

    private static var backend: TestBackend { TestDatabases.backends.first { $0.dialect == .postgres }! }

    private static func insertNote(_ title: String, _ tx: StoreTransaction) async throws {
        try await tx.nativeExecute("INSERT INTO notes (title) VALUES (?)", [.text(title)])
    }

    /// Terminates the backend serving `db` from another connection, and waits until it is gone.
    private static func terminateConnection(of db: any SQLDatabase, store: Store) async throws {
        let pid = try #require(try await db.nativeRows("SELECT pg_backend_pid() AS pid").first?.int64("pid"))
        _ = try await store.query { db in try await db.nativeRows("SELECT pg_terminate_backend(CAST(? AS INTEGER))", [.integer(pid)]) }
        try await waitUntil(asking: {
            try await store.query { db in
                try await db.nativeRows("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE pid = ?", [.integer(pid)])
            }.first?.int64("n") == 0
        })
    }

    private static func titles(_ store: Store) async throws -> Set<String> {
        Set(try await store.query { db in try await db.nativeRows("SELECT title FROM notes") }.map { try $0.string("title") })
    }

    /// Which write of the group loses the connection.
    enum Loss: CaseIterable, Sendable {
        /// The group's first, before its second statement: it fails alone (its rollback is the
        /// group's), and the writes queued behind it form the next group.
        case firstWrite
        /// A later one, before its second statement: its savepoint cannot be undone.
        case laterWrite
        /// The last one, after its statements: its savepoint cannot be released, nor the group
        /// committed.
        case lastWriteAfterItsStatements
    }

    @Test(arguments: Loss.allCases)
    func aGroupWhoseConnectionIsLostFailsEveryWriteAndTheWritesBehindItCommit(loss: Loss) async throws {
        try await withTestStore(Self.backend, migrations: [notesMigration], configure: Self.configure) { store in
            let write: @Sendable (String, Bool) -> @Sendable () async throws -> Void = { title, loses in
                { try await store.transaction(groupCommitContext(title)) { tx in
                    try await Self.insertNote(title, tx)
                    if loses {
                        try await Self.terminateConnection(of: tx, store: store)
                        if loss != .lastWriteAfterItsStatements { try await Self.insertNote("\(title) after", tx) }
                    }
                } }
            }
            let outcomes = await behindAHeldWrite(store, first: { tx in
                try await Self.insertNote("first", tx)
                if loss == .firstWrite {
                    try await Self.terminateConnection(of: tx, store: store)
                    try await Self.insertNote("first after", tx)
                }
            }, queued: [
                write("ok 1", false),
                write("lost", loss == .laterWrite),
                write("last", loss == .lastWriteAfterItsStatements),
            ])
            let failed = outcomes.indices.filter { (try? outcomes[$0].get()) == nil }
            let kept = try await Self.titles(store)
            switch loss {
            case .firstWrite:
                #expect(failed == [0])
                #expect(kept == ["ok 1", "lost", "last"])
            case .laterWrite:
                // The group of "first", "ok 1" and "lost" is gone with its connection; "last",
                // queued behind it, commits in the next.
                #expect(failed == [0, 1, 2])
                #expect(kept == ["last"])
            case .lastWriteAfterItsStatements:
                #expect(failed == [0, 1, 2, 3])
                #expect(kept.isEmpty)
            }
            for index in failed {
                let error = #expect(throws: StoreError.self) { try outcomes[index].get() }
                #expect(error?.kind == .unavailable)
            }
            // The store goes on.
            try await store.transaction(groupCommitContext("later")) { tx in try await Self.insertNote("later", tx) }
            #expect(try await Self.titles(store).contains("later"))
        }
    }

    /// A read transaction, its connection lost between two statements, and a lone write's; the
    /// store's next read and write run on fresh connections.
    @Test func aReadOrALoneWriteWhoseConnectionIsLostFailsAtOnce() async throws {
        try await withTestStore(Self.backend, migrations: [notesMigration], configure: Self.configure) { store in
            try await store.transaction(groupCommitContext("kept")) { tx in try await Self.insertNote("kept", tx) }
            let read = await storeError {
                _ = try await store.read { db in
                    try await Self.terminateConnection(of: db, store: store)
                    return try await db.nativeRows("SELECT title FROM notes")
                }
            }
            #expect(read?.kind == .unavailable)
            let write = await storeError {
                try await store.transaction(groupCommitContext("lost alone"), grouping: .alone) { tx in
                    try await Self.insertNote("lost alone", tx)
                    try await Self.terminateConnection(of: tx, store: store)
                    try await Self.insertNote("lost alone after", tx)
                }
            }
            #expect(write?.kind == .unavailable)
            #expect(try await Self.titles(store) == ["kept"])
            try await store.transaction(groupCommitContext("later"), grouping: .alone) { tx in try await Self.insertNote("later", tx) }
            #expect(try await Self.titles(store) == ["kept", "later"])
        }
    }
}
