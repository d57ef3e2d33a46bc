import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import NIOPosix
import NIOSSL

/// A TCP peer without TLS.
enum RawTCP {
    /// Sends `bytes` and reports whether the server closed the connection within 5 s.
    static func sendAndAwaitClose(to endpoint: Endpoint, _ bytes: [UInt8]) async throws -> Bool {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: endpoint.host, port: endpoint.port).get()
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
        return try await withTimeout(.seconds(5)) {
            try await channel.closeFuture.get()
            return true
        }
    }
}

/// A TLS client that trusts the city CA but presents no certificate of its own.
enum RawTLS {
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
        var preface = ByteBuffer(bytes: ConnectionPreface.bytes)
        preface.writeFrame(.settings, stream: 0, message: Settings())
        preface.writeFrame(.headers, flags: [], stream: 1, message: CallHeaders(method: HealthService.check.path))
        preface.writeFrame(.message, flags: .endStream, stream: 1, message: HealthCheckRequest())
        channel.writeAndFlush(preface, promise: nil)
        // TLS 1.3 reports a refused client certificate after the handshake: the server closes.
        let closed = try await withTimeout(.seconds(5)) {
            try await channel.closeFuture.get()
            return true
        }
        if closed { throw RPCError(.unavailable, "the server closed the connection") }
    }
}
