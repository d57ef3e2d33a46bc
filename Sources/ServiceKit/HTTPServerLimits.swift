import HummingbirdCore
import Metrics
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// What every HTTP port of a service (the metrics endpoint, the gateway's dashboard) allows one
/// client, so that idle or slow connections cannot use up the process's file descriptors and
/// take the RPC port down with them. Set by the config file's `http:` block; applied by
/// ``LimitedHTTPServer`` to Hummingbird's HTTP/1.1 server.
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
    /// Header fields per request (NIO's default is 65,534; Hummingbird's 1,000).
    public static let maximumHeaderFields = 100

    /// Connections the port holds open at once. At the cap the port stops accepting: further
    /// connections wait in the kernel's listen backlog until one closes.
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

    /// NIO's HTTP/1 decoder limits, as Hummingbird's HTTP/1 channel passes them on: a head
    /// beyond them is a parse error, which Hummingbird answers 400 before closing.
    var decoderConfiguration: HTTP1Channel.Configuration.DecoderConfiguration {
        .init(
            maxHeaderFieldSize: maximumRequestHeadBytes, maxHeaderListSize: maximumRequestHeadBytes,
            maxHeaderFieldCount: Self.maximumHeaderFields)
    }
}

/// Closes a connection that takes longer than ``HTTPServerLimits/requestTimeout`` to send its
/// request, or idles longer than ``HTTPServerLimits/keepAliveTimeout`` between requests.
///
/// A deadline rather than Hummingbird's `idleTimeout`, which is one duration for both and is
/// counted from the last whole HTTP part (a request must then arrive within the keep-alive
/// time, and the request time cannot be shorter), and rather than NIO's `IdleStateHandler`,
/// whose read timeout is reset by every byte, so a client sending one byte every few seconds
/// would keep its connection forever. Added through Hummingbird's
/// `HTTP1Channel.Configuration.additionalChannelHandlers`, so it sits after the HTTP/1 decoder
/// and the conversion to HTTPTypes and sees whole request parts and whole responses; bytes of
/// an unfinished head show as `channelReadComplete`, which the handlers before it pass on.
final class HTTPRequestTimeouts: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum Phase {
        /// Accepted, or bytes of a request arrived: the request must be complete in time.
        case receiving
        /// A whole request is being answered: the responder's business, no timer.
        case responding
        /// Every request has been answered; nothing of the next one yet.
        case idle
    }

    private let limits: HTTPServerLimits
    private let timedOut: Counter
    private var phase = Phase.receiving
    private var timer: Scheduled<Void>?
    /// Bytes arrived (or, at first, the connection was accepted) that are no whole request yet.
    private var bytesPending = true
    /// A request head has arrived without its end.
    private var headPending = false
    /// Whole requests received and responses finished: Hummingbird reads ahead of its answers.
    private var requestsEnded = 0
    private var responsesEnded = 0

    init(limits: HTTPServerLimits, timedOut: Counter) {
        self.limits = limits
        self.timedOut = timedOut
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(limits.requestTimeout, context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if timer == nil, phase == .receiving { arm(limits.requestTimeout, context: context) }
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
        if phase == .idle {
            // The start of the next request, still short of a head.
            bytesPending = true
            update(context: context)
        }
        context.fireChannelReadComplete()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            headPending = true
        case .body:
            break
        case .end:
            headPending = false
            bytesPending = false
            requestsEnded += 1
        }
        update(context: context)
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            responsesEnded += 1
            update(context: context)
        }
        context.write(data, promise: promise)
    }

    /// Moves to the phase the counts say, arming that phase's timer on entry only: staying in
    /// a phase never moves its deadline.
    private func update(context: ChannelHandlerContext) {
        let next: Phase
        if responsesEnded < requestsEnded {
            next = .responding
        } else if headPending || bytesPending {
            // Also a request answered before its body arrived (a 400, say): it still has to end.
            next = .receiving
        } else {
            next = .idle
        }
        guard next != phase else { return }
        phase = next
        switch next {
        case .receiving: arm(limits.requestTimeout, context: context)
        case .responding: disarm()
        case .idle: arm(limits.keepAliveTimeout, context: context)
        }
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

/// Answers each request in its own HTTP version and closes the connection after it unless the
/// request keeps it alive (HTTP/1.1 without `Connection: close`, or HTTP/1.0 with
/// `Connection: keep-alive`).
///
/// Hummingbird's HTTP/1 channel converts heads to HTTPTypes, which have no version: it answers
/// every request as HTTP/1.1 and keeps the connection open unless the request says
/// `Connection: close`, so an HTTP/1.0 client waiting for the end of the response would wait
/// for the keep-alive timeout. Sits between NIO's HTTP/1 decoder and that conversion: it marks
/// a request that does not keep the connection alive `Connection: close`, which makes
/// Hummingbird end the connection after its response, and writes the response head in the
/// request's version with the matching `Connection` field.
final class HTTPVersionKeepAlive: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The requests not yet answered, oldest first.
    private var waiting: [(version: HTTPVersion, keepAlive: Bool)] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let keepAlive = head.isKeepAlive
        waiting.append((head.version, keepAlive))
        if !keepAlive { head.headers.replaceOrAdd(name: "Connection", value: "close") }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // A response to no request (Hummingbird's 400 to a head it could not parse) stays as is.
        guard case .head(var head) = unwrapOutboundIn(data), !waiting.isEmpty else {
            context.write(data, promise: promise)
            return
        }
        let request = waiting.removeFirst()
        head.version = request.version
        if !request.keepAlive {
            head.headers.replaceOrAdd(name: "Connection", value: "close")
        } else if request.version.major == 1 && request.version.minor == 0 {
            head.headers.replaceOrAdd(name: "Connection", value: "keep-alive")
        }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}
