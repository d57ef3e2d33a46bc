import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("Deadlines, cancellation and flow control (SPEC.md §6.1, §6.2, §9)", .timeLimit(.minutes(1)))
struct DeadlineAndCancellationTests {
    @Test func deadlineExceededEndsTheCallAndCancelsTheHandler() async throws {
        let probe = Probe()
        try await withTestServer(services: [ProbeService(probe: probe)]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let started = ContinuousClock.now
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(ProbeService.slow, EchoMessage(delayMilliseconds: 30_000), options: CallOptions(timeout: .milliseconds(200)))
                }
                #expect(error?.code == .deadlineExceeded)
                // The handler sleeps 30 s on purpose, so that only the deadline can end the call; the
                // bound is far from both the 200 ms deadline and the 30 s, whatever the machine.
                #expect(ContinuousClock.now - started < .seconds(10))
                #expect(await probe.wait(for: "cancelled"))
                #expect(probe.recorded.contains("deadline:true"))
                #expect(!probe.recorded.contains("finished"))
            }
        }
    }

    @Test func clientCancellationReachesTheHandler() async throws {
        let probe = Probe()
        try await withTestServer(services: [ProbeService(probe: probe)]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let call = Task {
                    try await client.unary(ProbeService.slow, EchoMessage(delayMilliseconds: 10_000))
                }
                #expect(await probe.wait(for: "started"))
                call.cancel()
                let result = await call.result
                guard case .failure(let error) = result else {
                    Issue.record("the cancelled call succeeded")
                    return
                }
                #expect((error as? RPCError)?.code == .cancelled)
                #expect(await probe.wait(for: "cancelled"))
                // The connection is still good for other calls.
                let ok = try await client.unary(ProbeService.slow, EchoMessage(text: "next", delayMilliseconds: 1))
                #expect(ok.text == "next")
            }
        }
    }

    @Test func deadlinesPropagateToDownstreamCalls() async throws {
        // A front service calls the probe's slow method with no timeout of its own: the caller's
        // 300 ms deadline must reach the downstream handler.
        let probe = Probe()
        try await withTestServer(services: [ProbeService(probe: probe)]) { _, downstream in
            let relay = RelayService(downstream: downstream)
            try await withTestServer(services: [relay]) { _, front in
                try await withTestClient(front) { client in
                    // Warm both connections first, so the deadline measures the call, not TLS set-up.
                    _ = try await client.unary(RelayService.relay, EchoMessage(text: "warm", delayMilliseconds: 1))
                    let started = ContinuousClock.now
                    let error = await #expect(throws: RPCError.self) {
                        try await client.unary(RelayService.relay, EchoMessage(delayMilliseconds: 30_000), options: CallOptions(timeout: .milliseconds(300)))
                    }
                    #expect(error?.code == .deadlineExceeded)
                    #expect(ContinuousClock.now - started < .seconds(10))  // far below the handler's 30 s
                    #expect(await probe.wait(for: "cancelled"))
                    #expect(probe.recorded.filter { $0 == "deadline:true" }.count == 2)
                }
            }
            await relay.close()
        }
    }

    /// §9: a server stream's handler runs ahead of a reader that stops only as far as the
    /// reader's window lets it. No waiting for a while to see it stop: the handler is held once
    /// its next response waits for credit, which the server counts as buffered (§8), so the
    /// test waits for that; the count it sent by then is bounded by the window.
    @Test func slowReaderBoundsWhatTheServerBuffers() async throws {
        let probe = Probe()
        let window = 64 * 1024
        let messageSize = 16 * 1024
        try await withTestServer(services: [ProbeService(probe: probe)]) { server, endpoint in
            try await withTestClient(endpoint, configure: { $0.initialWindowSize = UInt32(window) }) { client in
                try await client.serverStreaming(ProbeService.flood, EchoMessage(payload: Array(repeating: 9, count: messageSize), count: 10_000)) { responses in
                    var iterator = responses.makeAsyncIterator()
                    _ = try await iterator.next()
                    // Stop reading: the handler fills the window, then waits with one response.
                    #expect(await probe.wait(forCount: window / messageSize - 1))
                    try await waitUntil { server.bufferedBytes > 0 }
                    let sentWhileStalled = probe.count
                    #expect(sentWhileStalled <= window / messageSize + 2, "handler sent \(sentWhileStalled) messages into a \(window)-byte window")
                    // Reading again lets it continue: 50 more taken is 50 more windows' worth of room.
                    for _ in 0..<50 { _ = try await iterator.next() }
                    #expect(await probe.wait(forCount: sentWhileStalled + 40))
                }
            }
        }
        // Returning early cancelled the stream; the handler did not run to the end.
        #expect(!probe.recorded.contains("flood-done"))
    }
}

/// Forwards to the probe service with no call options: everything downstream is inherited.
final class RelayService: RPCService {
    static let relay = Method<EchoMessage, EchoMessage>(service: "test.Relay", name: "Relay", kind: .unary)
    let client: RPCClient

    init(downstream: Endpoint) {
        var configuration = ClientConfiguration(tls: TestPKI.shared.files("training"))
        configuration.defaultTimeout = .seconds(30)
        client = try! RPCClient(endpoints: [downstream], configuration: configuration)
    }

    func register(in router: inout RPCRouter) {
        router.unary(Self.relay, policy: .anyIdentified) { [client] request, _ in
            try await client.unary(ProbeService.slow, request)
        }
    }

    func close() async { await client.close() }
}
