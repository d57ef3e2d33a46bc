import Synchronization

/// Identical one-statement reads arriving while such a read runs share the next run of it:
/// what group commit is to writes, for the statements of the figures that many callers ask
/// for at once (the gateway's `Totals` asks every source the same question for the city).
///
/// The rule that keeps it from being a cache: a read never takes the rows of a statement that
/// started before it arrived. The first read of a statement (text and values) runs it at once;
/// reads of the same statement that arrive while it runs wait, and when it ends they run it
/// once more together, one of them on behalf of the others. So every read sees every write
/// committed before it arrived, as a statement of its own would, and a statement runs at most
/// once at a time per text and values, however many callers ask.
///
/// On PostgreSQL each statement cost far more than its answer: a round trip, the driver's
/// work on both sides, and the server setting up the plan's executor (a third of its time for
/// the figures' statements); at 64 outstanding `Totals` each source ran the same statement
/// hundreds of times a second (BENCHMARKS.md note 26).
final class SharedReads: Sendable {
    /// Hashed once, outside the lock: a gathered statement's text runs to kilobytes.
    private struct Key: Hashable {
        let sql: String
        let values: [StoreValue]
        let hash: Int

        init(sql: String, values: [StoreValue]) {
            self.sql = sql
            self.values = values
            var hasher = Hasher()
            hasher.combine(sql)
            hasher.combine(values)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (left: Key, right: Key) -> Bool {
            left.hash == right.hash && left.values == right.values && left.sql == right.sql
        }
    }

    /// A waiting read's turn: to run the statement for itself and the reads that joined it,
    /// or the rows of the run it joined.
    private enum Turn: Sendable {
        case lead(joined: [CheckedContinuation<Turn, Never>])
        case done(Result<[StoreRow], any Error>)
    }

    /// Per statement running: the reads waiting for its next run.
    private let running = Mutex<[Key: [CheckedContinuation<Turn, Never>]]>([:])
    private let counters = Mutex(SharedReadStatistics())

    var statistics: SharedReadStatistics { counters.withLock { $0 } }
    /// Reads waiting for the next run of a statement running now.
    var waitingReads: Int { running.withLock { $0.values.reduce(0) { $0 + $1.count } } }

    /// `run` runs the statement for real.
    func rows(
        _ sql: String, _ values: [StoreValue], run: (String, [StoreValue]) async throws -> [StoreRow]
    ) async throws -> [StoreRow] {
        let key = Key(sql: sql, values: values)
        let turn: Turn = await withCheckedContinuation { continuation in
            let leads = running.withLock { running in
                if running[key] != nil {
                    running[key]!.append(continuation)
                    return false
                }
                running[key] = []
                return true
            }
            if leads { continuation.resume(returning: .lead(joined: [])) }
        }
        switch turn {
        case .done(let result):
            return try result.get()
        case .lead(let joined):
            let result = await Result { try await run(sql, values) }
            if case .failure = result, Task.isCancelled {
                // The leader's own cancellation is not the others' failure: they run it again.
                counters.withLock { $0.statements += 1 }
                handOver(key, first: joined)
            } else {
                counters.withLock { counters in
                    counters.reads += 1 + joined.count
                    counters.statements += 1
                }
                for read in joined { read.resume(returning: .done(result)) }
                handOver(key, first: [])
            }
            return try result.get()
        }
    }

    /// The statement's run is over: the reads that arrived meanwhile (after `first`) run it
    /// next, led by the first of them.
    private func handOver(_ key: Key, first: [CheckedContinuation<Turn, Never>]) {
        let next: [CheckedContinuation<Turn, Never>] = running.withLock { running in
            let waiting = first + (running[key] ?? [])
            running[key] = waiting.isEmpty ? nil : []
            return waiting
        }
        guard let leader = next.first else { return }
        leader.resume(returning: .lead(joined: Array(next.dropFirst())))
    }
}

/// How much reading ``SharedReads`` saved: reads answered, statements run for them.
public struct SharedReadStatistics: Sendable, Equatable {
    public var reads = 0
    public var statements = 0
}

/// A statement's outcome kept to hand to every read that waited on it.
extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
