import NIOCore
import NIOHTTP1

/// One whole HTTP/1.1 response — the metrics endpoint's and the dashboard's: head with length,
/// body, end, and the connection closed afterwards unless the client keeps it alive.
public struct SimpleHTTPResponse: Sendable {
    public var status: HTTPResponseStatus
    public var contentType: String
    public var body: [UInt8]
    public var headers: [(String, String)]

    public init(status: HTTPResponseStatus, contentType: String, body: [UInt8], headers: [(String, String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    public func write(to context: ChannelHandlerContext, version: HTTPVersion, keepAlive: Bool) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: "\(body.count)")
        for (name, value) in self.headers { headers.add(name: name, value: value) }
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        context.write(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        let done = context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
        if !keepAlive {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            done.whenComplete { _ in loopBound.value.close(promise: nil) }
        }
    }
}

/// A server handler that answers each request once it has arrived whole; bodies are ignored
/// (the endpoints built on it serve GETs). Conformers keep the head between the parts and
/// say how to answer.
public protocol HTTPRequestResponder: ChannelInboundHandler, AnyObject
where InboundIn == HTTPServerRequestPart, OutboundOut == HTTPServerResponsePart {
    /// The head of the request being received.
    var pendingHead: HTTPRequestHead? { get set }
    func respond(to head: HTTPRequestHead, context: ChannelHandlerContext)
}

extension HTTPRequestResponder {
    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): pendingHead = head
        case .body: break
        case .end:
            guard let head = pendingHead else { return }
            pendingHead = nil
            respond(to: head, context: context)
        }
    }
}
