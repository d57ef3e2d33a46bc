import Foundation

/// The outcome of one load run, printed as a table or as JSON (`--json`) for `compare`.
public struct LoadReport: Codable, Sendable {
    public var workload: String
    public var endpoint: String
    public var mode: String
    public var concurrency: Int
    public var connections: Int
    public var seconds: Double
    public var calls: Int
    public var errors: [String: Int]
    public var callsPerSecond: Double
    /// Microseconds.
    public var latency: LatencySummary

    public init(
        workload: String, endpoint: String, mode: String, concurrency: Int, connections: Int,
        seconds: Double, calls: Int, errors: [String: Int], callsPerSecond: Double, latency: LatencySummary
    ) {
        self.workload = workload
        self.endpoint = endpoint
        self.mode = mode
        self.concurrency = concurrency
        self.connections = connections
        self.seconds = seconds
        self.calls = calls
        self.errors = errors
        self.callsPerSecond = callsPerSecond
        self.latency = latency
    }

    public var errorCount: Int { errors.values.reduce(0, +) }

    public func table() -> String {
        func format(_ value: Double) -> String { String(format: "%.1f", value) }
        var lines = [
            "workload     \(workload) against \(endpoint)",
            "mode         \(mode), \(concurrency) outstanding over \(connections) connection(s)",
            "duration     \(format(seconds)) s, \(calls) calls, \(errorCount) errors",
            "throughput   \(String(format: "%.0f", callsPerSecond)) calls/s",
            "latency µs   p50 \(format(latency.p50))  p90 \(format(latency.p90))  p99 \(format(latency.p99))  p99.9 \(format(latency.p999))  max \(format(latency.max))",
        ]
        for (code, count) in errors.sorted(by: { $0.key < $1.key }) {
            lines.append("error        \(code): \(count)")
        }
        return lines.joined(separator: "\n")
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
