import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore

/// Gathers a streaming import's checked rows into large transactions and writes each while the
/// next rows are read, checked and prepared.
///
/// Why large: the tables that imports fill are indexed by blind indexes (HMACs), so the rows of
/// one transaction land on pages all over each index, and a commit writes every page it
/// touched into SQLite's log. A client message's worth of rows (a few thousand) touched a
/// page per row; a transaction several times larger touches most of those pages only once.
/// Nothing is acknowledged before the import's single answer, so the server may commit in
/// units of its own choosing: a failed import is retried whole, and a retry skips what is in.
///
/// Why overlapped: the database's single writer is the import's narrowest stage, so everything
/// that needs no database — reading and checking rows (the caller, between ``add(_:)`` calls)
/// and `prepare` (sorting, grouping) — runs beside the transaction before it. Two batches are
/// in flight at most: one in its transaction, the next being prepared and then waiting for it.
/// Transactions run one after another, in arrival order.
public struct ImportPipeline<Row: Sendable, Prepared: Sendable, Outcome: Sendable> {
    public let rowsPerWrite: Int
    private let prepare: @Sendable ([Row]) -> Prepared
    private let write: @Sendable (Prepared) async throws -> Outcome
    private var pending: [Row] = []
    private var inFlight: [Task<Outcome, any Error>] = []

    /// - Parameters:
    ///   - rowsPerWrite: rows gathered before a batch starts (the last may be smaller).
    ///   - prepare: the batch's work that needs no database, done before its transaction.
    ///   - write: runs one batch's transaction and says what happened to its rows.
    public init(rowsPerWrite: Int, prepare: @escaping @Sendable ([Row]) -> Prepared,
                write: @escaping @Sendable (Prepared) async throws -> Outcome) {
        precondition(rowsPerWrite >= 1)
        self.rowsPerWrite = rowsPerWrite
        self.prepare = prepare
        self.write = write
    }

    /// Queues `rows`; returns the outcome of the batch that finished to make room, if any.
    public mutating func add(_ rows: some Sequence<Row>) async throws -> Outcome? {
        pending.append(contentsOf: rows)
        guard pending.count >= rowsPerWrite else { return nil }
        var finished: Outcome?
        if inFlight.count == 2 { finished = try await inFlight.removeFirst().value }
        start()
        return finished
    }

    /// Writes what is left; returns the outcomes not yet returned, in order.
    public mutating func finish() async throws -> [Outcome] {
        if !pending.isEmpty { start() }
        var outcomes: [Outcome] = []
        while !inFlight.isEmpty { outcomes.append(try await inFlight.removeFirst().value) }
        return outcomes
    }

    /// Call when the import fails: the batches in flight are cancelled (a transaction rolls
    /// back) and waited for, so none outlives the call that started it.
    public mutating func cancel() async {
        for task in inFlight { task.cancel() }
        for task in inFlight { _ = try? await task.value }
        inFlight = []
    }

    /// Call when the import fails with `error`, then record how it ended (``ImportEnd``).
    ///
    /// When the connection was lost (UNAVAILABLE: the client went away) the batches in flight
    /// are let finish: their rows arrived whole and passed every check, the client retries the
    /// file whole and the retry skips what is in, so nothing is gained by cutting a
    /// transaction off — which would be recorded as CANCELLED, a status that says the client
    /// gave up. Anything else (the client cancelled, the deadline passed, a write failed)
    /// cancels them as ``cancel()`` does. Either way none outlives the call.
    public mutating func stop(after error: any Error) async {
        if ImportEnd.status(of: error) == .unavailable {
            for task in inFlight { _ = try? await task.value }
            inFlight = []
        } else {
            await cancel()
        }
    }

    private mutating func start() {
        let batch = pending
        pending = []
        pending.reserveCapacity(rowsPerWrite)
        let previous = inFlight.last
        let prepare = prepare
        let write = write
        inFlight.append(Task {
            let prepared = prepare(batch)
            // In arrival order: a later batch may find rows of an earlier one already in.
            _ = try await previous?.value
            return try await write(prepared)
        })
    }
}

/// The audit row of an import call that ended without its answer.
public enum ImportEnd {
    /// The status the call ended with, when the call itself ended: the connection was lost
    /// (UNAVAILABLE), the client cancelled, the deadline passed, a message did not decode. nil
    /// for a failed write, which the store has audited already.
    public static func status(of error: any Error) -> StatusCode? {
        switch error {
        case let error as RPCError: error.code
        case is CancellationError: .cancelled
        default: nil
        }
    }

    /// Records the end of an import that failed with `error`, with the call's status and how
    /// many rows had arrived; nothing for a failed write (``status(of:)``). The row is written
    /// from a task of its own: the handler is cancelled by now, and the store refuses a
    /// cancelled task's statements.
    public static func record(_ error: any Error, rowsReceived: UInt64, store: Store, context: ServerContext) async {
        guard let status = status(of: error) else { return }
        let message = (error as? RPCError)?.message ?? "the call was cancelled"
        let detail = "import ended after \(rowsReceived) rows: \(message)"
        let audit = AuditContext(principal: context.principal.identity, method: context.method, requestID: context.requestID)
        do {
            try await Task { try await store.recordAudit(audit, outcome: status, detail: detail) }.value
        } catch {
            context.logger.error("could not audit an import that ended", metadata: ["status": "\(status.name)", "error": "\(error)"])
        }
    }
}

extension ImportPipeline where Prepared == [Row] {
    /// A pipeline whose batches need no preparation.
    public init(rowsPerWrite: Int, write: @escaping @Sendable ([Row]) async throws -> Outcome) {
        self.init(rowsPerWrite: rowsPerWrite, prepare: { $0 }, write: write)
    }
}
