import Synchronization

/// Closed loop: `concurrency` callers, each starting its next call as soon as the previous one
/// ends. Throughput is what the service gives; latency is measured from each call's send.
enum ClosedLoop {
    static func run(
        _ plan: LoadPlan, state: RunState, executors: [any TaskExecutor],
        call: @escaping @Sendable (_ worker: Int, _ sequence: Int) async throws -> Void
    ) async -> LoadOutcome {
        let clock = state.clock
        let warmupEnd = state.origin + plan.warmup
        let end = plan.duration.map { warmupEnd + $0 }
        let sequence = SharedCounter()
        let measuredIssued = SharedCounter()
        let tally = await withTaskGroup(of: WorkerTally.self) { group in
            for worker in 0..<plan.concurrency {
                let executor = executors.isEmpty ? nil : executors[worker % executors.count]
                group.addTask(executorPreference: executor) {
                    var tally = WorkerTally()
                    while !state.gaveUp {
                        let sent = clock.now
                        if let end, sent >= end { break }
                        let measuring = sent >= warmupEnd
                        if measuring, let limit = plan.requests, measuredIssued.next() >= limit { break }
                        do {
                            try await call(worker, sequence.next())
                            let finished = clock.now
                            state.succeeded(measured: measuring)
                            guard measuring else { continue }
                            _ = tally.latency.record(nanoseconds(finished - sent))
                            tally.succeeded += 1
                            tally.lastFinish = finished
                        } catch {
                            let code = statusName(of: error)
                            tally.errors[code, default: 0] += 1
                            state.failed(code, measured: measuring)
                            if measuring {
                                tally.failed += 1
                                tally.lastFinish = clock.now
                            }
                            // A service that is down fails calls at once; do not spin on it.
                            if code == "UNAVAILABLE" { try? await Task.sleep(for: .milliseconds(10)) }
                        }
                    }
                    return tally
                }
            }
            var merged = WorkerTally()
            for await tally in group { merged.merge(tally) }
            return merged
        }
        return LoadOutcome(tally, serviceTime: false, measuredFrom: warmupEnd, gaveUp: state.gaveUp)
    }
}

/// A counter shared by callers.
final class SharedCounter: Sendable {
    private let atomic = Atomic<Int>(0)
    /// Adds one; returns the value before.
    func next() -> Int { atomic.wrappingAdd(1, ordering: .relaxed).oldValue }
}
