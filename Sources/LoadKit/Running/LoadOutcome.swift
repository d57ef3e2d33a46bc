import Histogram

/// What a run measured, before it becomes a ``LoadReport``.
public struct LoadOutcome: Sendable {
    /// Latency of successful measured calls in nanoseconds: from when each call was due in an
    /// open loop (coordinated omission corrected), from when it was sent in a closed loop.
    public var latency: Histogram<UInt64>
    /// Open loop only: from when each call was actually sent (what an uncorrected tool reports).
    public var serviceTime: Histogram<UInt64>?
    /// Measured calls that succeeded / failed.
    public var succeeded: Int
    public var failed: Int
    /// Failures by status name over the whole run, warm-up included: a failure is never hidden.
    public var errors: [String: Int]
    /// The measured window: its first due (or sent) call to its last completion.
    public var seconds: Double
    /// True when the run stopped early because the service never answered (UNAVAILABLE).
    public var gaveUp: Bool
    /// Per operation, for workloads with several; empty otherwise.
    public var operations: [Operation]

    /// One operation's share of the measured calls (latency at two significant digits).
    public struct Operation: Sendable {
        public var name: String
        public var latency: Histogram<UInt64>
        public var succeeded: Int
        public var failed: Int
    }

    public var callsPerSecond: Double { seconds > 0 ? Double(succeeded) / seconds : 0 }
    public var errorCount: Int { errors.values.reduce(0, +) }

    init(_ tally: WorkerTally, operations names: [String], measuredFrom start: ContinuousClock.Instant, gaveUp: Bool) {
        latency = tally.latency
        serviceTime = tally.serviceTime
        operations = zip(names, tally.operations).map { name, operation in
            Operation(name: name, latency: operation.latency, succeeded: operation.succeeded, failed: operation.failed)
        }
        succeeded = tally.succeeded
        failed = tally.failed
        errors = tally.errors
        let end = tally.lastFinish ?? start
        seconds = end > start ? (end - start) / .seconds(1) : 0
        self.gaveUp = gaveUp
    }
}
