import Metrics
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// What every HTTP port of a service (the metrics endpoint, the gateway's dashboard) allows one
/// client, so that idle or slow connections cannot use up the process's file descriptors and
/// take the RPC port down with them. Set by the config file's `http:` block.
public struct HTTPServerLimits: Sendable, Hashable {
    /// Open connections per port. A port is read by a scraper or a few browsers; 256 is far
    /// above that and keeps two HTTP ports under 512 descriptors, half of a default 1,024.
    public static let defaultMaximumConnections = 256
    /// From accept (TLS handshake included), or from the first byte after a kept-alive
    /// response, until the whole request has arrived. A real client sends a GET in one packet.
    public static let defaultRequestTimeout: Duration = .seconds(10)
    /// How long a kept-alive connection may wait, silent, for its next request.
    public static let defaultKeepAliveTimeout: Duration = .seconds(30)
    /// Request line and header fields together. A browser's GET with a token and cookies
    /// needs a few KiB; NIO's own default is 80 KiB per field and 80 KiB in all.
    public static let defaultMaximumRequestHeadBytes = 16 * 1024
    /// Header fields per request (NIO's default is 65,534).
    public static let maximumHeaderFields = 100

    /// Connections beyond this many are closed as soon as they are accepted.
    public var maximumConnections: Int
    /// A connection whose request has not arrived whole this long after accept (or after the
    /// first byte of a kept-alive connection's next request) is closed.
    public var requestTimeout: Duration
    /// A kept-alive connection that sends nothing this long after a response is closed.
    public var keepAliveTimeout: Duration
    /// A larger request head is answered 400 and the connection closed.
    public var maximumRequestHeadBytes: Int

    public init(
        maximumConnections: Int = defaultMaximumConnections, requestTimeout: Duration = defaultRequestTimeout,
        keepAliveTimeout: Duration = defaultKeepAliveTimeout, maximumRequestHeadBytes: Int = defaultMaximumRequestHeadBytes
    ) {
        self.maximumConnections = maximumConnections
        self.requestTimeout = requestTimeout
        self.keepAliveTimeout = keepAliveTimeout
        self.maximumRequestHeadBytes = maximumRequestHeadBytes
    }

    var decoderLimits: NIOHTTPDecoderLimitConfiguration {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = maximumRequestHeadBytes
        limits.maxHeaderListSize = maximumRequestHeadBytes
        limits.maxHeaderFieldCount = Self.maximumHeaderFields
        return limits
    }
}

/// The one way the services open an HTTP/1.1 port: every limit of ``HTTPServerLimits`` applied.
public enum LimitedHTTPServer {
    /// Binds `host:port` and serves until the returned channel is closed. Each connection gets
    /// TLS when `tls` is given, NIO's HTTP/1.1 server handlers with the head-size limit, the
    /// timeouts, and then a handler from `makeResponder` (an ``HTTPRequestResponder``).
    /// `name` labels the port in the metrics (`metrics`, `dashboard`).
    public static func bind(
        host: String, port: Int, name: String, limits: HTTPServerLimits, tls: NIOSSLContext? = nil,
        makeResponder: @escaping @Sendable () -> any ChannelHandler
    ) async throws -> any Channel {
        let timedOut = Counter(label: "jcskills_http_connections_closed_total", dimensions: [("port", name), ("reason", "timeout")])
        let refused = Counter(label: "jcskills_http_connections_closed_total", dimensions: [("port", name), ("reason", "limit")])
        return try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        HTTPConnectionLimit(maximum: limits.maximumConnections, refused: refused))
                }
            }
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls { try pipeline.addHandler(NIOSSLServerHandler(context: tls)) }
                    try pipeline.configureHTTPServerPipeline(
                        withEncoderConfiguration: .init(), withDecoderLimitConfiguration: limits.decoderLimits)
                    try pipeline.addHandler(HTTPRequestTimeouts(limits: limits, timedOut: timedOut))
                    try pipeline.addHandler(makeResponder())
                }
            }
            .bind(host: host, port: port)
            .get()
    }
}

/// On the server channel, ahead of NIO's accept handler: counts the open connections and
/// closes a newly accepted one at once while `maximum` are open, before any handler, buffer or
/// timer is set up for it. (NIO has no connection limit of its own; its accept back-off only
/// helps once descriptors have already run out.)
final class HTTPConnectionLimit: ChannelInboundHandler {
    typealias InboundIn = any Channel
    typealias InboundOut = any Channel

    private let maximum: Int
    private let refused: Counter
    private var open = 0

    init(maximum: Int, refused: Counter) {
        self.maximum = maximum
        self.refused = refused
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let child = unwrapInboundIn(data)
        guard open < maximum else {
            refused.increment()
            child.close(promise: nil)
            return
        }
        open += 1
        // Children run on any loop of the group; the count is only touched on the server's.
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        child.closeFuture.hop(to: context.eventLoop).whenComplete { _ in loopBound.value.open -= 1 }
        context.fireChannelRead(data)
    }
}

/// Closes a connection that takes longer than ``HTTPServerLimits/requestTimeout`` to send its
/// request, or idles longer than ``HTTPServerLimits/keepAliveTimeout`` between requests.
///
/// A deadline rather than NIO's `IdleStateHandler`: a read timeout is reset by every byte, so a
/// client sending one byte every few seconds would keep its connection forever. Sits after
/// NIO's HTTP handlers, so it sees whole request parts and whole responses; bytes of an
/// unfinished head show as `channelReadComplete`, which those handlers pass on.
final class HTTPRequestTimeouts: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        /// Accepted, or bytes of a request arrived: the request must be complete in time.
        case receiving
        /// The request is being answered: the responder's business, no timer.
        case responding
        /// A response went out on a kept-alive connection; nothing of the next request yet.
        case idle
    }

    private let limits: HTTPServerLimits
    private let timedOut: Counter
    private var state = State.receiving
    private var timer: Scheduled<Void>?

    init(limits: HTTPServerLimits, timedOut: Counter) {
        self.limits = limits
        self.timedOut = timedOut
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(limits.requestTimeout, context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if timer == nil { arm(limits.requestTimeout, context: context) }
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if case .idle = state {
            state = .receiving
            arm(limits.requestTimeout, context: context)
        }
        context.fireChannelReadComplete()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch (unwrapInboundIn(data), state) {
        case (.head, .idle):
            // A pipelined request, released by NIO once the previous response was written.
            state = .receiving
            arm(limits.requestTimeout, context: context)
        case (.end, .receiving):
            state = .responding
            disarm()
        default:
            break
        }
        context.fireChannelRead(data)
    }

    /// A request NIO could not parse (too large a head, not HTTP) has been answered 400 by
    /// NIO's error handler by now; nothing else can follow on this connection.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.fireErrorCaught(error)
        context.close(promise: nil)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            // Before passing it on: NIO may hand over a pipelined request while it is written.
            state = .idle
            arm(limits.keepAliveTimeout, context: context)
        }
        context.write(data, promise: promise)
    }

    private func arm(_ limit: Duration, context: ChannelHandlerContext) {
        timer?.cancel()
        let channel = context.channel
        let timedOut = timedOut
        timer = context.eventLoop.scheduleTask(in: TimeAmount(limit)) {
            timedOut.increment()
            channel.close(promise: nil)
        }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}
