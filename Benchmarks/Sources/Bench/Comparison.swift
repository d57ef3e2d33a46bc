import Foundation

/// Runs what the options ask for and returns the Markdown report.
struct Comparison {
    let options: BenchOptions

    func run() async throws -> String {
        var report = MarkdownReport(options: options)
        if options.echo {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-bench-\(UUID().uuidString)").path
            let pki = try BenchPKI.create(in: directory)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            for run in 1...options.runs {
                for implementation in options.implementations {
                    let measurements = try await measure(implementation, pki: pki)
                    for measurement in measurements {
                        progress(String(
                            format: "run %d/%d  %@ %3d outstanding: %9.0f calls/s  p50 %8.0f µs  p99 %8.0f µs%@",
                            run, options.runs, implementation.rawValue, measurement.outstanding, measurement.callsPerSecond,
                            measurement.p50, measurement.p99, measurement.errors > 0 ? "  \(measurement.errors) errors" : ""))
                    }
                    report.echo.append(contentsOf: measurements)
                }
            }
        }
        if options.codec {
            progress("codec: \(options.codecIterations) iterations × 3 repetitions each …")
            report.codec = try CodecComparison.run(iterations: options.codecIterations, repetitions: 3)
        }
        return report.markdown()
    }

    /// One implementation at every concurrency, its server in a child process for the duration.
    private func measure(_ implementation: Implementation, pki: BenchPKI) async throws -> [EchoMeasurement] {
        let server = try ServerProcess(implementation: implementation.rawValue, pki: pki)
        defer { server.stop() }
        switch implementation {
        case .ours: return try await OursEcho.measure(port: server.port, pki: pki, serverPID: server.pid, plan: options.plan)
        case .grpc: return try await GRPCEcho.measure(port: server.port, pki: pki, serverPID: server.pid, plan: options.plan)
        case .floor: return try await FloorClient.measure(port: server.port, pki: pki, serverPID: server.pid, plan: options.plan)
        }
    }

    private func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
