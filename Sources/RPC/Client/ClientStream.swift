import JCSkillsProtocol
import NIOCore

/// A failure inside the client, with whether the server can be known not to have seen the call
/// (then any call may be retried, idempotent or not).
struct CallFailure: Error {
    let error: RPCError
    let notProcessed: Bool
}

/// Links a caller's task to its stream. Touched only on the connection's event loop, except
/// at creation; so `@unchecked Sendable`.
final class CallToken: @unchecked Sendable {
    var streamID: UInt32 = 0
    var cancelled = false
}

/// Who waits for a single-response call's answer.
enum ResponseSink {
    case continuation(UnsafeContinuation<ByteBuffer, any Error>)
    case promise(EventLoopPromise<ByteBuffer>)

    func succeed(_ response: ByteBuffer) {
        switch self {
        case .continuation(let continuation): continuation.resume(returning: response)
        case .promise(let promise): promise.succeed(response)
        }
    }

    func fail(_ error: any Error) {
        switch self {
        case .continuation(let continuation): continuation.resume(throwing: error)
        case .promise(let promise): promise.fail(error)
        }
    }
}

/// One call in progress on a client connection. Lives on the connection's event loop.
final class ClientStream {
    let id: UInt32
    let kind: CallKind
    var receive: MessageAssembler
    var send: StreamSendQueue
    /// Single-response calls: the response so far, and who waits for it.
    var response: ByteBuffer?
    var responseWaiter: ResponseSink?
    /// Streaming responses.
    var inbound: InboundMessages?
    /// A request writer waiting for credit.
    var writerWaiter: UnsafeContinuation<Void, any Error>?
    var deadline: NIODeadline?
    var halfClosed = false

    init(id: UInt32, kind: CallKind, receiveWindow: Int, sendWindow: Int, maximumMessageSize: Int) {
        self.id = id
        self.kind = kind
        self.receive = MessageAssembler(window: receiveWindow, maximumMessageSize: maximumMessageSize)
        self.send = StreamSendQueue(window: sendWindow)
    }

    /// Ends the call on the caller's side with `failure`.
    func fail(_ failure: CallFailure) {
        if let waiter = responseWaiter {
            responseWaiter = nil
            waiter.fail(failure)
        }
        inbound?.finish(failure.error)
        if let waiter = writerWaiter {
            writerWaiter = nil
            waiter.resume(throwing: failure.error)
        }
    }
}
