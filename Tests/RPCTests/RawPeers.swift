import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import NIOPosix
import NIOSSL

/// A TCP peer without TLS.
enum RawTCP {
    /// Sends `bytes` and returns what the server sent before it closed the connection, or nil
    /// when the connection was still open 5 s later (then the test closes it).
    static func sendAndAwaitClose(to endpoint: Endpoint, _ bytes: [UInt8]) async throws -> [UInt8]? {
        let received = Received()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(received) }
            }
            .connect(host: endpoint.host, port: endpoint.port).get()
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
        do {
            try await withTimeout(.seconds(5)) { try await channel.closeFuture.get() }
        } catch is TimeoutError {
            try? await channel.close()
            return nil
        }
        return try await channel.eventLoop.submit { received.bytes }.get()
    }

    /// The bytes that arrive, kept on the channel's event loop.
    private final class Received: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        var bytes: [UInt8] = []

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            bytes += Self.unwrapInboundIn(data).readableBytesView
        }
    }
}

/// A TLS client that trusts the city CA but presents no certificate of its own.
enum RawTLS {
    /// A client's whole opening: the preface, SETTINGS and a health check on stream 1.
    static func healthCall() -> ByteBuffer {
        var bytes = ByteBuffer(bytes: ConnectionPreface.bytes)
        bytes.writeFrame(.settings, stream: 0, message: Settings())
        bytes.writeFrame(.headers, flags: [], stream: 1, message: CallHeaders(method: HealthService.check.path))
        bytes.writeFrame(.message, flags: .endStream, stream: 1, message: HealthCheckRequest())
        return bytes
    }

    static func healthCheckWithoutClientCertificate(_ endpoint: Endpoint) async throws {
        let files = TestPKI.shared.files("admin")
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv13
        tls.trustRoots = .file(files.trustRoots)
        tls.applicationProtocols = [ConnectionPreface.alpn]
        let context = try NIOSSLContext(configuration: tls)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: nil))
                }
            }
            .connect(host: endpoint.host, port: endpoint.port).get()
        channel.writeAndFlush(healthCall(), promise: nil)
        // TLS 1.3 reports a refused client certificate after the handshake: the server closes
        // (a server that kept the connection open fails the test with a TimeoutError).
        try await withTimeout(.seconds(5)) { try await channel.closeFuture.get() }
        throw RPCError(.unavailable, "the server closed the connection")
    }
}
