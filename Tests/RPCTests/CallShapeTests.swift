import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// Protocol/SPEC.md §5.2–§5.5 through the echo service of §7.2 (each of its four methods as the
/// spec describes it), and the health check of §7.1.
@Suite("Calls of every shape over mutual TLS", .timeLimit(.minutes(1)))
struct CallShapeTests {
    let echo = EchoRPCService(policy: .anyIdentified)

    @Test func unaryRoundTrip() async throws {
        try await withTestServer(services: [echo]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let request = EchoMessage(payload: Array(repeating: 7, count: 200), text: "晋城")
                let response = try await client.unary(EchoService.echo, request)
                #expect(response == request)
                // Many concurrent calls share one connection.
                try await withThrowingTaskGroup(of: EchoMessage.self) { group in
                    for index in 0..<200 {
                        group.addTask { try await client.unary(EchoService.echo, EchoMessage(count: UInt32(index))) }
                    }
                    var seen = Set<UInt32>()
                    for try await response in group { seen.insert(response.count) }
                    #expect(seen == Set(0..<200))
                }
            }
        }
    }

    /// §7.1: every server answers `jcskills.Health/Check`, SERVING, naming itself.
    @Test func healthCheckAnswersServing() async throws {
        try await withTestServer(services: []) { _, endpoint in
            try await withTestClient(endpoint, as: "gateway") { client in
                let health = try await client.unary(HealthService.check, HealthCheckRequest())
                #expect(health.status == .serving)
                #expect(health.server == "test")
            }
        }
    }

    @Test func serverStreamingDeliversEveryMessageInOrder() async throws {
        try await withTestServer(services: [echo]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let counts = try await client.serverStreaming(EchoService.expand, EchoMessage(payload: [1, 2, 3], count: 500)) { responses in
                    var counts: [UInt32] = []
                    for try await response in responses {
                        #expect(response.payload.bytes == [1, 2, 3])
                        counts.append(response.count)
                    }
                    return counts
                }
                #expect(counts == Array(0..<500))
            }
        }
    }

    @Test func clientStreamingCollectsEveryRequest() async throws {
        try await withTestServer(services: [echo]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let response = try await client.clientStreaming(EchoService.collect) { writer in
                    for index in 0..<300 {
                        try await writer.send(EchoMessage(payload: [UInt8(index % 256)], text: "x"))
                    }
                }
                #expect(response.count == 300)
                #expect(response.payload.bytes == (0..<300).map { UInt8($0 % 256) })
                #expect(response.text == String(repeating: "x", count: 300))
            }
        }
    }

    @Test func bidirectionalStreamingInterleaves() async throws {
        try await withTestServer(services: [echo]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let replies = try await client.bidirectionalStreaming(EchoService.update) { writer, responses in
                    var iterator = responses.makeAsyncIterator()
                    var replies: [String] = []
                    // Ping-pong: each reply arrives before the next request is sent.
                    for index in 0..<50 {
                        try await writer.send(EchoMessage(text: "m\(index)"))
                        guard let reply = try await iterator.next() else { break }
                        replies.append(reply.text)
                    }
                    writer.finish()
                    #expect(try await iterator.next() == nil)
                    return replies
                }
                #expect(replies == (0..<50).map { "m\($0)" })
            }
        }
    }

    @Test func largeMessagesAreFragmentedAndReassembled() async throws {
        try await withTestServer(services: [echo]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let big = (0..<(1_000_000)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
                let response = try await client.unary(EchoService.echo, EchoMessage(payload: big))
                #expect(response.payload.bytes == big)
            }
        }
    }

    @Test func unknownMethodIsUnimplemented() async throws {
        let missing = Method<EchoMessage, EchoMessage>(service: "jcskills.Nowhere", name: "Nothing", kind: .unary)
        try await withTestServer(services: [echo]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let error = await #expect(throws: RPCError.self) { try await client.unary(missing, EchoMessage()) }
                #expect(error?.code == .unimplemented)
            }
        }
    }

    @Test func oversizedMessageIsRefusedAndConnectionSurvives() async throws {
        try await withTestServer(services: [echo], configure: { $0.maximumMessageSize = 100_000 }) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(EchoService.echo, EchoMessage(payload: Array(repeating: 1, count: 200_000)))
                }
                #expect(error?.code == .resourceExhausted)
                let ok = try await client.unary(EchoService.echo, EchoMessage(text: "still here"))
                #expect(ok.text == "still here")
            }
        }
    }
}
