import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Logging
import Testing

@Suite("Graceful shutdown and reconnection", .timeLimit(.minutes(1)))
struct ShutdownTests {
    @Test func callsInFlightFinishWhileNewCallsAreRefused() async throws {
        let probe = Probe()
        var configuration = ServerConfiguration(port: 0, tls: TestPKI.shared.files("registry"), serverName: "test")
        configuration.drainTimeout = .seconds(5)
        let server = RPCServer(configuration: configuration, services: [ProbeService(probe: probe)], logger: Logger(label: "test"))
        let running = Task { try await server.run() }
        let address = try await server.listeningAddress()
        let endpoint = Endpoint(host: "127.0.0.1", port: address.port!)

        try await withTestClient(endpoint, configure: { $0.maximumAttempts = 1 }) { client in
            // The call is held open by the test, not by a time it takes: it is surely in
            // flight while the server shuts down.
            let inFlight = Task { try await client.unary(ProbeService.gated, EchoMessage(text: "in flight")) }
            #expect(await probe.wait(for: "gated"))
            server.beginShutdown()
            // New calls find no server once the GOAWAY is in (SPEC.md §10.3); one that reaches
            // the server before it is answered DRAINING. Call until refused, no clock involved.
            var refusal: RPCError?
            for _ in 0..<1_000 where refusal == nil {
                do {
                    let health = try await client.unary(HealthService.check, HealthCheckRequest())
                    #expect(health.status == .draining)
                } catch let error as RPCError {
                    refusal = error
                }
            }
            #expect(refusal?.code == .unavailable)
            // The call that was running completes normally once let go.
            probe.record("open")
            let finished = try await inFlight.value
            #expect(finished.text == "in flight")
        }
        try await withTimeout(.seconds(10)) { try await running.value }
        #expect(server.connectionCount == 0)
    }

    @Test func drainTimeoutClosesCallsThatRunTooLong() async throws {
        let probe = Probe()
        var configuration = ServerConfiguration(port: 0, tls: TestPKI.shared.files("registry"), serverName: "test")
        configuration.drainTimeout = .milliseconds(300)
        let server = RPCServer(configuration: configuration, services: [ProbeService(probe: probe)], logger: Logger(label: "test"))
        let running = Task { try await server.run() }
        let address = try await server.listeningAddress()
        let endpoint = Endpoint(host: "127.0.0.1", port: address.port!)
        try await withTestClient(endpoint, configure: { $0.maximumAttempts = 1 }) { client in
            let stuck = Task { try await client.unary(ProbeService.slow, EchoMessage(delayMilliseconds: 60_000)) }
            #expect(await probe.wait(for: "started"))
            let started = ContinuousClock.now
            server.beginShutdown()
            let error = await #expect(throws: RPCError.self) { try await stuck.value }
            #expect(error?.code == .unavailable)
            try await withTimeout(.seconds(10)) { try await running.value }
            #expect(ContinuousClock.now - started < .seconds(20))  // far below the call's 60 s
        }
        #expect(await probe.wait(for: "cancelled"))
    }

    @Test func clientReconnectsAfterServerRestartAndSkipsDeadEndpoints() async throws {
        // Two endpoints, one of them dead: every call still succeeds via the live one.
        try await withTestServer(services: []) { _, live in
            let dead = Endpoint(host: "127.0.0.1", port: 1)
            var configuration = ClientConfiguration(tls: TestPKI.shared.files("admin"))
            configuration.defaultTimeout = .seconds(5)
            let client = try RPCClient(endpoints: [dead, live], configuration: configuration)
            for _ in 0..<20 {
                let health = try await client.unary(HealthService.check, HealthCheckRequest())
                #expect(health.status == .serving)
            }
            await client.close()
        }
    }
}
