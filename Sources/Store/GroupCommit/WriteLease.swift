import SQLKit

/// A writer connection held by the group committer (``GroupCommitter``) across the turns of
/// several callers, with the few statements it drives itself.
///
/// A backend's ``StoreBackend/transaction(_:_:)`` opens and closes a transaction inside one
/// call; a group spans the calls of many tasks, so the committer takes the connection, begins,
/// marks a savepoint per caller, commits and gives the connection back in separate steps.
protocol WriteLease: Sendable {
    /// The connection as SQLKit sees it, and the same connection for native statements: what
    /// each caller's ``GuardedDatabase`` wraps.
    var database: any SQLDatabase { get }
    var native: NativeConnection { get }

    /// Begins the group's write transaction (SQLite: `BEGIN IMMEDIATE`). Honours cancellation.
    func begin() async throws
    /// Runs a savepoint statement (`SAVEPOINT`, `RELEASE`, `ROLLBACK TO`), whatever the
    /// calling task's cancellation: a half-undone member would corrupt its group.
    func savepoint(_ sql: String) async throws
    /// Commits, durably (the backend's synchronous settings), whatever the caller's cancellation.
    func commit() async throws
    /// Rolls the whole transaction back, whatever the caller's cancellation.
    func rollback() async throws
    /// Gives the connection back; a `broken` one (left in an unknown state) is closed instead.
    func release(broken: Bool) async
}
