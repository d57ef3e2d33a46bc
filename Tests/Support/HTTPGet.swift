import NIOCore
import NIOPosix
import NIOSSL

/// An HTTP/1.0 GET on 127.0.0.1 (the metrics endpoint; over TLS, the gateway's dashboard);
/// returns the whole response text.
/// Bounded: fails after 5 s.
public func httpGet(port: Int, path: String, tls: NIOSSLContext? = nil, headers: [String] = []) async throws -> String {
    let promise = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: String.self)
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connectTimeout(.seconds(5))
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                if let tls {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: nil))
                }
                try channel.pipeline.syncOperations.addHandler(ResponseCollector(promise: promise))
            }
        }
        .connect(host: "127.0.0.1", port: port).get()
    let extra = headers.map { $0 + "\r\n" }.joined()
    try await channel.writeAndFlush(ByteBuffer(string: "GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\n\(extra)\r\n"))
    return try await withTimeout(.seconds(5)) { try await promise.futureResult.get() }
}

private final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let promise: EventLoopPromise<String>
    var received = ByteBuffer()

    init(promise: EventLoopPromise<String>) { self.promise = promise }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        received.writeBuffer(&bytes)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.succeed(String(buffer: received))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A TLS peer closing without close_notify after the whole response is still an answer.
        if received.readableBytes > 0 {
            promise.succeed(String(buffer: received))
        } else {
            promise.fail(error)
        }
        context.close(promise: nil)
    }
}
