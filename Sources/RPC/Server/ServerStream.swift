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
    /// What this stream has counted against the connection's and the server's budgets.
    var chargedBytes = 0
    /// Whether a frame went either way since the last sweep, and when the stream last
    /// showed none: what ``ServerConfiguration/callIdleTimeout`` is measured against.
    var active = true
    var quietSince: NIODeadline
    /// Whether the call slot and the buffered bytes have been given back.
    var released = false

    /// The one request of a unary or server-streaming call when it came in fragments (larger
    /// than a frame): held, by the stream and then by the handler, for the life of the call.
    var requestBytes = 0

    /// Memory the call holds on the peer's account: its unfinished request message, its whole
    /// request when that was larger than a frame, and responses waiting for the peer's credit
    /// or for the socket to drain. A request of one frame is not counted: nearly every call has
    /// one, the call limits bound them (64 KiB each), and charging them let abusers who filled
    /// the budget refuse everyone's small calls (the soak's normal workload saw
    /// RESOURCE_EXHAUSTED). Large requests are what the soak's slow readers held 2 GiB of.
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
