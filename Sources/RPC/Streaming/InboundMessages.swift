import DequeModule
import JCSkillsProtocol
import NIOCore
import Synchronization

/// Messages received on one stream, waiting for the application to take them.
///
/// The connection delivers on its event loop; the application takes from any task. Taking a
/// message gives its flow-control credit back to the peer through `grantCredit`, so the
/// buffer never holds more than the window the receiver advertised.
final class InboundMessages: Sendable {
    private struct State {
        var buffered: Deque<(ByteBuffer, Int)> = []
        var end: RPCError?? = nil  // nil: open; .some(nil): finished cleanly; .some(error): failed
        var waiter: UnsafeContinuation<ByteBuffer?, any Error>?
        /// Fragment credit held back while whole messages wait unread.
        var withheld = 0
    }

    private let state = Mutex(State())
    private let grantCredit: @Sendable (Int) -> Void

    init(grantCredit: @escaping @Sendable (Int) -> Void) {
        self.grantCredit = grantCredit
    }

    /// A message arrived.
    func deliver(_ message: ByteBuffer, credit: Int) {
        let waiter = state.withLock { state -> UnsafeContinuation<ByteBuffer?, any Error>? in
            guard state.end == nil else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.buffered.append((message, credit))
            return nil
        }
        if let waiter {
            grantCredit(credit)
            waiter.resume(returning: message)
        }
    }

    /// Part of a message arrived. Its credit goes back at once only if nothing else waits to
    /// be read: otherwise a sender could push any number of messages by fragmenting them.
    func fragmentArrived(credit: Int) {
        let grantNow = state.withLock { state -> Bool in
            if state.buffered.isEmpty { return true }
            state.withheld += credit
            return false
        }
        if grantNow { grantCredit(credit) }
    }

    /// No more messages: the peer half-closed (error nil) or the stream failed.
    func finish(_ error: RPCError? = nil) {
        let waiter = state.withLock { state -> UnsafeContinuation<ByteBuffer?, any Error>? in
            guard state.end == nil else { return nil }
            state.end = .some(error)
            if error != nil { state.buffered.removeAll() }
            defer { state.waiter = nil }
            return state.waiter
        }
        guard let waiter else { return }
        if let error { waiter.resume(throwing: error) } else { waiter.resume(returning: nil) }
    }

    /// The next message, nil after a clean end; throws the stream's error or on cancellation.
    func next() async throws -> ByteBuffer? {
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<ByteBuffer?, any Error>) in
                enum Immediate { case message(ByteBuffer, Int), end(RPCError?), wait }
                let immediate = state.withLock { state -> Immediate in
                    if let (message, credit) = state.buffered.popFirst() {
                        var total = credit
                        if state.buffered.isEmpty {
                            total += state.withheld
                            state.withheld = 0
                        }
                        return .message(message, total)
                    }
                    if let end = state.end { return .end(end) }
                    if Task.isCancelled { return .end(RPCError(.cancelled, "the call was cancelled")) }
                    state.waiter = continuation
                    return .wait
                }
                switch immediate {
                case .message(let message, let credit):
                    grantCredit(credit)
                    continuation.resume(returning: message)
                case .end(nil): continuation.resume(returning: nil)
                case .end(let error?): continuation.resume(throwing: error)
                case .wait: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(throwing: RPCError(.cancelled, "the call was cancelled"))
        }
    }
}

/// The messages a peer streams to you, decoded as they are taken. Iterate it once.
public struct MessageStream<Message: WireMessage>: AsyncSequence, Sendable {
    public typealias Element = Message
    let inbound: InboundMessages
    let limits: WireLimits
    /// INVALID_ARGUMENT for requests a server cannot decode; INTERNAL for responses a client cannot.
    let decodeFailure: StatusCode

    public struct AsyncIterator: AsyncIteratorProtocol {
        let inbound: InboundMessages
        let limits: WireLimits
        let decodeFailure: StatusCode

        public mutating func next() async throws -> Message? {
            guard let buffer = try await inbound.next() else { return nil }
            do {
                return try Message(buffer: buffer, limits: limits)
            } catch {
                throw RPCError(decodeFailure, "a streamed message could not be decoded: \(error)")
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(inbound: inbound, limits: limits, decodeFailure: decodeFailure)
    }
}
