import Foundation
import Histogram
import JCSkillsProtocol
import JCSkillsRPC
import NIOCore
import NIOPosix
import Synchronization

/// Closed-loop load: `concurrency` workers, each with one call outstanding at a time, spread
/// over the given clients (one connection each). Workers run on their client's event loop
/// (as task executor), so the measurement does not pay thread hops the protocol does not.
public struct ClosedLoop: Sendable {
    public var concurrency: Int
    public var warmup: Duration
    /// Stop after this long…
    public var duration: Duration?
    /// …or after this many calls, whichever comes first. One of the two must be set.
    public var requests: Int?

    public init(concurrency: Int, warmup: Duration = .seconds(1), duration: Duration? = nil, requests: Int? = nil) {
        precondition(duration != nil || requests != nil, "a run needs a duration or a request count")
        self.concurrency = concurrency
        self.warmup = warmup
        self.duration = duration
        self.requests = requests
    }

    public struct Outcome: Sendable {
        public var histogram: Histogram<UInt64>
        public var calls: Int
        public var errors: [String: Int]
        public var seconds: Double
    }

    /// Runs `call` in a closed loop. `progress` is called about once a second with calls so far.
    public func run(
        executors: [EventLoopTaskExecutor],
        call: @escaping @Sendable (Int) async throws -> Void,
        progress: (@Sendable (Int, Double) -> Void)? = nil
    ) async -> Outcome {
        let completed = SharedCounter()
        let issued = SharedCounter()
        let clock = ContinuousClock()
        let warmupEnd = clock.now + warmup
        let limit = requests
        let end = duration.map { warmupEnd + $0 }
        let reporter = progress.map { report in
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    let elapsed = max(0, (clock.now - warmupEnd) / .seconds(1))
                    report(completed.value, elapsed)
                }
            }
        }
        var merged = makeLatencyHistogram()
        var errors: [String: Int] = [:]
        var calls = 0
        var measuredStart = warmupEnd
        var measuredEnd = warmupEnd
        await withTaskGroup(of: (Histogram<UInt64>, [String: Int], Int, ContinuousClock.Instant?).self) { group in
            for worker in 0..<concurrency {
                group.addTask(executorPreference: executors[worker % executors.count]) {
                    var histogram = makeLatencyHistogram()
                    var errors: [String: Int] = [:]
                    var count = 0
                    var last: ContinuousClock.Instant?
                    while true {
                        let started = clock.now
                        if let end, started >= end { break }
                        let measuring = started >= warmupEnd
                        if measuring, let limit, issued.next() >= limit { break }
                        var code = "OK"
                        do {
                            try await call(worker)
                        } catch let error as RPCError {
                            code = error.code.name
                        } catch {
                            code = "CLIENT_ERROR"
                        }
                        let finished = clock.now
                        guard measuring else { continue }
                        let elapsed = finished - started
                        _ = histogram.record(UInt64(elapsed.components.attoseconds / 1_000_000_000 + elapsed.components.seconds * 1_000_000_000))
                        count += 1
                        last = finished
                        _ = completed.next()
                        if code != "OK" {
                            errors[code, default: 0] += 1
                            // A failing endpoint answers fast; do not spin on it.
                            if code == "UNAVAILABLE" { try? await Task.sleep(for: .milliseconds(10)) }
                        }
                    }
                    return (histogram, errors, count, last)
                }
            }
            for await (histogram, workerErrors, count, last) in group {
                merged.add(histogram)
                errors.merge(workerErrors, uniquingKeysWith: +)
                calls += count
                if let last, last > measuredEnd { measuredEnd = last }
            }
        }
        reporter?.cancel()
        measuredStart = warmupEnd
        let seconds = max(0.000_001, (measuredEnd - measuredStart) / .seconds(1))
        return Outcome(histogram: merged, calls: calls, errors: errors, seconds: seconds)
    }
}

/// A counter shared by workers.
final class SharedCounter: Sendable {
    private let atomic = Atomic<Int>(0)
    /// Adds one; returns the value before.
    func next() -> Int { atomic.wrappingAdd(1, ordering: .relaxed).oldValue }
    var value: Int { atomic.load(ordering: .relaxed) }
}
