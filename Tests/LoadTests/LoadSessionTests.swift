import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import JCSkillsLoad

@Suite("Runs against a real server, and against none")
struct LoadSessionTests {
    @Test("a closed port: the run ends within seconds with UNAVAILABLE counted", arguments: [nil, 200.0, 2.0])
    func closedPort(rate: Double?) async throws {
        let endpoint = Endpoint(host: "127.0.0.1", port: try freeLoopbackPort())
        let target = LoadTarget(endpoint: endpoint, tls: TestPKI.shared.files("admin"))
        // A 60 s run: only the give-up rule can end it in time.
        let plan = LoadPlan(concurrency: 8, rate: rate, warmup: .milliseconds(200), duration: .seconds(60))
        let clock = ContinuousClock()
        let started = clock.now
        let report = try await withTimeout(.seconds(15)) {
            try await LoadSession.run(EchoWorkload(), target: target, plan: plan)
        }
        #expect(clock.now - started < .seconds(10))
        #expect(report.calls == 0)
        #expect((report.errors["UNAVAILABLE"] ?? 0) > 0)
        #expect(report.errors.keys.sorted() == ["UNAVAILABLE"])
        #expect(report.stoppedEarly != nil)
        #expect(report.table().contains("UNAVAILABLE"))
    }

    @Test("echo against a live server: calls succeed, no errors, percentiles filled in")
    func liveEcho() async throws {
        try await withTestServer(services: [EchoRPCService()]) { _, endpoint in
            let target = LoadTarget(endpoint: endpoint, tls: TestPKI.shared.files("admin"), connections: 2)
            // Paced, not flat out: the rest of a parallel test run shares the two cores.
            let plan = LoadPlan(concurrency: 8, rate: 400, warmup: .milliseconds(200), duration: .seconds(1))
            let report = try await withTimeout(.seconds(30)) {
                try await LoadSession.run(EchoWorkload(payloadBytes: 64), target: target, plan: plan)
            }
            #expect(report.calls > 0)
            #expect(report.errors.isEmpty)
            #expect(report.stoppedEarly == nil)
            #expect(report.latency.p50 > 0 && report.latency.p50 <= report.latency.p99)
            #expect(report.connections == 2)
        }
    }

    @Test("--requests bounds a run: exactly that many measured calls")
    func requestBound() async throws {
        try await withTestServer(services: [EchoRPCService()]) { _, endpoint in
            let target = LoadTarget(endpoint: endpoint, tls: TestPKI.shared.files("admin"))
            let plan = LoadPlan(concurrency: 4, warmup: .zero, requests: 300)
            let report = try await withTimeout(.seconds(30)) {
                try await LoadSession.run(HealthWorkload(), target: target, plan: plan)
            }
            #expect(report.calls == 300)
        }
    }

    @Test("errors are counted by status code: echo as an identity it refuses")
    func errorsByCode() async throws {
        try await withTestServer(services: [EchoRPCService()], auditor: QuietAuditor()) { _, endpoint in
            let target = LoadTarget(endpoint: endpoint, tls: TestPKI.shared.files("auditor"))
            // Echo refuses the auditor; the health check, the third of the mix, does not.
            let plan = LoadPlan(concurrency: 2, warmup: .zero, requests: 90)
            let report = try await withTimeout(.seconds(30)) {
                try await LoadSession.run(MixedWorkload(), target: target, plan: plan, mix: "echo=2,health=1")
            }
            #expect(report.errors == ["PERMISSION_DENIED": 60])
            #expect(report.calls == 30)
            #expect(report.failedCalls == 60)
            // Split by operation: echo refused every time, health never.
            let operations = try #require(report.operations)
            #expect(operations.map(\.name) == ["echo", "health"])
            #expect(operations.map(\.calls) == [0, 30])
            #expect(operations.map(\.failedCalls) == [60, 0])
        }
    }
}

/// Refusals are the point of the test; keep them out of the log.
struct QuietAuditor: AccessAuditor {
    func denied(principal: Principal, method: String, requestID: String?, reason: String) {}
}

/// Echo and health in one workload, to exercise mixes.
struct MixedWorkload: Workload {
    let name = "mixed"
    var operations: [LoadOperation] {
        EchoWorkload(payloadBytes: 16).operations + HealthWorkload().operations.map { operation in
            var renamed = operation
            renamed.name = "health"
            return renamed
        }
    }
}
