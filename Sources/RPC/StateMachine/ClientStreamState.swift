import JCSkillsProtocol
import NIOCore

/// One call in progress on a client connection, as the connection machine sees it: flow control
/// both ways, the one response of a single-response call, the half-close and the deadline.
/// `Call` is whatever the driver keeps for the caller (who waits for the response, the inbound
/// messages, a waiting writer); the machine only hands it back in actions.
struct ClientStreamState<Call> {
    let id: UInt32
    let call: Call
    let kind: CallKind
    /// Monotonic nanoseconds, as given to the machine.
    let deadline: Int64?
    var receive: MessageAssembler
    var send: StreamSendQueue
    /// Single-response calls (unary, client-streaming): the response so far.
    var response: ByteBuffer?
    var halfClosed = false
    /// The caller's `send` waits for credit.
    var writerWaiting = false

    init(id: UInt32, call: Call, kind: CallKind, deadline: Int64?, receiveWindow: Int, sendWindow: Int, maximumMessageSize: Int) {
        self.id = id
        self.call = call
        self.kind = kind
        self.deadline = deadline
        self.receive = MessageAssembler(window: receiveWindow, maximumMessageSize: maximumMessageSize)
        self.send = StreamSendQueue(window: sendWindow)
    }
}

extension CallKind {
    /// Server-streaming and bidirectional calls: responses go to the caller one by one, and
    /// their credit goes back as it takes them (Protocol/SPEC.md §9).
    var streamsResponses: Bool { self == .serverStreaming || self == .bidirectionalStreaming }
}
