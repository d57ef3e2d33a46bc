import Synchronization

/// Where a one-statement read runs: on the store by itself (``Store/rows(_:_:)``), or gathered
/// with the statements of the other questions of a batch into one (``StatementRound``).
public protocol RowReading: Sendable {
    /// Runs `sql` with `values` bound to its `?` placeholders, outside any transaction; returns
    /// every row. The statement must not write.
    func rows(_ sql: String, _ values: [StoreValue]) async throws -> [StoreRow]
}

extension Store: RowReading {
    /// On PostgreSQL, a read identical to one running waits for it to end and shares the next
    /// run with the others that arrived meanwhile (``StoreConfiguration/postgresSharedReads``).
    public func rows(_ sql: String, _ values: [StoreValue]) async throws -> [StoreRow] {
        guard let sharedReads else { return try await query { db in try await db.nativeRows(sql, values) } }
        return try await sharedReads.rows(sql, values) { sql, values in
            try await query { db in try await db.nativeRows(sql, values) }
        }
    }
}

/// The questions of one batch call, answered at once, their statements run together: when every
/// question still answering waits on a statement, the waiting statements run as one — `SELECT
/// 0 AS round_question, r.* FROM (first) AS r UNION ALL SELECT 1, r.* FROM (second) AS r …` —
/// and each question gets its own rows back.
///
/// On PostgreSQL each statement is a round trip, and its cost on both sides (the driver's
/// encoding and decoding, the pool's hand-offs, the server's per-statement work) was most of
/// what a question of the gateway's `Totals` cost: a batch of fourteen questions made fourteen
/// statements (BENCHMARKS.md note 25). The statements of one round must return the same
/// columns, in the same order, as the shapes of one service's question do.
///
/// Each question must end with ``leave()`` (answered or failed), and a question must not wait
/// on anything that waits on another question's statement (reads for a memo go to the store
/// itself): a round runs only when no question is still on its way to a statement.
public final class StatementRound: RowReading {
    private let store: Store
    private let state: Mutex<(answering: Int, waiting: [Slot])>
    private let statements = Atomic<Int>(0)

    /// Statements sent to the store so far: one a round (for the tests and diagnostics).
    public var statementsRun: Int { statements.load(ordering: .relaxed) }

    /// `questions`: how many questions will read through this round.
    public init(on store: Store, questions: Int) {
        self.store = store
        self.state = Mutex((questions, []))
    }

    public func rows(_ sql: String, _ values: [StoreValue]) async throws -> [StoreRow] {
        let slot = Slot(sql: sql, values: values)
        let round: [Slot]? = state.withLock { state in
            state.waiting.append(slot)
            state.answering -= 1
            return Self.takeRound(&state)
        }
        if let round { await run(round) }
        return try await slot.rows()
    }

    /// A question is answered (or failed): it reads nothing more. The round may be complete.
    public func leave() async {
        let round: [Slot]? = state.withLock { state in
            state.answering -= 1
            return Self.takeRound(&state)
        }
        if let round { await run(round) }
    }

    /// The waiting statements, when no question is still on its way to one; their questions
    /// are counted as answering again (they go on once their rows are in).
    private static func takeRound(_ state: inout (answering: Int, waiting: [Slot])) -> [Slot]? {
        guard state.answering == 0, !state.waiting.isEmpty else { return nil }
        let round = state.waiting
        state.waiting = []
        state.answering = round.count
        return round
    }

    private func run(_ round: [Slot]) async {
        statements.add(1, ordering: .relaxed)
        if round.count == 1 {
            let slot = round[0]
            do { slot.fulfil(.success(try await store.rows(slot.sql, slot.values))) } catch { slot.fulfil(.failure(error)) }
            return
        }
        var sql = ""
        var values: [StoreValue] = []
        for (index, slot) in round.enumerated() {
            sql += (index == 0 ? "SELECT 0 AS round_question" : " UNION ALL SELECT \(index)") + ", r.* FROM (\(slot.sql)) AS r"
            values += slot.values
        }
        do {
            var each = [[StoreRow]](repeating: [], count: round.count)
            for row in try await store.rows(sql, values) {
                let index = Int(try row.int64("round_question"))
                guard each.indices.contains(index) else { throw StoreError(.queryFailed, "a gathered statement returned a row for no question (\(index))") }
                each[index].append(row)
            }
            for (slot, rows) in zip(round, each) { slot.fulfil(.success(rows)) }
        } catch {
            for slot in round { slot.fulfil(.failure(error)) }
        }
    }

    /// One question's statement and, once its round has run, its rows.
    private final class Slot: Sendable {
        let sql: String
        let values: [StoreValue]
        private let outcome = Mutex<(result: Result<[StoreRow], any Error>?, waiter: CheckedContinuation<[StoreRow], any Error>?)>((nil, nil))

        init(sql: String, values: [StoreValue]) {
            self.sql = sql
            self.values = values
        }

        func fulfil(_ result: Result<[StoreRow], any Error>) {
            let waiter = outcome.withLock { outcome in
                defer { outcome.waiter = nil }
                if outcome.waiter == nil { outcome.result = result }
                return outcome.waiter
            }
            waiter?.resume(with: result)
        }

        func rows() async throws -> [StoreRow] {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<[StoreRow], any Error>? = outcome.withLock { outcome in
                    if let result = outcome.result { return result }
                    outcome.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        }
    }
}
