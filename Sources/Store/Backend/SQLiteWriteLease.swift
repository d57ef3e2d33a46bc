import SQLKit

/// The SQLite writer, held for a group of writes (``GroupCommitter``).
///
/// `BEGIN IMMEDIATE` (which may wait for another process's lock) and `COMMIT` (which fsyncs:
/// `synchronous = FULL`, as for a transaction of its own) run on the store's thread pool.
/// Savepoint statements touch only the page cache, so they run on the caller's thread: a
/// thread hand-off would cost more than the statement, twice per write of a group.
struct SQLiteWriteLease: WriteLease {
    let backend: SQLiteBackend
    let connection: SQLiteConnection

    var database: any SQLDatabase { backend.sql(connection) }
    var native: NativeConnection { .sqliteDirect(connection) }

    func begin() async throws {
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads first
        // could fail to upgrade to a writer (SQLITE_BUSY_SNAPSHOT), which no wait can cure.
        try await database.execute(sql: SQLRaw("BEGIN IMMEDIATE")) { _ in }
    }

    func savepoint(_ sql: String) async throws {
        try connection.execute(sql)
    }

    func commit() async throws {
        let database = database
        try await uncancelled { try await database.execute(sql: SQLRaw("COMMIT")) { _ in } }
        backend.noteCommit()
    }

    func rollback() async throws {
        let database = database
        try await uncancelled { try await database.execute(sql: SQLRaw("ROLLBACK")) { _ in } }
    }

    func release(broken: Bool) async {
        backend.endLease(connection, broken: broken)
    }
}
