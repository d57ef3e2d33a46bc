import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Synchronization
import Testing

/// What a fault test found for one kind of write, printed as one line and asserted on.
struct FaultTally: CustomStringConvertible {
    /// `registry/sqlite RegisterPerson`.
    var name: String
    /// Writes the service acknowledged (a unary OK, or an import row counted in an OK summary).
    var acknowledged = 0
    /// Acknowledged, and absent when recounted.
    var lost = 0
    /// Present more than once (rows beyond the first for one write).
    var duplicated = 0
    /// Calls that failed UNAVAILABLE (the service down or restarting) and were sent again.
    var retried = 0
    /// What else the recount found that must not be: rows of no acknowledged write, counters
    /// that disagree with the rows, answers that disagree with what is stored.
    var anomalies: [String] = []

    var description: String {
        "\(name): acknowledged \(acknowledged), lost \(lost), duplicated \(duplicated) (retried calls \(retried))"
            + (anomalies.isEmpty ? "" : "; " + anomalies.joined(separator: "; "))
    }

    /// Prints the line and fails the test unless nothing was lost, duplicated or out of place.
    func check(expecting acknowledged: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        print("fault: \(self)")
        #expect(self.acknowledged == acknowledged, "\(self)", sourceLocation: sourceLocation)
        #expect(lost == 0, "\(self)", sourceLocation: sourceLocation)
        #expect(duplicated == 0, "\(self)", sourceLocation: sourceLocation)
        #expect(anomalies.isEmpty, "\(self)", sourceLocation: sourceLocation)
    }

    /// Counts `keys` (one per acknowledged write) against the keys of the rows found.
    mutating func recount<Key: Hashable>(acknowledged keys: [Key], stored: [Key: Int]) {
        acknowledged = keys.count
        for key in keys {
            let copies = stored[key, default: 0]
            if copies == 0 { lost += 1 }
            duplicated += max(0, copies - 1)
        }
    }
}

/// Counters shared by a workload's tasks and the task that kills the service.
final class WorkloadProgress: Sendable {
    /// The next unary write to send (``writeAll(_:to:concurrency:progress:_:)``).
    let nextWrite = Atomic(0)
    /// Unary writes acknowledged so far.
    let acknowledged = Atomic(0)
    /// Which: their indexes.
    let acknowledgedWrites = Mutex<Set<Int>>([])
    /// Unary calls that failed UNAVAILABLE and were sent again.
    let retried = Atomic(0)
    /// Whether the killer is starting the service again: no new unary write is sent meanwhile
    /// (the ones in flight are retried). Writes sharing commits are fast enough to pass the next
    /// kill's threshold, or finish the workload, before the killer watches again.
    let restarting = Atomic(false)
    /// Streaming imports that failed UNAVAILABLE and were sent again.
    let importsRetried = Atomic(0)
    /// Streaming imports in flight right now.
    let importsInFlight = Atomic(0)
    let finished = Atomic(false)
    /// The unary writes from `holdFrom` on wait until the killer has made every kill it plans
    /// (``killingDuring(_:killAfter:untilCaughtAtMost:progress:committed:_:)``): on a loaded machine the writes
    /// otherwise all ended while the killer still waited for its turn.
    let holdFrom = Atomic(Int.max)
    let killsPlanned = Atomic(0)
    let killsMade = Atomic(0)

    func mustWait(before index: Int) -> Bool {
        index >= holdFrom.load(ordering: .relaxed) && killsMade.load(ordering: .relaxed) < killsPlanned.load(ordering: .relaxed)
    }
}

/// The client a fault test writes with: one attempt per call (the test retries itself, so that
/// it can count the retries), reconnecting quickly once the service is back.
///
/// On SwiftNIO's shared loops rather than the tests' own (`TestLoops`): a client on idle loops of
/// its own records answers sooner, and the kill -9 test's window between a commit and its
/// answer became too narrow to catch (4 runs in 8 caught none, against 1 in 8 on these).
func withFaultClient<T: Sendable>(_ endpoint: Endpoint, _ body: (RPCClient) async throws -> T) async throws -> T {
    var configuration = ClientConfiguration(tls: TestPKI.shared.files("admin"))
    configuration.maximumAttempts = 1
    configuration.defaultTimeout = .seconds(15)
    configuration.initialBackoff = .milliseconds(20)
    configuration.maximumBackoff = .milliseconds(200)
    return try await closing(try RPCClient(endpoints: [endpoint], configuration: configuration), body)
}

/// Sends a write until the service acknowledges it: a call that fails UNAVAILABLE (the service
/// was killed, or is still starting again) is sent again as it was — with the same idempotency
/// key, for the calls that carry one. Any other failure is the test's failure. Bounded.
func untilAcknowledged<T>(
    _ endpoint: Endpoint, within limit: Duration = .seconds(45), onRetry: () -> Void, _ call: () async throws -> T
) async throws -> T {
    let deadline = ContinuousClock.now + limit
    while true {
        do {
            return try await call()
        } catch where rpcError(error)?.code == .unavailable && ContinuousClock.now < deadline {
            onRetry()
            try await Task.sleep(for: .milliseconds(25))
            // A killed service is dialled again once it listens again, not while it starts.
            while !acceptsConnections(endpoint), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }
}

/// The `RPCError` a call failed with. A streaming call (`clientStreaming`…) that cannot connect
/// at all lets the client's internal `CallFailure` out instead of its `RPCError`, unlike a unary
/// call; the error is read out of it here so the retry sees the UNAVAILABLE it carries.
func rpcError(_ error: any Error) -> RPCError? {
    if let error = error as? RPCError { return error }
    return Mirror(reflecting: error).children.first { $0.label == "error" }?.value as? RPCError
}

/// How the kills of ``killingDuring(_:killAfter:untilCaughtAtMost:progress:committed:_:)`` went.
struct KillReport {
    var kills = 0
    /// Kills beyond the planned ones, made because none of those caught a write in flight.
    var extraKills = 0
    /// Unary writes committed in the database but not yet acknowledged to the client at the
    /// moment of a kill: the ones only their idempotency key keeps from running twice.
    var committedUnacknowledged = 0
    /// Kills that landed while a streaming import was in flight.
    var duringImport = 0
}

/// Runs `workload` while SIGKILLing `service` once `progress` has acknowledged each of
/// `killAfter` unary writes, starting it again at once on the same port and data.
///
/// Each kill aims at the window that idempotency keys exist for: a write committed whose answer
/// has not reached the client. The service is frozen (SIGSTOP) and the database read —
/// `committed()` gives the unary writes committed so far — and if no write is caught in that
/// window, nor an import in flight, it runs on for a moment and is frozen again (a bounded
/// number of times). Then SIGKILL.
func killingDuring(
    _ service: ServiceProcess, killAfter: [Int], untilCaughtAtMost extraKills: Int = 0, progress: WorkloadProgress,
    committed: @escaping @Sendable () async throws -> Set<Int>,
    _ workload: @escaping @Sendable () async throws -> Void
) async throws -> KillReport {
    progress.killsPlanned.store(killAfter.count, ordering: .relaxed)
    return try await withThrowingTaskGroup(of: KillReport?.self) { group in
        group.addTask {
            defer { progress.finished.store(true, ordering: .relaxed) }
            try await workload()
            return nil
        }
        group.addTask {
            var report = KillReport()
            var thresholds = killAfter[...]
            while let threshold = thresholds.popFirst() {
                while progress.acknowledged.load(ordering: .relaxed) < threshold, !progress.finished.load(ordering: .relaxed) {
                    try await Task.sleep(for: .milliseconds(2))
                }
                if progress.finished.load(ordering: .relaxed) { break }
                guard let pid = service.process?.processIdentifier else { break }
                var caught = 0
                var importing = false
                // Many looks: with writes sharing commits, the moments between a commit and its
                // answers are short and few (80 looks missed them in both kills of about one run in
                // fifty). Bounded in time too: the calls in flight wait through every freeze, with a
                // deadline of 15 s (``withFaultClient(_:_:)``), and a loaded machine looks slower.
                let probing = ContinuousClock.now
                for attempt in 0..<300 {
                    if ContinuousClock.now - probing > .seconds(6) {
                        caught = 0
                        break
                    }
                    kill(pid, SIGSTOP)
                    // Whatever the service sent before it froze reaches the client meanwhile.
                    try await Task.sleep(for: .milliseconds(15))
                    let acknowledged = progress.acknowledgedWrites.withLock { $0 }
                    guard let committed = try await readWhileFrozen(pid, committed) else {
                        // Thawed to let the read finish: what it found is no longer a frozen moment.
                        caught = 0
                        continue
                    }
                    caught = committed.subtracting(acknowledged).count
                    importing = progress.importsInFlight.load(ordering: .relaxed) > 0
                    if caught > 0 && (importing || attempt >= 40) { break }
                    kill(pid, SIGCONT)
                    try await Task.sleep(for: .microseconds(Int.random(in: 500...4_000)))
                }
                progress.restarting.store(true, ordering: .relaxed)
                service.kill()
                report.kills += 1
                report.committedUnacknowledged += caught
                report.duringImport += importing ? 1 : 0
                // No kill has caught a write between its commit and its answer yet (each catches one
                // about every other time): one more kill at once, the held writes waiting for it too.
                if thresholds.isEmpty, report.committedUnacknowledged == 0, report.extraKills < extraKills {
                    report.extraKills += 1
                    thresholds.append(0)
                    progress.killsPlanned.add(1, ordering: .relaxed)
                }
                try await service.start()
                progress.restarting.store(false, ordering: .relaxed)
                progress.killsMade.add(1, ordering: .relaxed)
            }
            return report
        }
        var report = KillReport()
        for try await part in group { if let part { report = part } }
        return report
    }
}

/// `read()` of the database of the service `pid`, which is frozen (SIGSTOP); nil when the read
/// had to let the service run again to finish.
///
/// A freeze can land while the service's writer is half-way through updating the WAL index's
/// header at the end of a commit (seen in a stack of the frozen service: `walIndexWriteHdr`,
/// between the header's two copies, in the barrier's mutex). A reader in another process then
/// finds the two copies differ and the write lock held, and retries for about ten seconds before
/// SQLite gives up with SQLITE_PROTOCOL, which ``committedKeys(_:service:prefix:)`` retries in
/// turn: the service stayed frozen for 20 s and calls in flight missed their 15 s deadline (the
/// "call unanswered" of KillNineTests with group commit on). So a read not done in half a
/// second thaws the service, and its answer, no longer of a frozen moment, is not used.
private func readWhileFrozen(
    _ pid: pid_t, _ read: @escaping @Sendable () async throws -> Set<Int>
) async throws -> Set<Int>? {
    try await withThrowingTaskGroup(of: Set<Int>?.self) { group in
        group.addTask { try await read() }
        group.addTask {
            try await Task.sleep(for: .milliseconds(500))
            return nil
        }
        if let found = try await group.next() ?? nil {
            group.cancelAll()
            return found
        }
        print("fault: a read of the database waited on the frozen service; thawed it")
        kill(pid, SIGCONT)
        while let next = try await group.next() {
            if next != nil { break }
        }
        return nil
    }
}

/// Unary writes whose idempotency key `prefix<index>` is committed in `store`'s database.
///
/// Read from this test process right after the service was killed, while the restarted service
/// may be recovering the killed writer's WAL: SQLite then answers the second process
/// SQLITE_PROTOCOL ("locking protocol") after its own retries, and its documentation says to try
/// again. So does this read, a few times; the service itself is the only writer.
func committedKeys(_ store: Store, service: String, prefix: String) async throws -> Set<Int> {
    var attempt = 0
    while true {
        do {
            let rows = try await store.read { db in
                try await db.raw("""
                    SELECT idem_key FROM jcs_idempotency
                    WHERE service = \(bind: service) AND idem_key LIKE \(bind: prefix + "%") AND response IS NOT NULL
                    """).all()
            }
            return Set(try rows.compactMap { Int(try $0.decode(column: "idem_key", as: String.self).dropFirst(prefix.count)) })
        } catch where attempt < 5 && "\(error)".contains("locking protocol") {
            attempt += 1
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}

/// Calls `write(index)` for every index in `0..<count`, `concurrency` at a time, each until it
/// is acknowledged, counting acknowledgements in `progress`.
func writeAll<T: Sendable>(
    _ count: Int, to endpoint: Endpoint, concurrency: Int, progress: WorkloadProgress, _ write: @escaping @Sendable (Int) async throws -> T
) async throws -> [T] {
    return try await withThrowingTaskGroup(of: [(Int, T)].self) { group in
        for _ in 0..<concurrency {
            group.addTask {
                var done: [(Int, T)] = []
                while true {
                    let paused = ContinuousClock.now
                    while progress.restarting.load(ordering: .relaxed), ContinuousClock.now - paused < .seconds(60) {
                        try await Task.sleep(for: .milliseconds(2))
                    }
                    let index = progress.nextWrite.add(1, ordering: .relaxed).oldValue
                    guard index < count else { return done }
                    let held = ContinuousClock.now
                    while progress.mustWait(before: index), ContinuousClock.now - held < .seconds(60) {
                        try await Task.sleep(for: .milliseconds(2))
                    }
                    done.append((index, try await untilAcknowledged(endpoint, onRetry: { progress.retried.add(1, ordering: .relaxed) }) {
                        try await write(index)
                    }))
                    progress.acknowledgedWrites.withLock { _ = $0.insert(index) }
                    progress.acknowledged.add(1, ordering: .relaxed)
                }
            }
        }
        var results: [(Int, T)] = []
        for try await part in group { results += part }
        return results.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// Sends `batches` as separate streaming imports, one after another, each until acknowledged;
/// batch `k` waits (bounded) until `progress` has acknowledged `k * pace` unary writes, so that
/// the imports run across the whole unary workload and the kills find one in flight.
func importAll<Batch: Sendable, Summary: Sendable>(
    _ batches: [Batch], to endpoint: Endpoint, pace: Int, progress: WorkloadProgress, _ send: @escaping @Sendable (Batch) async throws -> Summary
) async throws -> [Summary] {
    var summaries: [Summary] = []
    for (k, batch) in batches.enumerated() {
        let start = ContinuousClock.now + .seconds(10)
        while progress.acknowledged.load(ordering: .relaxed) < k * pace, ContinuousClock.now < start {
            try await Task.sleep(for: .milliseconds(2))
        }
        summaries.append(try await untilAcknowledged(endpoint, onRetry: { progress.importsRetried.add(1, ordering: .relaxed) }) {
            progress.importsInFlight.add(1, ordering: .relaxed)
            defer { progress.importsInFlight.subtract(1, ordering: .relaxed) }
            return try await send(batch)
        })
    }
    return summaries
}

/// One streaming import of one batch.
///
/// When the connection closes under the call (the service killed), the batch's send fails with
/// CANCELLED "the call is no longer active", and the client would report that rather than the
/// call's own status, UNAVAILABLE. So a send refused that way is left for the call's status to
/// explain: the call then fails with what really happened, and a call that somehow succeeded
/// without its batch would show in the summary's counts.
func importOnce<Request: WireMessage, Response: WireMessage>(
    _ client: RPCClient, _ method: Method<Request, Response>, _ batch: Request
) async throws -> Response {
    try await client.clientStreaming(method) { writer in
        do {
            try await writer.send(batch)
        } catch where rpcError(error)?.code == .cancelled {
            // The call has ended; its status follows.
        }
    }
}

/// Distinct valid ID numbers of Jincheng persons aged 36 to 46 in 2026, `count` of them from
/// `first` on (at most 900 per birth year).
func faultTestIDs(_ count: Int, from first: Int = 0) -> [String] {
    (first..<(first + count)).map { index in
        TestIDs.make(birth: "\(1980 + index / 900)0315", sequence: 100 + index % 900)
    }
}

/// `PRAGMA integrity_check` of an SQLite store: "ok" when the file is sound. Nil on PostgreSQL.
func integrityCheck(_ store: Store) async throws -> String? {
    guard store.dialect == .sqlite else { return nil }
    let rows = try await store.read { db in try await db.raw("PRAGMA integrity_check").all() }
    return try rows.map { try $0.decode(column: "integrity_check", as: String.self) }.joined(separator: "; ")
}

/// A registry's card numbers by the blind index of the ID number (the first, should there be two).
func cardNumbersByIDIndex(_ store: Store) async throws -> [Data: String] {
    try await store.read { db in
        Dictionary(try await db.raw("SELECT id_index, card_number FROM persons").all().map {
            (try $0.decode(column: "id_index", as: Data.self), try $0.decode(column: "card_number", as: String.self))
        }, uniquingKeysWith: { first, _ in first })
    }
}

/// Rows of `sql` counted by the bytes of its first column (`id_index`, `number`…).
func countBy<Key: Hashable & Decodable>(_ store: Store, _ sql: String, column: String, as type: Key.Type) async throws -> [Key: Int] {
    let rows = try await store.read { db in try await db.raw(SQLQueryString(sql)).all() }
    var counts: [Key: Int] = [:]
    for row in rows { counts[try row.decode(column: column, as: Key.self), default: 0] += 1 }
    return counts
}

extension StoreLocation {
    /// The `--database` flag that points a service at this location.
    var databaseArgument: [String] {
        switch self {
        case .sqlite(let path): ["--database", path]
        case .postgres(let url): ["--database", url]
        }
    }
}
