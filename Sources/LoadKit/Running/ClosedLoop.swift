import Synchronization

/// Closed loop: `concurrency` callers, each starting its next call as soon as the previous one
/// ends. Throughput is what the service gives; latency is measured from each call's send.
enum ClosedLoop {
    static func run(
        _ plan: LoadPlan, state: RunState, executors: [any TaskExecutor], operations: OperationIndex,
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
                    var tally = WorkerTally(operationCount: operations.count, serviceTime: false)
                    while !state.gaveUp {
                        let sent = clock.now
                        if let end, sent >= end { break }
                        let measuring = sent >= warmupEnd
                        if measuring, let limit = plan.requests, measuredIssued.next() >= limit { break }
                        let number = sequence.next()
                        do {
                            try await call(worker, number)
                            let finished = clock.now
                            state.succeeded(measured: measuring)
                            guard measuring else { continue }
                            tally.success(operation: operations.of(number), latency: nanoseconds(finished - sent), finished: finished)
                        } catch {
                            let code = statusName(of: error)
                            state.failed(code, measured: measuring)
                            tally.failure(operation: operations.of(number), code: code, finished: measuring ? clock.now : nil)
                            // A service that is down fails calls at once; do not spin on it.
                            if code == "UNAVAILABLE" { try? await Task.sleep(for: .milliseconds(10)) }
                        }
                    }
                    return tally
                }
            }
            var merged = WorkerTally(operationCount: operations.count, serviceTime: false)
            for await tally in group { merged.merge(tally) }
            return merged
        }
        return LoadOutcome(tally, operations: operations.names, measuredFrom: warmupEnd, gaveUp: state.gaveUp)
    }
}

/// A counter shared by callers.
final class SharedCounter: Sendable {
    private let atomic = Atomic<Int>(0)
    /// Adds one; returns the value before.
    func next() -> Int { atomic.wrappingAdd(1, ordering: .relaxed).oldValue }
}
