import JCSkillsProtocol
import NIOCore

/// One call in progress on a server connection. Lives on the connection's event loop.
final class ServerStream {
    let id: UInt32
    let method: RegisteredMethod
    let context: ServerContext
    let started: NIODeadline

    enum Phase {
        /// Unary and server-streaming calls wait for their one request and the half-close.
        case awaitingRequest(ByteBuffer?)
        /// The handler's task is running.
        case running
    }

    var phase: Phase
    var receive: MessageAssembler
    var send: StreamSendQueue
    /// Client-streaming and bidirectional calls: messages for the handler to take.
    var inbound: InboundMessages?
    var task: Task<Void, Never>?
    /// A handler's `send` waiting for credit.
    var writerWaiter: UnsafeContinuation<Void, any Error>?
    /// Trailers that must wait until queued messages have gone out.
    var pendingTrailers: Trailers?
    var clientHalfClosed = false
    /// The whole request of a unary or server-streaming call, held (by the stream, then by
    /// the handler) for the life of the call.
    var requestBytes = 0
    /// What this stream has counted against the connection's and the server's budgets.
    var chargedBytes = 0
    /// Whether a frame went either way since the last sweep, and when the stream last
    /// showed none: what ``ServerConfiguration/callIdleTimeout`` is measured against.
    var active = true
    var quietSince: NIODeadline
    /// Whether the call slot and the buffered bytes have been given back.
    var released = false

    /// Memory the call holds on the peer's account: its unfinished request message, its whole
    /// request, and responses waiting for the peer's credit or for the socket to drain.
    var heldBytes: Int { receive.bufferedBytes + requestBytes + send.queuedBytes }

    init(id: UInt32, method: RegisteredMethod, context: ServerContext, receiveWindow: Int, sendWindow: Int, maximumMessageSize: Int) {
        self.id = id
        self.method = method
        self.context = context
        self.started = .now()
        self.quietSince = started
        self.phase = .awaitingRequest(nil)
        self.receive = MessageAssembler(window: receiveWindow, maximumMessageSize: maximumMessageSize)
        self.send = StreamSendQueue(window: sendWindow)
    }
}
