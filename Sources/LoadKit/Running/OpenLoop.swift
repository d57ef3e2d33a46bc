/// Open loop: calls are due on an ``ArrivalSchedule``; whichever of the `concurrency` callers
/// is free takes the next due call, waits for its time if it is early, and sends it.
///
/// Coordinated omission is corrected by explicit intended-start accounting rather than by
/// HdrHistogram's `recordCorrectedValue`: each call's latency is taken from the moment the
/// schedule said it was due, so when the service stalls, every call that fell due during the
/// stall is recorded with the wait it actually suffered. `recordCorrectedValue` would instead
/// invent evenly spaced samples from one expected interval — right for a steady closed loop,
/// but here the true start of every call is known, so nothing needs to be guessed. The time
/// from the actual send is kept too (``LoadOutcome/serviceTime``), to show what an uncorrected
/// tool would have reported.
enum OpenLoop {
    static func run(
        _ plan: LoadPlan, state: RunState, executors: [any TaskExecutor], operations: OperationIndex,
        call: @escaping @Sendable (_ worker: Int, _ sequence: Int) async throws -> Void
    ) async -> LoadOutcome {
        let clock = state.clock
        let schedule = ArrivalSchedule(rate: plan.rate!, warmup: plan.warmup, duration: plan.duration, requests: plan.requests)
        let start = state.origin
        let next = SharedCounter()
        let tally = await withTaskGroup(of: WorkerTally.self) { group in
            for worker in 0..<plan.concurrency {
                let executor = executors.isEmpty ? nil : executors[worker % executors.count]
                group.addTask(executorPreference: executor) {
                    var tally = WorkerTally(operationCount: operations.count, serviceTime: true)
                    while !state.gaveUp {
                        let index = next.next()
                        guard index < schedule.totalCalls else { break }
                        let due = start + schedule.offset(of: index)
                        // In slices, so that a run that gives up is not held by a caller
                        // waiting for a call due much later.
                        while !state.gaveUp {
                            let early = due - clock.now
                            guard early > .zero else { break }
                            await Pacing.pause(min(early, .milliseconds(100)), on: executor)
                        }
                        if state.gaveUp { break }
                        let measuring = schedule.isMeasured(index)
                        let sent = clock.now
                        do {
                            try await call(worker, index)
                            let finished = clock.now
                            state.succeeded(measured: measuring)
                            guard measuring else { continue }
                            tally.success(
                                operation: operations.of(index), latency: nanoseconds(finished - due),
                                serviceTime: nanoseconds(finished - sent), finished: finished)
                        } catch {
                            let code = statusName(of: error)
                            state.failed(code, measured: measuring)
                            tally.failure(operation: operations.of(index), code: code, finished: measuring ? clock.now : nil)
                        }
                    }
                    return tally
                }
            }
            var merged = WorkerTally(operationCount: operations.count, serviceTime: true)
            for await tally in group { merged.merge(tally) }
            return merged
        }
        let measuredStart = start + schedule.offset(of: schedule.warmupCalls)
        return LoadOutcome(tally, operations: operations.names, measuredFrom: measuredStart, gaveUp: state.gaveUp)
    }
}
