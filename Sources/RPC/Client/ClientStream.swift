import JCSkillsProtocol
import NIOCore

/// A failure inside the client, with whether the server can be known not to have seen the call
/// (then any call may be retried, idempotent or not).
struct CallFailure: Error {
    let error: RPCError
    let notProcessed: Bool

    /// Protocol/SPEC.md §10.3: UNAVAILABLE and ABORTED (a conflict the server's transaction lost
    /// and rolled back) are retried, and only when the server never saw the call, or a repeat
    /// cannot count twice (an idempotent method, an idempotency key).
    func isSafeToRetry(idempotent: Bool, idempotencyKey: Bool) -> Bool {
        (error.code == .unavailable || error.code == .aborted) && (notProcessed || idempotent || idempotencyKey)
    }
}

extension RPCError {
    /// What the connection remembers for a call the server ended without an error while its
    /// caller may still be sending. Never thrown: a later `send` is dropped silently, since the
    /// call has its outcome (grpc-swift's writers do the same).
    static let callAlreadyFinished = RPCError(.ok, "the call already finished")
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

/// One call on the caller's side: made by the caller, which holds it to send, half-close and
/// cancel before and after the stream has an id, and kept by the connection's machine as its
/// stream's call once open (StateMachine/ClientStreamState.swift). One object a call: a token
/// apart from it cost an allocation and its retains a call (BENCHMARKS.md, "CPU per call").
///
/// `@unchecked Sendable`: touched only on the connection's event loop, but for ``inbound``, set
/// once at creation before the call is shared.
final class ClientStream: @unchecked Sendable {
    /// 0 until the stream opens.
    var streamID: UInt32 = 0
    /// The caller gave up; a call waiting to open then fails instead.
    var cancelled = false
    /// Single-response calls: who waits for the answer.
    var responseWaiter: ResponseSink?
    /// Streaming responses.
    var inbound: InboundMessages?
    /// A request writer waiting for credit.
    var writerWaiter: UnsafeContinuation<Void, any Error>?

    init(responseWaiter: ResponseSink? = nil, inbound: InboundMessages? = nil) {
        self.responseWaiter = responseWaiter
        self.inbound = inbound
    }

    /// The server ended the call without an error while a request writer waited for credit it
    /// will now never grant (a client-streaming call answered before its last request, say):
    /// the writer's `send` returns, its message dropped, instead of waiting for ever.
    func releaseWriter() {
        if let waiter = writerWaiter {
            writerWaiter = nil
            waiter.resume()
        }
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
