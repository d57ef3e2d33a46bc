import Histogram

/// N workers, each keeping one call outstanding, for the warm-up and then the measured window.
/// Used for the two RPC stacks, whose callers are async code; the floor has its own
/// event-driven client (FloorClient) because it has no async layer to measure.
enum AsyncClosedLoop {
    static func measure(
        _ implementation: Implementation, outstanding: Int, plan: EchoPlan, serverPID: Int32,
        executor: (any TaskExecutor)?, call: @escaping @Sendable () async throws -> Void
    ) async -> EchoMeasurement {
        let clock = ContinuousClock()
        let start = clock.now + plan.warmup
        let end = start + plan.duration
        let (histogram, calls, errors, cpu) = await withTaskGroup(of: (Histogram<UInt64>, Int, Int).self) { group in
            for _ in 0..<outstanding {
                group.addTask(executorPreference: executor) {
                    var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
                    var calls = 0
                    var errors = 0
                    while true {
                        let sent = clock.now
                        if sent >= end { break }
                        var failed = false
                        do { try await call() } catch { failed = true }
                        guard sent >= start else { continue }
                        if failed {
                            errors += 1
                        } else {
                            let latency = clock.now - sent
                            _ = histogram.record(UInt64(latency.components.seconds) * 1_000_000_000 + UInt64(latency.components.attoseconds / 1_000_000_000))
                            calls += 1
                        }
                    }
                    return (histogram, calls, errors)
                }
            }
            // CPU is sampled at the window's edges, from this task, while the workers run.
            try? await Task.sleep(until: start, clock: clock)
            let before = CPUSample(serverPID: serverPID)
            var merged = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
            var calls = 0
            var errors = 0
            var after: CPUSample?
            for await (histogram, workerCalls, workerErrors) in group {
                if after == nil { after = CPUSample(serverPID: serverPID) }
                merged.add(histogram)
                calls += workerCalls
                errors += workerErrors
            }
            return (merged, calls, errors, (before, after ?? CPUSample(serverPID: serverPID)))
        }
        return EchoMeasurement(
            implementation: implementation, outstanding: outstanding, calls: calls, errors: errors,
            seconds: plan.duration / .seconds(1),
            p50: Double(histogram.valueAtPercentile(50)) / 1000, p99: Double(histogram.valueAtPercentile(99)) / 1000,
            clientCPU: cpu.0.client(to: cpu.1, calls: calls), serverCPU: cpu.0.server(to: cpu.1, calls: calls))
    }
}

/// CPU time of both processes at one instant.
struct CPUSample {
    var client: Double
    var server: Double?

    init(serverPID: Int32) {
        client = CPUTime.ofSelf()
        server = CPUTime.of(pid: serverPID)
    }

    func client(to later: CPUSample, calls: Int) -> Double? {
        calls > 0 ? (later.client - client) / Double(calls) : nil
    }

    func server(to later: CPUSample, calls: Int) -> Double? {
        guard calls > 0, let before = server, let after = later.server else { return nil }
        return (after - before) / Double(calls)
    }
}
