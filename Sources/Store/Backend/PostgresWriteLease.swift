import PostgresKit
import SQLKit

/// A pooled PostgreSQL connection, held for a group of writes (``GroupCommitter``). Every
/// statement is a round trip; `COMMIT` waits for the WAL flush as a lone transaction's does
/// (the server's `synchronous_commit`, unchanged).
struct PostgresWriteLease: WriteLease {
    let backend: PostgresBackend
    let connection: PostgresConnection
    let database: any SQLDatabase
    let native: NativeConnection

    func begin() async throws {
        try await database.execute(sql: SQLRaw("BEGIN")) { _ in }
    }

    func savepoint(_ sql: String) async throws {
        let database = database
        try await uncancelled { try await database.execute(sql: SQLRaw(sql)) { _ in } }
    }

    func commit() async throws {
        let database = database
        try await uncancelled { try await database.execute(sql: SQLRaw("COMMIT")) { _ in } }
    }

    func rollback() async throws {
        let database = database
        try await uncancelled { try await database.execute(sql: SQLRaw("ROLLBACK")) { _ in } }
    }

    func release(broken: Bool) async {
        await backend.endLease(connection, broken: broken)
    }
}
