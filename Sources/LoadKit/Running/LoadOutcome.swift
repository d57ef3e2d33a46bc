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

    public var callsPerSecond: Double { seconds > 0 ? Double(succeeded) / seconds : 0 }
    public var errorCount: Int { errors.values.reduce(0, +) }

    init(_ tally: WorkerTally, serviceTime: Bool, measuredFrom start: ContinuousClock.Instant, gaveUp: Bool) {
        latency = tally.latency
        self.serviceTime = serviceTime ? tally.serviceTime : nil
        succeeded = tally.succeeded
        failed = tally.failed
        errors = tally.errors
        let end = tally.lastFinish ?? start
        seconds = end > start ? (end - start) / .seconds(1) : 0
        self.gaveUp = gaveUp
    }
}
