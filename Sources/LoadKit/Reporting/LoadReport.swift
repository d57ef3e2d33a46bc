import Foundation
import JCSkillsMessages
import JCSkillsProtocol

/// The outcome of one load run, printed as a table or as JSON (`--json`) for `compare`.
public struct LoadReport: Codable, Sendable, Hashable {
    public var workload: String
    public var endpoint: String
    /// `"closed"` or `"open"`.
    public var mode: String
    /// Callers (closed loop) or the most calls outstanding (open loop).
    public var concurrency: Int
    public var connections: Int
    /// Open loop: the scheduled calls per second.
    public var targetRate: Double?
    /// The measured window, seconds.
    public var seconds: Double
    /// Measured calls that succeeded; throughput counts these.
    public var calls: Int
    /// Measured calls that failed.
    public var failedCalls: Int
    /// Failed calls by status name, warm-up included.
    public var errors: [String: Int]
    public var callsPerSecond: Double
    /// Microseconds; in an open loop from when each call was due (coordinated omission corrected).
    public var latency: LatencySummary
    /// Open loop only: microseconds from each call's actual send (uncorrected).
    public var serviceTime: LatencySummary?
    /// Why the run ended before its bound, if it did.
    public var stoppedEarly: String?
    /// For a mixed workload, each operation's share (latency at two significant digits).
    public var operations: [OperationReport]?

    public struct OperationReport: Codable, Sendable, Hashable {
        public var name: String
        public var calls: Int
        public var failedCalls: Int
        public var callsPerSecond: Double
        public var latency: LatencySummary
    }

    public init(
        workload: String, endpoint: String, mode: String, concurrency: Int, connections: Int, targetRate: Double? = nil,
        seconds: Double, calls: Int, failedCalls: Int = 0, errors: [String: Int], callsPerSecond: Double,
        latency: LatencySummary, serviceTime: LatencySummary? = nil, stoppedEarly: String? = nil
    ) {
        self.workload = workload
        self.endpoint = endpoint
        self.mode = mode
        self.concurrency = concurrency
        self.connections = connections
        self.targetRate = targetRate
        self.seconds = seconds
        self.calls = calls
        self.failedCalls = failedCalls
        self.errors = errors
        self.callsPerSecond = callsPerSecond
        self.latency = latency
        self.serviceTime = serviceTime
        self.stoppedEarly = stoppedEarly
    }

    public init(workload: String, endpoint: String, plan: LoadPlan, connections: Int, outcome: LoadOutcome) {
        self.init(
            workload: workload, endpoint: endpoint, mode: plan.rate == nil ? "closed" : "open",
            concurrency: plan.concurrency, connections: connections, targetRate: plan.rate,
            seconds: outcome.seconds, calls: outcome.succeeded, failedCalls: outcome.failed, errors: outcome.errors,
            callsPerSecond: outcome.callsPerSecond, latency: LatencySummary(nanoseconds: outcome.latency),
            serviceTime: outcome.serviceTime.map { LatencySummary(nanoseconds: $0) },
            stoppedEarly: outcome.gaveUp
                ? Messages.Load.gaveUp(Format.fixed(plan.giveUpAfter / .seconds(1), 1)).text()
                : nil)
        if !outcome.operations.isEmpty {
            operations = outcome.operations.map { operation in
                OperationReport(
                    name: operation.name, calls: operation.succeeded, failedCalls: operation.failed,
                    callsPerSecond: outcome.seconds > 0 ? Double(operation.succeeded) / outcome.seconds : 0,
                    latency: LatencySummary(nanoseconds: operation.latency))
            }
        }
    }

    /// A run that could not start: the workload's setup found the service UNAVAILABLE.
    public init(workload: String, endpoint: String, plan: LoadPlan, connections: Int, unreachable error: RPCError) {
        self.init(
            workload: workload, endpoint: endpoint, mode: plan.rate == nil ? "closed" : "open",
            concurrency: plan.concurrency, connections: connections, targetRate: plan.rate, seconds: 0, calls: 0,
            errors: [error.code.name: 1], callsPerSecond: 0,
            latency: LatencySummary(p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0),
            stoppedEarly: Messages.Load.setupUnreachable("\(error)").text())
    }

    public var errorCount: Int { errors.values.reduce(0, +) }

    public func table(in language: Language = .current) -> String {
        typealias Words = Messages.Load
        func row(_ summary: LatencySummary) -> String {
            [("p50", summary.p50), ("p90", summary.p90), ("p99", summary.p99), ("p99.9", summary.p999), ("max", summary.max)]
                .map { "\($0.0) \(Format.fixed($0.1, 1))" }.joined(separator: "  ")
        }
        func label(_ word: Message) -> String { TextWidth.padded(word.text(in: language), to: 12) + " " }
        let modeText = (targetRate.map { Words.openLoop(rate: Format.grouped($0), concurrency: concurrency) } ?? Words.closedLoop(concurrency)).text(in: language)
        var lines = [
            label(Words.workload) + Words.against(workload, endpoint: endpoint).text(in: language),
            label(Words.mode) + Words.overConnections(modeText, connections: connections).text(in: language),
            label(Words.measured) + Words.measuredLine(seconds: Format.fixed(seconds, 1), calls: calls, failed: failedCalls).text(in: language),
            label(Words.throughput) + Words.callsPerSecond(Format.grouped(callsPerSecond)).text(in: language),
        ]
        if let serviceTime {
            lines.append(label(Words.latency) + "\(row(latency))   " + Words.fromDue.text(in: language))
            lines.append(label(Words.service) + "\(row(serviceTime))   " + Words.fromSend.text(in: language))
        } else {
            lines.append(label(Words.latency) + row(latency))
        }
        for operation in operations ?? [] {
            let figures = Words.operation(rate: Format.grouped(operation.callsPerSecond).leftPadded(8), p50: Format.fixed(operation.latency.p50, 0),
                                          p99: Format.fixed(operation.latency.p99, 0), failed: operation.failedCalls).text(in: language)
            lines.append("  \(operation.name.rightPadded(11)) \(figures)")
        }
        for (code, count) in errors.sorted(by: { $0.key < $1.key }) {
            lines.append(label(Words.errors) + "\(code): \(count)")
        }
        if errors.isEmpty { lines.append(label(Words.errors) + Words.none.text(in: language)) }
        if let stoppedEarly { lines.append(label(Words.stopped) + Words.early(stoppedEarly).text(in: language)) }
        return lines.joined(separator: "\n")
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public static func decode(json data: Data) throws -> LoadReport {
        try JSONDecoder().decode(LoadReport.self, from: data)
    }
}
