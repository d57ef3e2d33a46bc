/// An open loop's timetable: call `i` is due `i / rate` seconds after the start, warm-up calls
/// first. Fixed in advance, so a slow answer never pushes later calls back.
public struct ArrivalSchedule: Sendable, Hashable {
    public let rate: Double
    public let warmupCalls: Int
    public let measuredCalls: Int

    public init(rate: Double, warmup: Duration, duration: Duration?, requests: Int?) {
        precondition(rate > 0, "a rate is positive")
        self.rate = rate
        warmupCalls = Int((warmup / .seconds(1) * rate).rounded())
        let byDuration = duration.map { Int(($0 / .seconds(1) * rate).rounded()) } ?? Int.max
        measuredCalls = max(1, min(requests ?? Int.max, byDuration))
    }

    public var totalCalls: Int { warmupCalls + measuredCalls }

    /// When call `index` is due, after the schedule's start.
    public func offset(of index: Int) -> Duration {
        .nanoseconds(Int64((Double(index) * 1e9 / rate).rounded()))
    }

    public func isMeasured(_ index: Int) -> Bool { index >= warmupCalls }
}
