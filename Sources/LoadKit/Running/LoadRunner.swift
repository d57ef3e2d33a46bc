import JCSkillsMessages

/// Runs a ``LoadPlan``: a closed loop, or an open loop when the plan has a rate.
public enum LoadRunner {
    /// - Parameters:
    ///   - executors: where the callers run, round-robin (e.g. each client's event loop, so a
    ///     call needs no thread hop the protocol does not); empty means the default executor.
    ///   - operations: which operation each call number is, to split the figures by operation.
    ///   - progress: called about once a second while the run lasts.
    ///   - call: makes one call; `worker` is the caller (0..<concurrency), `sequence` numbers
    ///     the run's calls from 0.
    public static func run(
        _ plan: LoadPlan, executors: [any TaskExecutor] = [], operations: OperationIndex = .single, progress: (@Sendable (LoadProgress) -> Void)? = nil,
        call: @escaping @Sendable (_ worker: Int, _ sequence: Int) async throws -> Void
    ) async -> LoadOutcome {
        let state = RunState(giveUpAfter: plan.giveUpAfter)
        let reporter = progress.map { report in
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    let (completed, failures) = state.progress
                    let elapsed = (state.clock.now - state.origin - plan.warmup) / .seconds(1)
                    report(LoadProgress(completed: completed, failures: failures, measuredSeconds: elapsed))
                }
            }
        }
        defer { reporter?.cancel() }
        if plan.rate != nil {
            return await OpenLoop.run(plan, state: state, executors: executors, operations: operations, call: call)
        }
        return await ClosedLoop.run(plan, state: state, executors: executors, operations: operations, call: call)
    }
}

/// A snapshot for the live progress line.
public struct LoadProgress: Sendable, Hashable {
    public var completed: Int
    public var failures: Int
    /// Seconds since the warm-up ended; negative while warming up.
    public var measuredSeconds: Double

    public init(completed: Int, failures: Int, measuredSeconds: Double) {
        self.completed = completed
        self.failures = failures
        self.measuredSeconds = measuredSeconds
    }

    /// E.g. `  41,000 calls   4.0 s   10,250 calls/s   0 errors`.
    public var line: String { line(in: .current) }

    public func line(in language: Language) -> String {
        if measuredSeconds < 0 {
            return Messages.Load.warmingUp(errors: failures).text(in: language)
        }
        let rate = measuredSeconds > 0 ? Double(completed) / measuredSeconds : 0
        return Messages.Load.progress(calls: Format.grouped(Double(completed)).leftPadded(10), seconds: Format.fixed(measuredSeconds, 1).leftPadded(6),
                                      rate: Format.grouped(rate).leftPadded(9), errors: failures).text(in: language)
    }
}
