import NIOCore
import NIOHTTP1
import NIOPosix

/// An OTLP/HTTP collector on 127.0.0.1 that keeps every request it is sent and answers each
/// with an empty protobuf success, as a real collector does when it accepts all spans.
final class LoopbackCollector: Sendable {
    struct Request: Sendable {
        var method: HTTPMethod
        var uri: String
        var contentType: String?
        var body: [UInt8]
    }

    private let channel: any Channel
    private let requests: AsyncStream<Request>
    let port: Int

    private init(channel: any Channel, requests: AsyncStream<Request>) {
        self.channel = channel
        self.requests = requests
        self.port = channel.localAddress?.port ?? 0
    }

    static func start() async throws -> LoopbackCollector {
        let (requests, continuation) = AsyncStream<Request>.makeStream()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(CollectorHandler(continuation: continuation))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return LoopbackCollector(channel: channel, requests: requests)
    }

    /// The next request, in the order they arrived; nil once closed.
    func next() async -> Request? {
        var iterator = requests.makeAsyncIterator()
        return await iterator.next()
    }

    func close() async {
        try? await channel.close()
    }
}

private final class CollectorHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let continuation: AsyncStream<LoopbackCollector.Request>.Continuation
    private var request: LoopbackCollector.Request?

    init(continuation: AsyncStream<LoopbackCollector.Request>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = .init(method: head.method, uri: head.uri, contentType: head.headers.first(name: "content-type"), body: [])
        case .body(let buffer):
            request?.body += buffer.readableBytesView
        case .end:
            if let request { continuation.yield(request) }
            request = nil
            var headers = HTTPHeaders()
            headers.add(name: "content-type", value: "application/x-protobuf")
            headers.add(name: "content-length", value: "0")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
