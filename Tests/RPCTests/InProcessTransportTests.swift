import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// The in-process transport (Sources/RPC/Server/RPCServer+InProcess.swift): a client and a
/// server of one process over a socket pair, with the protocol's own handlers on both ends and
/// no TLS. It must behave as the network does for everything above TLS — call shapes, who the
/// caller is, the server's identity check, the connection's place in the server's count and
/// in its shutdown — so that the services' domain tests can run on it.
@Suite("In-process transport: the protocol without sockets to dial or TLS", .timeLimit(.minutes(1)))
struct InProcessTransportTests {
    @Test func everyCallShapeWorks() async throws {
        try await withTestServer(services: [EchoRPCService()]) { server, _ in
            try await withInProcessClient(server) { client in
                let request = EchoMessage(payload: Array(repeating: 9, count: 70_000), text: "晋城")
                #expect(try await client.unary(EchoService.echo, request) == request, "a message larger than one frame")
                let counts = try await client.serverStreaming(EchoService.expand, EchoMessage(count: 300)) { responses in
                    var counts: [UInt32] = []
                    for try await response in responses { counts.append(response.count) }
                    return counts
                }
                #expect(counts == Array(0..<300))
                let collected = try await client.clientStreaming(EchoService.collect) { writer in
                    for index in 0..<50 { try await writer.send(EchoMessage(payload: [UInt8(index)])) }
                }
                #expect(collected.count == 50)
            }
        }
    }

    /// The caller is who the client says, as the identity in a certificate would be: the
    /// server's access policies apply unchanged.
    @Test func theServerTakesTheCallerAsTheIdentityGiven() async throws {
        try await withTestServer(services: [EchoRPCService(policy: .only(.role("admin")))]) { server, _ in
            try await withInProcessClient(server, as: "admin") { client in
                _ = try await client.unary(EchoService.echo, EchoMessage(count: 1))
            }
            try await withInProcessClient(server, as: "county-140524") { client in
                let error = await #expect(throws: RPCError.self) { try await client.unary(EchoService.echo, EchoMessage(count: 1)) }
                #expect(error?.code == .permissionDenied)
                #expect(error?.message.contains("jcskills://county/140524") == true, "\(String(describing: error))")
            }
        }
    }

    /// A client that expects another server refuses this one, as it would its certificate.
    @Test func theClientChecksTheServersIdentity() async throws {
        try await withTestServer(services: [], configure: { $0.serverName = "registry" }) { server, _ in
            try await withInProcessClient(server, configure: { $0.expectedServerIdentity = "jcskills://registry" }) { client in
                let health = try await client.unary(HealthService.check, HealthCheckRequest())
                #expect(health.server == "registry")
            }
            try await withInProcessClient(server, configure: {
                $0.expectedServerIdentity = "jcskills://evaluation"
                $0.maximumAttempts = 1
            }) { client in
                let error = await #expect(throws: RPCError.self) { try await client.unary(HealthService.check, HealthCheckRequest()) }
                #expect(error?.code == .unauthenticated)
            }
        }
    }

    /// The connection counts against the server's limit like any other, and a server shutting
    /// down takes no new ones.
    @Test func theConnectionIsTheServersLikeAnyOther() async throws {
        try await withTestServer(services: []) { server, _ in
            try await withInProcessClient(server, configure: { $0.maximumAttempts = 1 }) { client in
                _ = try await client.unary(HealthService.check, HealthCheckRequest())
                #expect(server.connectionCount == 1)
                server.beginShutdown()
                // The open connection was sent GOAWAY; a new one is refused outright.
                try await withInProcessClient(server, configure: { $0.maximumAttempts = 1 }) { late in
                    let error = await #expect(throws: RPCError.self) { try await late.unary(HealthService.check, HealthCheckRequest()) }
                    #expect(error?.code == .unavailable)
                }
            }
        }
    }
}
