import Foundation
import JCSkillsStore
import SQLKit
import Synchronization

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date()) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A thread-safe counter for "how many times did the body run".
final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}

extension Store {
    /// Rows in `table`, optionally filtered by a raw condition.
    func count(_ table: String, where condition: SQLQueryString? = nil) async throws -> Int {
        try await read { db in
            var query: SQLQueryString = "SELECT COUNT(*) AS n FROM \(ident: table)"
            if let condition { query = query + " WHERE " + condition }
            return try await db.raw(query).first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// Every audit row of this store, newest first.
    func allAuditEntries() async throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        var query = AuditQuery(limit: 1000)
        while true {
            let page = try await auditLog(query)
            entries += page.entries
            guard let next = page.nextCursor else { return entries }
            query.before = next
        }
    }
}

/// A small table for tests that need somewhere to write.
let notesMigration = Migration(1, "notes") { d in [
    """
    CREATE TABLE notes (
        id \(d.autoIncrementPrimaryKey),
        title TEXT NOT NULL UNIQUE,
        body TEXT)
    """,
] }

let testContext = AuditContext(principal: "jcskills://training", method: "test.Write", requestID: "req-1")

/// Runs `body`, expecting a `StoreError`; returns it (or fails the caller's expectation).
func storeError(_ body: () async throws -> Void) async -> StoreError? {
    do {
        try await body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return StoreError(.queryFailed, "unexpected error type \(type(of: error)): \(error)")
    }
}

/// A value shared between concurrent test tasks.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
    var value: Value { mutex.withLock { $0 } }
}
