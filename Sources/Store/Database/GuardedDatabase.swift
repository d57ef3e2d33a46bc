import Logging
import NIOCore
import SQLKit
import Synchronization

/// The `SQLDatabase` service code sees inside a transaction: the connection's own database,
/// plus three rules that make both backends behave alike.
///
/// 1. Backend errors are translated into ``StoreError``s as they happen, so code can tell a
///    duplicate key (``StoreError/Kind/alreadyExists``) from a lost connection without knowing
///    the backend.
/// 2. After a statement fails, every later statement of the same transaction fails with
///    ``StoreError/Kind/transactionAborted``. PostgreSQL works this way; SQLite would carry on,
///    and code tested only on SQLite would then break on PostgreSQL. Expected duplicates are
///    handled with `ON CONFLICT` clauses instead of caught errors.
/// 3. Once the transaction is over, the object refuses statements: a reference that escaped
///    the closure cannot write outside any transaction.
final class GuardedDatabase: SQLDatabase, Sendable {
    private struct State {
        var failed = false
        var finished = false
    }

    let base: any SQLDatabase
    /// The same connection, for statements bound without SQLKit (``SQLKit/SQLDatabase/nativeRows(_:_:)``).
    let native: NativeConnection
    private let state = Mutex(State())

    init(_ base: any SQLDatabase, native: NativeConnection) {
        self.base = base
        self.native = native
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    /// Whether a statement of this transaction has failed.
    var hasFailed: Bool { state.withLock { $0.failed } }

    /// Marks the transaction as over; later statements are refused.
    func finish() {
        state.withLock { $0.finished = true }
    }

    private func refusal() -> StoreError? {
        state.withLock { state in
            if state.finished {
                return StoreError(.transactionAborted, "statement issued after its transaction ended")
            }
            if state.failed {
                return StoreError(.transactionAborted,
                                  "statement issued after an earlier statement of the same transaction failed")
            }
            return nil
        }
    }

    private func failed(_ error: any Error) -> any Error {
        state.withLock { $0.failed = true }
        return ErrorTranslation.translate(error, doing: "running a statement")
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        if let refusal = refusal() { return eventLoop.makeFailedFuture(refusal) }
        return base.execute(sql: query, onRow).flatMapErrorThrowing { error in
            throw self.failed(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if let refusal = refusal() { throw refusal }
        do {
            try await base.execute(sql: query, onRow)
        } catch {
            throw failed(error)
        }
    }

    func runNative(_ sql: String, _ values: [StoreValue]) async throws -> [StoreRow] {
        if let refusal = refusal() { throw refusal }
        do {
            return try await native.run(sql, values)
        } catch {
            throw failed(error)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        // Already pinned to one connection for the whole transaction.
        try await closure(self)
    }
}
