import Foundation
import JCSkillsMessages
import Testing
@testable import JCSkillsLoad

@Suite("compare")
struct ReportComparisonTests {
    static func report(callsPerSecond: Double, p50: Double, p99: Double, errors: [String: Int] = [:]) -> LoadReport {
        LoadReport(
            workload: "echo, 200-byte payload", endpoint: "127.0.0.1:7101", mode: "closed", concurrency: 64, connections: 1,
            seconds: 10, calls: Int(callsPerSecond * 10), errors: errors, callsPerSecond: callsPerSecond,
            latency: LatencySummary(p50: p50, p90: p50 * 2, p99: p99, p999: p99 * 2, max: p99 * 4, mean: p50))
    }

    @Test("ratios B ÷ A of throughput and percentiles")
    func ratios() throws {
        let a = Self.report(callsPerSecond: 40_000, p50: 800, p99: 2_000)
        let b = Self.report(callsPerSecond: 80_000, p50: 400, p99: 3_000, errors: ["UNAVAILABLE": 3])
        let comparison = ReportComparison(a, b)
        let rows = Dictionary(uniqueKeysWithValues: comparison.rows.map { ($0.name, $0) })
        #expect(rows["throughput calls/s"]?.ratio == 2)
        #expect(rows["p50 µs"]?.ratio == 0.5)
        #expect(rows["p99 µs"]?.ratio == 1.5)
        #expect(rows["errors"]?.ratio == nil)  // A had none: no ratio

        let lines = comparison.table(nameA: "a.json", nameB: "b.json", in: .en).split(separator: "\n").map(String.init)
        #expect(lines.contains("throughput calls/s          40,000        80,000     2.00×"))
        #expect(lines.contains("p50 µs                         800           400     0.50×"))
        #expect(lines.contains("p99 µs                       2,000         3,000     1.50×"))
        #expect(lines.contains("errors                           0             3         –"))
        #expect(lines[0].hasPrefix("A: a.json — echo, 200-byte payload, closed loop, 64 outstanding"))
    }

    @Test("a report survives --json and back")
    func jsonRoundTrip() throws {
        var report = Self.report(callsPerSecond: 12_345.5, p50: 80.5, p99: 190)
        report.serviceTime = LatencySummary(p50: 1, p90: 2, p99: 3, p999: 4, max: 5, mean: 1.5)
        report.targetRate = 20_000
        let decoded = try LoadReport.decode(json: Data(try report.json().utf8))
        #expect(decoded == report)
    }
}
