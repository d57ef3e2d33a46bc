import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import JCSkillsLoad

/// The service workloads against the real executables: generated persons and certificates
/// must pass the services' own rules, or every call would fail and the load figures mean nothing.
@Suite("Service workloads against the services")
struct ServiceLoadTests {
    @Test("registry, evaluation, training and gateway mixes run with zero errors and every operation measured")
    func registryAndEvaluation() async throws {
        let home = try makeTemporaryDirectory("jcskills-load-services")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let registryPort = try freeLoopbackPort()
        let evaluationPort = try freeLoopbackPort()
        let registry = try launch("jcskills-registry", [
            "--listen", "127.0.0.1:\(registryPort)", "--metrics", "off",
            "--data", "\(home)/registry", "--tls", TestPKI.shared.directory, "--log-level", "warning",
        ], log: "\(home)/registry.log")
        defer { if registry.isRunning { registry.terminate() } }
        let evaluation = try launch("jcskills-evaluation", [
            "--listen", "127.0.0.1:\(evaluationPort)", "--metrics", "off", "--peer", "registry=127.0.0.1:\(registryPort)",
            "--data", "\(home)/evaluation", "--tls", TestPKI.shared.directory, "--log-level", "warning",
        ], log: "\(home)/evaluation.log")
        defer { if evaluation.isRunning { evaluation.terminate() } }
        let trainingPort = try freeLoopbackPort()
        let training = try launch("jcskills-training", [
            "--listen", "127.0.0.1:\(trainingPort)", "--metrics", "off",
            "--peer", "registry=127.0.0.1:\(registryPort)", "--peer", "evaluation=127.0.0.1:\(evaluationPort)",
            "--data", "\(home)/training", "--tls", TestPKI.shared.directory, "--log-level", "warning",
        ], log: "\(home)/training.log")
        defer { if training.isRunning { training.terminate() } }
        // The gateway reads every service its catalogue names: the competition service too.
        let competitionPort = try freeLoopbackPort()
        let competition = try launch("jcskills-competition", [
            "--listen", "127.0.0.1:\(competitionPort)", "--metrics", "off",
            "--peer", "registry=127.0.0.1:\(registryPort)", "--peer", "evaluation=127.0.0.1:\(evaluationPort)",
            "--data", "\(home)/competition", "--tls", TestPKI.shared.directory, "--log-level", "warning",
        ], log: "\(home)/competition.log")
        defer { if competition.isRunning { competition.terminate() } }
        let gatewayPort = try freeLoopbackPort()
        let gatewayConfig = "\(home)/gateway.yaml"
        try "gateway:\n  dashboard:\n    enabled: false\n".write(toFile: gatewayConfig, atomically: true, encoding: .utf8)
        let gateway = try launch("jcskills-gateway", [
            "--listen", "127.0.0.1:\(gatewayPort)", "--metrics", "off", "--config", gatewayConfig,
            "--peer", "registry=127.0.0.1:\(registryPort)", "--peer", "evaluation=127.0.0.1:\(evaluationPort)",
            "--peer", "training=127.0.0.1:\(trainingPort)", "--peer", "competition=127.0.0.1:\(competitionPort)", "--data", "\(home)/gateway", "--tls", TestPKI.shared.directory, "--log-level", "warning",
        ], log: "\(home)/gateway.log")
        defer { if gateway.isRunning { gateway.terminate() } }

        // Paced, not flat out: the rest of a parallel test run shares the two cores.
        let plan = LoadPlan(concurrency: 4, rate: 200, warmup: .zero, duration: .seconds(1))
        let registryTarget = LoadTarget(endpoint: Endpoint(host: "127.0.0.1", port: registryPort), tls: TestPKI.shared.files("admin"))
        // Training: every operation, class lists included (off by default).
        let trainingWorkload = TrainingWorkload(persons: 300, listSize: 20, registry: registryTarget)
        for (workload, port, mix) in [(RegistryWorkload(fixtureCount: 10) as any Workload, registryPort, nil),
                                      (EvaluationWorkload(fixtureCount: 10), evaluationPort, nil),
                                      (trainingWorkload, trainingPort, "enrol=4,result=3,indicators=1,counts=1,list=1"),
                                      (GatewayWorkload(), gatewayPort, nil)] {
            let target = LoadTarget(endpoint: Endpoint(host: "127.0.0.1", port: port), tls: TestPKI.shared.files("admin"))
            try await waitUntilServing(target.endpoint)
            if workload is GatewayWorkload { try await waitUntilServing(Endpoint(host: "127.0.0.1", port: competitionPort)) }
            let report = try await withTimeout(.seconds(60)) {
                try await LoadSession.run(workload, target: target, plan: plan, mix: mix)
            }
            let log = (try? String(contentsOfFile: "\(home)/\(workload.name).log", encoding: .utf8)) ?? ""
            #expect(report.errors.isEmpty, "\(workload.name): \(report.errors); log: \(log)")
            #expect(report.calls > 0)
            let operations = try #require(report.operations)
            #expect(operations.allSatisfy { $0.calls > 0 }, "\(workload.name): \(operations.map { "\($0.name) \($0.calls)" })")
        }
    }
}
