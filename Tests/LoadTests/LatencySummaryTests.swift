import Histogram
import Testing
@testable import JCSkillsLoad

@Suite("Latency percentiles")
struct LatencySummaryTests {
    @Test("1…1000 µs, once each: the percentiles are the matching values")
    func uniformValues() {
        var histogram = makeLatencyHistogram()
        for micros in 1...1000 { _ = histogram.record(UInt64(micros) * 1000) }
        let summary = LatencySummary(nanoseconds: histogram)
        // Three significant digits: each figure within 0.1 % of the exact one.
        #expect(abs(summary.p50 - 500) <= 0.5)
        #expect(abs(summary.p90 - 900) <= 0.9)
        #expect(abs(summary.p99 - 990) <= 1)
        #expect(abs(summary.p999 - 999) <= 1)
        #expect(summary.max == 1000)
        #expect(abs(summary.mean - 500.5) <= 0.5)
    }

    @Test("1 % slow calls: p99 is the last fast one, p99.9 and max the slow ones")
    func slowTail() {
        var histogram = makeLatencyHistogram()
        for _ in 0..<990 { _ = histogram.record(100_000) }  // 100 µs
        for _ in 0..<10 { _ = histogram.record(1_000_000_000) }  // 1 s
        let summary = LatencySummary(nanoseconds: histogram)
        #expect(abs(summary.p50 - 100) <= 0.1)
        #expect(abs(summary.p99 - 100) <= 0.1)
        #expect(abs(summary.p999 - 1_000_000) <= 1_000)
        #expect(summary.max == 1_000_000)
    }

    @Test("an empty histogram gives zeros, not NaN (JSON cannot hold NaN)")
    func empty() throws {
        let summary = LatencySummary(nanoseconds: makeLatencyHistogram())
        #expect(summary == LatencySummary(p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0))
    }
}
