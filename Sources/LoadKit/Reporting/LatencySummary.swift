import Histogram

/// Percentiles of a run's latencies, in microseconds.
public struct LatencySummary: Codable, Sendable, Hashable {
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var p999: Double
    public var max: Double
    public var mean: Double

    /// From a histogram of nanoseconds.
    public init(nanoseconds histogram: Histogram<UInt64>) {
        func micros(_ value: UInt64) -> Double { Double(value) / 1000 }
        p50 = micros(histogram.valueAtPercentile(50))
        p90 = micros(histogram.valueAtPercentile(90))
        p99 = micros(histogram.valueAtPercentile(99))
        p999 = micros(histogram.valueAtPercentile(99.9))
        max = micros(histogram.maxRecorded)
        mean = histogram.mean / 1000
    }
}

/// A histogram of nanoseconds from 1 ns to 10 minutes at three significant digits.
public func makeLatencyHistogram() -> Histogram<UInt64> {
    Histogram<UInt64>(highestTrackableValue: 600_000_000_000, numberOfSignificantValueDigits: .three)
}
