import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("A service executable with tracing configured")
struct TracedServiceProcessTests {
    /// The registry's executable with `tracing: otlp_endpoint` in its config: the spans of a call
    /// made just before SIGTERM reach the collector by the time the process has exited, since
    /// the exporter stops after the server has drained and flushes what it holds.
    @Test func itsSpansReachTheCollectorByTheTimeItExits() async throws {
        let home = try makeTemporaryDirectory("jcskills-traced")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let collector = try await LoopbackCollector.start()
        let config = "\(home)/registry.yaml"
        try "tracing:\n  otlp_endpoint: http://127.0.0.1:\(collector.port)\n".write(toFile: config, atomically: true, encoding: .utf8)
        let port = try freeLoopbackPort()
        let process = try launch("jcskills-registry", [
            "--config", config, "--listen", "127.0.0.1:\(port)", "--metrics", "off",
            "--data", "\(home)/data", "--tls", TestPKI.shared.directory, "--log-level", "warning",
        ], log: "\(home)/registry.log")
        defer { if process.isRunning { process.terminate() } }
        let endpoint = Endpoint(host: "127.0.0.1", port: port)

        try await waitUntilServing(endpoint)
        try await withTestClient(endpoint) { client in
            _ = try await client.unary(EchoService.echo, EchoMessage(text: "traced"))
        }
        kill(process.processIdentifier, SIGTERM)
        let status = await waitForExit(process, seconds: 20)
        let log = (try? String(contentsOfFile: "\(home)/registry.log", encoding: .utf8)) ?? ""
        #expect(status == 0, "exit status \(String(describing: status)); log: \(log)")

        // The exporter may send the health checks' spans and the echo's in one batch or several.
        let echoed = try await withTimeout(.seconds(10)) { () -> LoopbackCollector.Request? in
            while let request = await collector.next() {
                if request.body.contains(subsequence: Array("jcskills.Echo/Echo".utf8)) { return request }
            }
            return nil
        }
        await collector.close()
        let request = try #require(echoed, "log: \(log)")
        #expect(request.uri == "/v1/traces" && request.contentType == "application/x-protobuf")
        #expect(request.body.contains(subsequence: Array("jcskills-registry".utf8)))
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard count >= needle.count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
