import JCSkillsMessages

/// `jcskills-load compare A.json B.json`: each figure of two runs side by side with B ÷ A.
public struct ReportComparison: Sendable {
    public let a: LoadReport
    public let b: LoadReport

    public init(_ a: LoadReport, _ b: LoadReport) {
        self.a = a
        self.b = b
    }

    /// One compared figure.
    public struct Row: Sendable, Hashable {
        public var name: String
        public var a: Double
        public var b: Double
        /// B ÷ A, nil when A is zero.
        public var ratio: Double? { a != 0 ? b / a : nil }
    }

    public var rows: [Row] {
        var rows = [
            Row(name: "throughput calls/s", a: a.callsPerSecond, b: b.callsPerSecond),
            Row(name: "p50 µs", a: a.latency.p50, b: b.latency.p50),
            Row(name: "p90 µs", a: a.latency.p90, b: b.latency.p90),
            Row(name: "p99 µs", a: a.latency.p99, b: b.latency.p99),
            Row(name: "p99.9 µs", a: a.latency.p999, b: b.latency.p999),
            Row(name: "max µs", a: a.latency.max, b: b.latency.max),
            Row(name: "mean µs", a: a.latency.mean, b: b.latency.mean),
            Row(name: "calls", a: Double(a.calls), b: Double(b.calls)),
            Row(name: "errors", a: Double(a.errorCount), b: Double(b.errorCount)),
        ]
        if let serviceA = a.serviceTime, let serviceB = b.serviceTime {
            rows.append(Row(name: "service p99 µs", a: serviceA.p99, b: serviceB.p99))
        }
        return rows
    }

    /// The table `compare` prints. Ratios above 1 mean B is higher: better for throughput,
    /// worse for latency.
    public func table(nameA: String = "A", nameB: String = "B", in language: Language = .current) -> String {
        var lines = [
            Messages.Load.compared("A", name: nameA, workload: a.workload, mode: a.mode, concurrency: a.concurrency, connections: a.connections).text(in: language),
            Messages.Load.compared("B", name: nameB, workload: b.workload, mode: b.mode, concurrency: b.concurrency, connections: b.connections).text(in: language),
            "",
            TextWidth.padded(Messages.Load.figure.text(in: language), to: 20) + "A".leftPadded(14) + "B".leftPadded(14) + "B ÷ A".leftPadded(10),
        ]
        for row in rows {
            let ratio = row.ratio.map { Format.ratio($0, 1) } ?? "–"
            lines.append(TextWidth.padded(Messages.Load.rowNames[row.name]?.text(in: language) ?? row.name, to: 20) + Self.number(row.a).leftPadded(14) + Self.number(row.b).leftPadded(14) + ratio.leftPadded(10))
        }
        return lines.joined(separator: "\n")
    }

    private static func number(_ value: Double) -> String {
        value >= 100 || value == value.rounded() ? Format.grouped(value) : Format.fixed(value, 1)
    }
}
