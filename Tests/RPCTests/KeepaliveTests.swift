import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import NIOPosix
import NIOSSL
import Testing

@Suite("Keepalive", .timeLimit(.minutes(1)))
struct KeepaliveTests {
    @Test func callsToAHungPeerFailWithoutWaitingForTheirDeadline() async throws {
        // A peer that completes TLS and then reads everything and answers nothing.
        let files = TestPKI.shared.files("registry")
        let context = try files.makeServerContext()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.addHandler(BlackHole())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let endpoint = Endpoint(host: "127.0.0.1", port: listener.localAddress!.port!)
        let started = ContinuousClock.now
        let error = await #expect(throws: RPCError.self) {
            try await withTestClient(endpoint, configure: {
                $0.keepaliveInterval = .milliseconds(200)
                $0.keepaliveTimeout = .milliseconds(300)
                $0.maximumAttempts = 1
            }) { client in
                try await client.unary(HealthService.check, HealthCheckRequest(), options: CallOptions(timeout: .seconds(20)))
            }
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("keepalive") == true)
        // Well before the call's own 20 s deadline (the bound is loose: the suite runs in parallel).
        #expect(ContinuousClock.now - started < .seconds(15))
        try await listener.close()
    }

    @Test func aLiveServerAnswersPingsDuringLongCalls() async throws {
        let probe = Probe()
        try await withTestServer(services: [ProbeService(probe: probe)]) { _, endpoint in
            try await withTestClient(endpoint, configure: {
                $0.keepaliveInterval = .milliseconds(100)
                $0.keepaliveTimeout = .seconds(3)
            }) { client in
                // Several PING rounds happen while this call waits; none may kill the connection.
                let answer = try await client.unary(ProbeService.slow, EchoMessage(text: "slow", delayMilliseconds: 1_200))
                #expect(answer.text == "slow")
            }
        }
    }
}

private final class BlackHole: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
