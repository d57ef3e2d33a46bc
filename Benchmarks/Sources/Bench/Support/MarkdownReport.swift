import Foundation

/// The comparison as Markdown: medians over the runs, then the ratios the targets are stated in.
struct MarkdownReport {
    let options: BenchOptions
    var echo: [EchoMeasurement] = []
    var codec: CodecComparison.Result?

    func markdown() -> String {
        var lines: [String] = []
        lines.append("<!-- written by Benchmarks/run.sh (jcskills-bench) -->")
        lines.append("Measured \(Self.timestamp()) on \(Self.machine()); release build; client and server as separate processes on loopback, sharing the cores.")
        lines.append("")
        if !echo.isEmpty { lines += echoSection() }
        if let codec { lines += codecSection(codec) }
        return lines.joined(separator: "\n")
    }

    private func median(_ implementation: Implementation, _ outstanding: Int) -> EchoMeasurement? {
        let runs = echo.filter { $0.implementation == implementation && $0.outstanding == outstanding }
        guard !runs.isEmpty else { return nil }
        func middle(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        var result = runs[0]
        result.calls = Int(middle(runs.map { Double($0.calls) }))
        result.errors = runs.map(\.errors).reduce(0, +)
        result.p50 = middle(runs.map(\.p50))
        result.p99 = middle(runs.map(\.p99))
        result.clientCPU = runs.allSatisfy { $0.clientCPU != nil } ? middle(runs.map { $0.clientCPU! }) : nil
        result.serverCPU = runs.allSatisfy { $0.serverCPU != nil } ? middle(runs.map { $0.serverCPU! }) : nil
        return result
    }

    private func echoSection() -> [String] {
        let plan = options.plan
        var lines = [
            "### Unary echo, \(plan.payloadBytes)-byte request and response, one mutual-TLS connection (TLS 1.3, ECDSA P-256)",
            "",
            "\(options.runs) run(s) of \(Self.seconds(plan.duration)) s measured after \(Self.seconds(plan.warmup)) s warm-up per cell; each cell is the median of the runs (calls/s, p50 and p99 taken separately).",
            "",
            "| implementation | outstanding | calls/s | p50 µs | p99 µs | CPU µs per call, client / server | errors |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for implementation in options.implementations {
            for (index, outstanding) in plan.outstanding.enumerated() {
                guard let m = median(implementation, outstanding) else { continue }
                let name = index == 0 ? implementation.title : ""
                let cpu = "\(m.clientCPU.map(Self.decimal) ?? "–") / \(m.serverCPU.map(Self.decimal) ?? "–")"
                lines.append("| \(name) | \(outstanding) | \(Self.grouped(m.callsPerSecond)) | \(Self.grouped(m.p50)) | \(Self.grouped(m.p99)) | \(cpu) | \(m.errors) |")
            }
        }
        lines += ["", "| outstanding | ours ÷ gRPC, calls/s | ours ÷ floor, calls/s | ours p99 ÷ gRPC p99 |", "|---:|---:|---:|---:|"]
        for outstanding in plan.outstanding {
            guard let ours = median(.ours, outstanding) else { continue }
            let grpc = median(.grpc, outstanding)
            let floor = median(.floor, outstanding)
            let versusGRPC = grpc.map { Self.ratio(ours.callsPerSecond / $0.callsPerSecond) } ?? "–"
            let versusFloor = floor.map { Self.ratio(ours.callsPerSecond / $0.callsPerSecond) } ?? "–"
            let latency = grpc.map { Self.ratio(ours.p99 / $0.p99) } ?? "–"
            lines.append("| \(outstanding) | \(versusGRPC) | \(versusFloor) | \(latency) |")
        }
        lines.append("")
        return lines
    }

    private func codecSection(_ codec: CodecComparison.Result) -> [String] {
        [
            "### Codec: the docs/ANCHORS.md registration record, \(Self.grouped(Double(codec.iterations))) iterations, median of \(codec.repetitions) repetitions",
            "",
            "| codec | bytes | encode ns | decode ns |",
            "|---|---:|---:|---:|",
            "| JCSkills codec (`RegistrationRecord`, `writeWireMessage` / `init(buffer:)`) | \(codec.ours.bytes) | \(Self.decimal(codec.ours.encodeNanoseconds)) | \(Self.decimal(codec.ours.decodeNanoseconds)) |",
            "| swift-protobuf 1.39.0 (generated-form `Message`, `serializedBytes()` / `init(serializedBytes:)`) | \(codec.protobuf.bytes) | \(Self.decimal(codec.protobuf.encodeNanoseconds)) | \(Self.decimal(codec.protobuf.decodeNanoseconds)) |",
            "| speed-up, swift-protobuf time ÷ ours | | \(Self.ratio(codec.protobuf.encodeNanoseconds / codec.ours.encodeNanoseconds)) | \(Self.ratio(codec.protobuf.decodeNanoseconds / codec.ours.decodeNanoseconds)) |",
            "",
            "Encodings byte-identical: \(codec.identicalBytes ? "yes" : "no").",
            "",
        ]
    }

    static func grouped(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        formatter.groupingSeparator = ","
        return formatter.string(from: NSNumber(value: value.rounded())) ?? String(format: "%.0f", value)
    }

    static func decimal(_ value: Double) -> String {
        value >= 100 ? grouped(value) : String(format: "%.1f", value)
    }

    static func ratio(_ value: Double) -> String {
        value >= 10 ? String(format: "%.0f×", value) : String(format: "%.2f×", value)
    }

    static func seconds(_ duration: Duration) -> String {
        let value = duration / .seconds(1)
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: Date())
    }

    /// "2 CPUs (AMD EPYC), Swift 6.x" from /proc/cpuinfo and the compiler that built us.
    static func machine() -> String {
        let cpus = ProcessInfo.processInfo.activeProcessorCount
        let model = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
        return "\(cpus) CPUs\(model.map { " (\($0))" } ?? ""), \(compiler)"
    }

    #if compiler(>=6.3)
    static let compiler = "Swift 6.3+ compiler"
    #else
    static let compiler = "Swift < 6.3 compiler"
    #endif
}
