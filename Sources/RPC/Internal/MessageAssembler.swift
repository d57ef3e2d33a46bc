import JCSkillsProtocol
import NIOCore

/// Joins MESSAGE fragments into whole messages and keeps the receive window's books for one stream.
struct MessageAssembler {
    /// Credit the peer has left: what we granted minus what it sent.
    private(set) var window: Int
    private var partial: ByteBuffer?
    let maximumMessageSize: Int

    init(window: Int, maximumMessageSize: Int) {
        self.window = window
        self.maximumMessageSize = maximumMessageSize
    }

    enum Outcome {
        /// A whole message; `credit` is what to grant back once the application has taken it
        /// (the last frame's bytes: earlier fragments were granted back on arrival).
        case message(ByteBuffer, credit: Int)
        /// A fragment was buffered; its bytes should be granted back at once, since the
        /// message cannot be delivered until it is whole.
        case fragment(credit: Int)
    }

    enum Violation: Error {
        case windowExceeded
        case messageTooLarge
    }

    mutating func receive(_ frame: Frame) throws(Violation) -> Outcome {
        let size = frame.payload.readableBytes
        guard size <= window else { throw .windowExceeded }
        window -= size
        let total = (partial?.readableBytes ?? 0) + size
        guard total <= maximumMessageSize else { throw .messageTooLarge }
        if frame.flags.contains(.more) {
            if partial == nil {
                // A copy of its own: the payload is a slice of a whole read, which it would keep.
                var buffer = ByteBufferAllocator().buffer(capacity: min(maximumMessageSize, 2 * size))
                var payload = frame.payload
                buffer.writeBuffer(&payload)
                partial = buffer
            } else {
                var payload = frame.payload
                partial!.writeBuffer(&payload)
            }
            return .fragment(credit: size)
        }
        guard var whole = partial else { return .message(frame.payload, credit: size) }
        partial = nil
        var payload = frame.payload
        whole.writeBuffer(&payload)
        return .message(whole, credit: size)
    }

    /// Memory the message being assembled holds until its last fragment arrives: the buffer's
    /// capacity, not the bytes received, since it grows by doubling (what a budget must count).
    var bufferedBytes: Int { partial?.capacity ?? 0 }

    /// Records credit given back to the peer.
    mutating func granted(_ credit: Int) { window += credit }
}
