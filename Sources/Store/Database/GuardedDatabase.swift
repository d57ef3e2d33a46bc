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
///
/// In a write transaction the store runs, it also holds back counter deltas
/// (``SQLKit/SQLDatabase/addDeltas(into:keys:deltas:rows:)``) until just before the commit:
/// see ``DeltaSet`` for why.
final class GuardedDatabase: SQLDatabase, Sendable {
    private struct State {
        var failed = false
        var finished = false
        /// Deltas held back, when the transaction holds them: those of the earlier writes of its
        /// group not yet added (`inherited`, whether added since), and this write's own.
        var held: (inherited: DeltaSet, inheritedApplied: Bool, own: DeltaSet)?
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

    /// Holds back counter deltas from now on, the group's earlier writes' `inherited` among them
    /// (so that ``applyHeldDeltas()`` can add theirs too). For the write's runner, before `body`.
    func holdDeltas(inheriting inherited: DeltaSet) {
        state.withLock { $0.held = (inherited, false, DeltaSet()) }
    }

    /// Keeps `rows` for the commit; false when deltas are not held, or the transaction refuses
    /// statements (the caller then runs them, to be refused with the usual error).
    func holdDeltas(_ target: DeltaSet.Target, _ rows: [(key: [StoreValue], deltas: [Int64])]) -> Bool {
        state.withLock { state in
            guard !state.failed, !state.finished, state.held != nil else { return false }
            state.held!.own.add(target, rows)
            return true
        }
    }

    /// Stops holding deltas; returns this write's own, still to add, and whether the inherited
    /// ones were added meanwhile (``applyHeldDeltas()``), so that the group must not add them again.
    func takeHeldDeltas() -> (own: DeltaSet, inheritedApplied: Bool) {
        state.withLock { state in
            guard let held = state.held else { return (DeltaSet(), false) }
            state.held = nil
            return (held.own, held.inheritedApplied)
        }
    }

    /// Adds the held deltas now, on this connection; later ones are held again.
    func applyHeldDeltas() async throws {
        let pending: DeltaSet? = state.withLock { state in
            guard let held = state.held else { return nil }
            state.held = (DeltaSet(), true, DeltaSet())
            var all = held.inheritedApplied ? DeltaSet() : held.inherited
            all.merge(held.own)
            return all
        }
        // Inside this write's savepoint: if the write fails, they are undone with it, and its
        // group still holds the inherited ones (its runner never hands back this copy).
        try await pending?.apply(to: self)
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

    func runNative(_ sql: String, _ values: [StoreValue], prepare: Bool = false) async throws -> [StoreRow] {
        if let refusal = refusal() { throw refusal }
        do {
            return try await native.run(sql, values, prepare: prepare)
        } catch {
            throw failed(error)
        }
    }

    func runNativeColumns(_ sql: String, _ columns: [PostgresColumnArray]) async throws -> [StoreRow] {
        if let refusal = refusal() { throw refusal }
        do {
            return try await native.runColumns(sql, columns)
        } catch {
            throw failed(error)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        // Already pinned to one connection for the whole transaction.
        try await closure(self)
    }
}
