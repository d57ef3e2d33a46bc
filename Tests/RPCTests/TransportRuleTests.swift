import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import Testing

/// Protocol/SPEC.md §2.1 — TLS 1.3 only, and ALPN `jcskills/1` only — against peers that hold a
/// valid city certificate and break just that one rule. (The certificate rules of §2.1 — none,
/// another CA's, an expired one — are RefusalTests'.)
@Suite("Transport rules: TLS 1.3 and ALPN (SPEC.md §2.1)", .timeLimit(.minutes(1)))
struct TransportRuleTests {
    /// §2.1: a client that offers at most TLS 1.2 never gets a connection.
    @Test func aClientOfferingOnlyTLS12IsRefused() async throws {
        try await withTestServer(services: []) { _, endpoint in
            let outcome = try await BrokenTLSPeer.callHealth(endpoint) { $0.maximumTLSVersion = .tlsv12 }
            #expect(outcome.closed)
            #expect(outcome.received == 0, "the server answered a TLS 1.2 client with \(outcome.received) bytes of protocol")
            try await Self.expectStillServing(endpoint)
        }
    }

    /// §2.1: a client offering another application protocol is closed without a byte of ours.
    @Test func aClientOfferingAnotherALPNIsClosedWithoutAnAnswer() async throws {
        try await withTestServer(services: []) { _, endpoint in
            let outcome = try await BrokenTLSPeer.callHealth(endpoint) { $0.applicationProtocols = ["h2"] }
            #expect(outcome.closed)
            #expect(outcome.received == 0, "the server sent \(outcome.received) bytes to a peer that negotiated no jcskills/1")
            try await Self.expectStillServing(endpoint)
        }
    }

    /// The same peer with the rules kept is answered: the two refusals above are the rule's doing.
    @Test func theSamePeerKeepingTheRulesIsAnswered() async throws {
        try await withTestServer(services: []) { _, endpoint in
            let outcome = try await BrokenTLSPeer.callHealth(endpoint) { _ in }
            #expect(outcome.received > 0)
        }
    }

    static func expectStillServing(_ endpoint: Endpoint) async throws {
        try await withTestClient(endpoint, as: "gateway") { client in
            let health = try await client.unary(HealthService.check, HealthCheckRequest())
            #expect(health.status == .serving)
        }
    }
}

/// A client with the admin's valid certificate whose TLS settings a test bends; it sends the
/// preface, SETTINGS and a health call, and reports what came back before the connection ended.
enum BrokenTLSPeer {
    struct Outcome {
        var closed: Bool
        var received: Int
    }

    static func callHealth(_ endpoint: Endpoint, bend: (inout TLSConfiguration) -> Void) async throws -> Outcome {
        let files = TestPKI.shared.files("admin")
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv1
        tls.trustRoots = .file(files.trustRoots)
        tls.certificateChain = try NIOSSLCertificate.fromPEMFile(files.certificateChain).map { .certificate($0) }
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: files.privateKey, format: .pem))
        tls.applicationProtocols = [ConnectionPreface.alpn]
        bend(&tls)
        let context = try NIOSSLContext(configuration: tls)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        // Settled by the first bytes that come back (false) or by the connection's end (true).
        let settled = loop.makePromise(of: Bool.self)
        let received = NIOLockedValueBox(0)
        let channel = try await ClientBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: nil))
                    try channel.pipeline.syncOperations.addHandler(ByteCounter(received: received, settled: settled))
                }
            }
            .connect(host: endpoint.host, port: endpoint.port).get()
        channel.writeAndFlush(RawTLS.healthCall(), promise: nil)
        let closed = try await withTimeout(.seconds(5)) { try await settled.futureResult.get() }
        if !closed { try? await channel.close() }  // a served peer keeps its connection
        return Outcome(closed: closed, received: received.withLockedValue { $0 })
    }

    private final class ByteCounter: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let received: NIOLockedValueBox<Int>
        let settled: EventLoopPromise<Bool>
        private var done = false
        init(received: NIOLockedValueBox<Int>, settled: EventLoopPromise<Bool>) {
            self.received = received
            self.settled = settled
        }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let count = unwrapInboundIn(data).readableBytes
            received.withLockedValue { $0 += count }
            settle(closed: false)
        }
        func channelInactive(context: ChannelHandlerContext) {
            settle(closed: true)
            context.fireChannelInactive()
        }
        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
        private func settle(closed: Bool) {
            guard !done else { return }
            done = true
            settled.succeed(closed)
        }
    }
}
