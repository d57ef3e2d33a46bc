import JCSkillsProtocol
import NIOCore

/// One call in progress on a server connection, as the connection machine sees it: its flow
/// control both ways, where its request stands, and what it holds against the budgets. `Call`
/// is whatever the driver keeps for the handler (its task, its inbound messages, its waiting
/// writer); the machine only hands it back in actions.
struct ServerStreamState<Call> {
    let id: UInt32
    let call: Call
    let kind: CallKind
    /// Monotonic nanoseconds, as given to the machine.
    let started: Int64
    let deadline: Int64?

    enum Phase {
        /// Unary and server-streaming calls wait for their one request and the half-close.
        case awaitingRequest(ByteBuffer?)
        /// The handler runs.
        case running
    }

    var phase: Phase
    var receive: MessageAssembler
    var send: StreamSendQueue
    var clientHalfClosed = false
    /// Trailers that wait until the queued messages have gone out.
    var pendingTrailers: Trailers?
    /// The handler's `send` waits for credit or for the socket.
    var writerWaiting = false
    /// What this stream has counted against the connection's and the server's budgets.
    var chargedBytes = 0
    /// The one request of a unary or server-streaming call when it came in fragments (larger
    /// than a frame): held, by the stream and then by the handler, for the life of the call.
    var requestBytes = 0
    /// Whether a frame went either way since the last sweep, and when the stream last showed
    /// none: what the call idle timeout is measured against (Protocol/SPEC.md §8).
    var active = true
    var quietSince: Int64

    init(id: UInt32, call: Call, kind: CallKind, now: Int64, deadline: Int64?, receiveWindow: Int, sendWindow: Int, maximumMessageSize: Int) {
        self.id = id
        self.call = call
        self.kind = kind
        self.started = now
        self.deadline = deadline
        self.quietSince = now
        self.phase = kind.streamsRequests ? .running : .awaitingRequest(nil)
        self.receive = MessageAssembler(window: receiveWindow, maximumMessageSize: maximumMessageSize)
        self.send = StreamSendQueue(window: sendWindow)
    }

    /// Memory the call holds on the peer's account: its unfinished request message, its whole
    /// request when that was larger than a frame, and responses waiting for the peer's credit
    /// or for the socket to drain. A request of one frame is not counted: nearly every call has
    /// one, the call limits bound them (64 KiB each), and charging them let abusers who filled
    /// the budget refuse everyone's small calls (the soak's normal workload saw
    /// RESOURCE_EXHAUSTED). Large requests are what the soak's slow readers held 2 GiB of.
    var heldBytes: Int { receive.bufferedBytes + requestBytes + send.queuedBytes }
}

extension CallKind {
    /// Client-streaming and bidirectional calls: requests go to the running handler one by one,
    /// and their credit goes back as the handler takes them (Protocol/SPEC.md §9).
    var streamsRequests: Bool { self == .clientStreaming || self == .bidirectionalStreaming }
}
