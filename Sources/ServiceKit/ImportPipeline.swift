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

extension ImportPipeline where Prepared == [Row] {
    /// A pipeline whose batches need no preparation.
    public init(rowsPerWrite: Int, write: @escaping @Sendable ([Row]) async throws -> Outcome) {
        self.init(rowsPerWrite: rowsPerWrite, prepare: { $0 }, write: write)
    }
}
