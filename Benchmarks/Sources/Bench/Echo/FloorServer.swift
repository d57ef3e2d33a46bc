import NIOCore
import NIOPosix
import NIOSSL

/// The floor's server: decodes every frame of a read and answers them all with one write and
/// flush per read batch. No headers, status, deadlines, flow control or per-call objects: the
/// least any framed protocol on NIO + TLS pays.
final class FloorServerHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var pending = ByteBuffer()
    private var replies = ByteBuffer()

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        pending.writeBuffer(&incoming)
        while pending.readableBytes >= FloorFrames.headerBytes {
            let start = pending.readerIndex
            guard let length = pending.getInteger(at: start, as: UInt32.self),
                  pending.readableBytes >= FloorFrames.headerBytes + Int(length),
                  let frame = pending.readSlice(length: FloorFrames.headerBytes + Int(length))
            else { break }
            // An echo: the reply is the request frame itself.
            replies.writeImmutableBuffer(frame)
        }
        pending.discardReadBytes()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if replies.readableBytes > 0 {
            context.writeAndFlush(wrapOutboundOut(replies), promise: nil)
            replies = context.channel.allocator.buffer(capacity: 4096)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

enum FloorServer {
    static func serve(pki: BenchPKI) async throws {
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(pki.certificate("server")).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: pki.key("server"), format: .pem)))
        tls.minimumTLSVersion = .tlsv13
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(pki.ca))
        tls.certificateVerification = .noHostnameVerification
        let context = try NIOSSLContext(configuration: tls)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.addHandler(FloorServerHandler())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        ServerProcess.announce(port: listener.localAddress!.port!)
        try await listener.closeFuture.get()
    }
}
