import Synchronization

/// A read of the rows holding one key, written so that many keys can be read in one statement:
/// `SELECT key AS keyed_read_key, columns FROM table WHERE key IN (?, ?, …)`.
public struct KeyedStatement: Sendable, Hashable {
    /// The statement up to its list of keys.
    let head: String
    static let keyColumn = "keyed_read_key"

    /// `columns`: the select list (the key column may be among them); `key`: the column compared.
    public init(_ columns: String, from table: String, key: String) {
        head = "SELECT \(key) AS \(Self.keyColumn), \(columns) FROM \(table) WHERE \(key) IN "
    }

    /// The statement for `count` keys.
    public func sql(keys count: Int) -> String { head + placeholderList(count) }
}

/// Reads by key arriving while as many reads of the same statement as allowed run are read
/// together, in the next run of it, one `IN` list for all their keys: what ``SharedReads`` does
/// for identical statements, for one statement's different keys (the registry's look-ups of
/// persons by their ID number's blind index).
///
/// The same rule keeps it from being a cache: a read never takes the rows of a statement that
/// started before it arrived, so it sees every write committed before it, as a statement of
/// its own would. Up to `runsAtOnce` statements of a text run at once; a read arriving while
/// they all run waits, and when one ends, the reads that waited run together, one of them on
/// behalf of the others.
///
/// On PostgreSQL a look-up's statement cost far more than its row: a round trip, the driver's
/// work on both sides and the server's set-up of the statement, for one index probe
/// (BENCHMARKS.md note 28).
final class KeyedReads: Sendable {
    /// A waiting read's turn: to run the statement for itself and the reads that joined it, or
    /// its rows from the run it joined.
    private enum Turn: Sendable {
        case lead(joined: [Waiter])
        case done(Result<[StoreRow], any Error>)
    }

    private struct Waiter: Sendable {
        let key: StoreValue
        let continuation: CheckedContinuation<Turn, Never>
    }

    /// Per statement: its runs going on, and the reads waiting for the next.
    private struct Lane {
        var running = 0
        var waiting: [Waiter] = []
    }

    /// The most keys one statement reads: the lists are padded to powers of two (a few
    /// statement texts, each prepared once a connection), within both backends' bind limits.
    static let keysPerStatement = 256

    let runsAtOnce: Int
    private let lanes = Mutex<[KeyedStatement: Lane]>([:])
    private let counters = Mutex(SharedReadStatistics())

    init(runsAtOnce: Int) {
        precondition(runsAtOnce >= 1)
        self.runsAtOnce = runsAtOnce
    }

    var statistics: SharedReadStatistics { counters.withLock { $0 } }
    /// Reads waiting for a run of their statement.
    var waitingReads: Int { lanes.withLock { $0.values.reduce(0) { $0 + $1.waiting.count } } }

    /// The rows whose key is `key`. `run` runs the statement for real, with the keys bound in order.
    func rows(
        _ statement: KeyedStatement, key: StoreValue, run: (String, [StoreValue]) async throws -> [StoreRow]
    ) async throws -> [StoreRow] {
        let turn: Turn = await withCheckedContinuation { continuation in
            let leads = lanes.withLock { lanes in
                var lane = lanes[statement, default: Lane()]
                defer { lanes[statement] = lane }
                guard lane.running < runsAtOnce else {
                    lane.waiting.append(Waiter(key: key, continuation: continuation))
                    return false
                }
                lane.running += 1
                return true
            }
            if leads { continuation.resume(returning: .lead(joined: [])) }
        }
        switch turn {
        case .done(let result):
            return try result.get()
        case .lead(let joined):
            var keys = [key] + joined.map(\.key)
            let count = keys.count
            keys += repeatElement(key, count: Self.padded(count) - count)
            let result = await Result { try await run(statement.sql(keys: keys.count), keys) }
            if case .failure = result, Task.isCancelled {
                // The leader's own cancellation is not the others' failure: they run it again.
                counters.withLock { $0.statements += 1 }
                handOver(statement, first: joined)
                return try result.get()
            }
            counters.withLock { counters in
                counters.reads += count
                counters.statements += 1
            }
            let byKey: Result<[StoreValue: [StoreRow]], any Error>
            do { byKey = .success(try Self.group(try result.get())) } catch { byKey = .failure(error) }
            for waiter in joined {
                waiter.continuation.resume(returning: .done(byKey.map { $0[waiter.key] ?? [] }))
            }
            handOver(statement, first: [])
            return try byKey.get()[key] ?? []
        }
    }

    /// A run is over: the reads that arrived meanwhile (after `first`) run next, led by the
    /// first of them; with none waiting, the lane has one run fewer.
    private func handOver(_ statement: KeyedStatement, first: [Waiter]) {
        let next: [Waiter] = lanes.withLock { lanes in
            var lane = lanes[statement]!
            lane.waiting = first + lane.waiting
            let taken = Array(lane.waiting.prefix(Self.keysPerStatement))
            lane.waiting.removeFirst(taken.count)
            if taken.isEmpty { lane.running -= 1 }
            lanes[statement] = lane.running == 0 && lane.waiting.isEmpty ? nil : lane
            return taken
        }
        guard let leader = next.first else { return }
        leader.continuation.resume(returning: .lead(joined: Array(next.dropFirst())))
    }

    private static func padded(_ count: Int) -> Int {
        var size = 1
        while size < count { size *= 2 }
        return size
    }

    private static func group(_ rows: [StoreRow]) throws -> [StoreValue: [StoreRow]] {
        var byKey: [StoreValue: [StoreRow]] = [:]
        for row in rows { byKey[try row.value(KeyedStatement.keyColumn), default: []].append(row) }
        return byKey
    }
}

extension Store {
    /// The rows whose key is `key`, outside any transaction. On PostgreSQL, a read arriving
    /// while ``StoreConfiguration/postgresKeyedReadRuns`` statements of its text run waits, and
    /// reads its key in the next run with every other read that waited (``KeyedReads``).
    public func rows(_ statement: KeyedStatement, key: StoreValue) async throws -> [StoreRow] {
        guard let keyedReads else { return try await query { db in try await db.nativeRows(statement.sql(keys: 1), [key]) } }
        return try await keyedReads.rows(statement, key: key) { sql, keys in
            try await query { db in try await db.nativeRows(sql, keys) }
        }
    }
}
