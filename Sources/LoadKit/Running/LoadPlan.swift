/// How long and how hard a run drives the service.
///
/// Closed loop (``rate`` nil): ``concurrency`` callers, each starting its next call when the
/// previous one ends — throughput is what the service gives. Open loop (``rate`` set): calls are
/// due on a fixed schedule, `rate` per second, whatever the service does, with at most
/// ``concurrency`` outstanding; latency counts from when a call was due, so a stalled service
/// shows in the percentiles instead of slowing the schedule (coordinated omission).
public struct LoadPlan: Sendable, Hashable {
    public var concurrency: Int
    /// Calls per second for an open loop; nil for a closed loop.
    public var rate: Double?
    /// Unmeasured time before the measurement (same load).
    public var warmup: Duration
    /// Measure for this long…
    public var duration: Duration?
    /// …or for this many calls (open loop: this many scheduled calls), whichever ends first.
    public var requests: Int?
    /// A run in which no call has succeeded stops once calls have failed with UNAVAILABLE for
    /// this long: a stopped service is reported at once rather than after the whole duration.
    public var giveUpAfter: Duration

    public init(
        concurrency: Int, rate: Double? = nil, warmup: Duration = .seconds(1), duration: Duration? = nil,
        requests: Int? = nil, giveUpAfter: Duration = .seconds(2)
    ) {
        precondition(concurrency >= 1, "at least one caller")
        precondition(duration != nil || requests != nil, "a run needs a duration or a request count")
        precondition(rate.map { $0 > 0 } ?? true, "a rate is positive")
        self.concurrency = concurrency
        self.rate = rate
        self.warmup = warmup
        self.duration = duration
        self.requests = requests
        self.giveUpAfter = giveUpAfter
    }
}
