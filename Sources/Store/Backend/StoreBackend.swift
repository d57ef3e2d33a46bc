import SQLKit

/// What a transaction is for; decides how it begins on each backend.
enum TransactionKind: Sendable {
    /// A consistent, read-only snapshot.
    case read
    /// Reads outside an explicit transaction: each statement is its own snapshot. Saves the
    /// BEGIN and COMMIT round trips of a one-statement read.
    case statement
    /// A read-write transaction.
    case write
    /// PostgreSQL only: one writing statement outside an explicit transaction, committed by
    /// itself (and durable when it returns, as a COMMIT is): a round trip where BEGIN, the
    /// statement and COMMIT took three.
    case autocommit
    /// A write transaction that also holds the database-wide migration lock, so replicas
    /// starting together apply each migration once.
    case migration
}

/// One of the two ways to reach a database. The store's logic (migrations, idempotency,
/// audit) sits above and is written once against this.
protocol StoreBackend: Sendable {
    var dialect: StoreDialect { get }

    /// Runs `body` in a transaction on one connection: committed when `body` returns,
    /// rolled back when it throws. Backend errors come out as ``StoreError``s.
    func transaction<T>(_ kind: TransactionKind, _ body: (GuardedDatabase) async throws -> T) async throws -> T

    /// Takes a writer connection, outside any transaction, for the group committer to drive
    /// (``GroupCommitter``). On SQLite it holds the single writer until released.
    func leaseWriter() async throws -> any WriteLease

    /// Waits for running transactions, then closes every connection. Later calls fail with
    /// ``StoreError/Kind/unavailable``.
    func close() async
}

/// The begin / commit / roll back sequence both backends share.
enum TransactionScope {
    /// Runs `body` between `begin` and `COMMIT` on `raw`, rolling back on any error.
    ///
    /// - Parameter reusable: set to `false` when the connection was left in an unknown state
    ///   (a failed `ROLLBACK`): the backend must close it instead of reusing it, or the next
    ///   caller would inherit half a transaction.
    static func run<T>(
        on raw: any SQLDatabase,
        native: NativeConnection,
        begin: [String],
        reusable: inout Bool,
        _ body: (GuardedDatabase) async throws -> T
    ) async throws -> T {
        let guarded = GuardedDatabase(raw, native: native)
        defer { guarded.finish() }
        if begin.isEmpty {
            // No explicit transaction: nothing to commit or roll back.
            return try await body(guarded)
        }
        do {
            for statement in begin {
                try await raw.execute(sql: SQLRaw(statement)) { _ in }
            }
            let result = try await body(guarded)
            if guarded.hasFailed {
                throw StoreError.bodyCarriedOnAfterFailure
            }
            try await raw.execute(sql: SQLRaw("COMMIT")) { _ in }
            return result
        } catch {
            // A cancelled task's statements are refused before they run (NIO's thread pool and
            // PostgresNIO both check), so the ROLLBACK runs in a task of its own: otherwise a
            // cancelled caller would hand the connection back with its transaction still open.
            // A BEGIN refused the same way may still have run, so roll back whenever unsure; a
            // failed ROLLBACK (even "no transaction is active") retires the connection.
            do {
                try await uncancelled { try await raw.execute(sql: SQLRaw("ROLLBACK")) { _ in } }
            } catch {
                reusable = false
            }
            throw ErrorTranslation.translate(error, doing: "running a transaction")
        }
    }
}

/// Runs `body` in a task that does not inherit the caller's cancellation: for clean-up (a
/// ROLLBACK, closing a connection) that must happen even when the caller was cancelled.
func uncancelled<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await Task { try await body() }.value
}
