import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("A service executable as operators run it")
struct ServiceProcessTests {
    @Test func sigtermLetsCallsInFlightFinishAndExitsZero() async throws {
        let home = try makeTemporaryDirectory("jcskills-sigterm")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let port = try freeLoopbackPort()
        let metricsPort = try freeLoopbackPort()
        let process = try launch("jcskills-registry", [
            "--listen", "127.0.0.1:\(port)", "--metrics", "127.0.0.1:\(metricsPort)",
            "--data", "\(home)/data", "--tls", TestPKI.shared.directory, "--log-level", "warning",
        ], log: "\(home)/registry.log")
        defer { if process.isRunning { process.terminate() } }
        let endpoint = Endpoint(host: "127.0.0.1", port: port)

        try await waitUntilServing(endpoint)
        try await withTestClient(endpoint, configure: { $0.maximumAttempts = 1 }) { client in
            // The metrics port reports the health checks just made.
            let metrics = try await httpGet(port: metricsPort, path: "/metrics")
            #expect(metrics.contains(#"jcskills_rpc_server_handled_total{method="jcskills.Health/Check",code="OK"}"#))

            // SIGTERM once the service has the call (its metrics say so), not after a guess.
            let slow = Task { try await client.unary(EchoService.echo, EchoMessage(text: "finish me", delayMilliseconds: 1_500)) }
            let started = #"jcskills_rpc_server_started_total{method="jcskills.Echo/Echo"} 1"#
            var seen = false
            for _ in 0..<600 where !seen {
                seen = try await httpGet(port: metricsPort, path: "/metrics").contains(started)
                if !seen { try await Task.sleep(for: .milliseconds(50)) }
            }
            try #require(seen, "the service never started the slow call")
            kill(process.processIdentifier, SIGTERM)
            let answer = try await slow.value
            #expect(answer.text == "finish me")
        }
        let status = await waitForExit(process, seconds: 15)
        #expect(status == 0, "exit status \(String(describing: status)); log: \((try? String(contentsOfFile: "\(home)/registry.log", encoding: .utf8)) ?? "")")
    }
}
