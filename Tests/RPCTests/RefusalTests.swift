import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import NIOPosix
import Testing

@Suite("Peers that must be refused, and a server that keeps serving", .timeLimit(.minutes(1)))
struct RefusalTests {
    /// After each refusal the server still answers a well-behaved client.
    private func expectStillServing(_ endpoint: Endpoint) async throws {
        try await withTestClient(endpoint, as: "gateway") { client in
            let health = try await client.unary(HealthService.check, HealthCheckRequest())
            #expect(health.status == .serving)
        }
    }

    @Test func plainTCPClientIsDisconnected() async throws {
        try await withTestServer(services: []) { server, endpoint in
            // Speak the protocol without TLS: the server must drop the connection.
            let bytes = ConnectionPreface.bytes + Array("GET / HTTP/1.1\r\n\r\n".utf8)
            let received = try await RawTCP.sendAndAwaitClose(to: endpoint, bytes)
            #expect(received != nil, "the server kept a plain-TCP connection open")
            // Nothing of the protocol in the clear: at most a TLS alert record (content type 21).
            if let received, let first = received.first {
                #expect(first == 21, "the server answered plain TCP with \(received.prefix(16).map { String($0, radix: 16) })")
            }
            try await expectStillServing(endpoint)
        }
    }

    @Test func clientWithoutCertificateIsRefused() async throws {
        try await withTestServer(services: []) { _, endpoint in
            let error = await #expect(throws: RPCError.self) {
                try await RawTLS.healthCheckWithoutClientCertificate(endpoint)
            }
            #expect(error?.code == .unavailable)
            try await expectStillServing(endpoint)
        }
    }

    @Test func certificateFromAnotherCAIsRefused() async throws {
        try await withTestServer(services: []) { _, endpoint in
            let error = await #expect(throws: RPCError.self) {
                try await withTestClient(endpoint, files: TestPKI.shared.foreignFiles("admin"), configure: { $0.maximumAttempts = 1 }) { client in
                    try await client.unary(HealthService.check, HealthCheckRequest())
                }
            }
            #expect(error?.code == .unavailable)
            try await expectStillServing(endpoint)
        }
    }

    @Test func expiredCertificateIsRefused() async throws {
        try await withTestServer(services: []) { _, endpoint in
            let error = await #expect(throws: RPCError.self) {
                try await withTestClient(endpoint, as: "expired", configure: { $0.maximumAttempts = 1 }) { client in
                    try await client.unary(HealthService.check, HealthCheckRequest())
                }
            }
            #expect(error?.code == .unavailable)
            try await expectStillServing(endpoint)
        }
    }

    @Test func policyRefusalIsPermissionDeniedAndAudited() async throws {
        let auditor = RecordingAuditor()
        try await withTestServer(services: [ProbeService(probe: Probe())], auditor: auditor) { _, endpoint in
            try await withTestClient(endpoint, as: "training") { client in
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(ProbeService.adminOnly, EchoMessage(text: "x"))
                }
                #expect(error?.code == .permissionDenied)
                let county = await #expect(throws: RPCError.self) {
                    try await client.unary(ProbeService.countyOnly, EchoMessage())
                }
                #expect(county?.code == .permissionDenied)
            }
            #expect(auditor.recorded == ["jcskills://training test.Probe/AdminOnly", "jcskills://training test.Probe/CountyOnly"])
            try await withTestClient(endpoint, as: "admin") { client in
                let echoed = try await client.unary(ProbeService.adminOnly, EchoMessage(text: "x"))
                #expect(echoed.text == "x")
            }
            try await withTestClient(endpoint, as: "county-140524") { client in
                let county = try await client.unary(ProbeService.countyOnly, EchoMessage())
                #expect(county.text == "140524")
            }
        }
    }

    /// Each call on a connection is checked against its own method: the connection keeps the
    /// last method its peer was allowed (Sources/RPC/Server/ServerConnectionHandler.swift), and
    /// what it keeps must not let another method through, nor a refused or unknown one in.
    @Test func everyCallOnAConnectionIsCheckedForItsOwnMethod() async throws {
        let auditor = RecordingAuditor()
        let unknown = Method<EchoMessage, EchoMessage>(service: "test.Probe", name: "Missing", kind: .unary)
        try await withTestServer(services: [ProbeService(probe: Probe())], auditor: auditor) { _, endpoint in
            try await withTestClient(endpoint, as: "county-140524") { client in
                for _ in 0..<2 {
                    let first = try await client.unary(ProbeService.countyOnly, EchoMessage())
                    let again = try await client.unary(ProbeService.countyOnly, EchoMessage())
                    #expect([first.text, again.text] == ["140524", "140524"])
                    let refused = await #expect(throws: RPCError.self) { try await client.unary(ProbeService.adminOnly, EchoMessage()) }
                    #expect(refused?.code == .permissionDenied)
                    let missing = await #expect(throws: RPCError.self) { try await client.unary(unknown, EchoMessage()) }
                    #expect(missing?.code == .unimplemented)
                    let me = try await client.unary(ProbeService.whoAmI, EchoMessage())
                    #expect(me.text == "jcskills://county/140524")
                }
            }
            #expect(auditor.recorded == Array(repeating: "jcskills://county/140524 test.Probe/AdminOnly", count: 2))
        }
    }

    @Test func certificateWithoutIdentityIsUnidentified() async throws {
        try await withTestServer(services: [ProbeService(probe: Probe())]) { _, endpoint in
            try await withTestClient(endpoint, as: "anonymous") { client in
                // Open to any authenticated peer: answers, and names no jcskills identity.
                let who = try await client.unary(ProbeService.whoAmI, EchoMessage())
                #expect(!who.text.hasPrefix("jcskills://"))
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(ProbeService.slow, EchoMessage(delayMilliseconds: 1))
                }
                #expect(error?.code == .permissionDenied)
            }
        }
    }

    @Test func serverChecksExpectedIdentity() async throws {
        try await withTestServer(services: []) { _, endpoint in
            // The test server presents the registry identity: a client expecting evaluation refuses it.
            let error = await #expect(throws: RPCError.self) {
                try await withTestClient(endpoint, configure: {
                    $0.expectedServerIdentity = "jcskills://evaluation"
                    $0.maximumAttempts = 1
                }) { client in
                    try await client.unary(HealthService.check, HealthCheckRequest())
                }
            }
            #expect(error?.code == .unauthenticated)
        }
    }
}
