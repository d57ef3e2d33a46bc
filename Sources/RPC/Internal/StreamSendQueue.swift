import DequeModule
import JCSkillsProtocol
import NIOCore

/// Messages waiting for flow-control credit on one stream, and the credit itself.
///
/// A message is cut into MESSAGE frames no larger than the peer's frame limit and the credit
/// left; what does not fit waits here until a WINDOW_UPDATE arrives (or, while the connection's
/// socket is backed up, until it drains). Writers suspend while anything waits, so at most one
/// message is held per stream, and the connection charges it to its budget.
struct StreamSendQueue {
    private(set) var window: Int
    private var queue: Deque<ByteBuffer> = []
    /// Bytes of the queued messages not yet written: what this stream holds to send.
    private(set) var queuedBytes = 0
    /// Whether the stream's END_STREAM flag should ride on the last queued message.
    private var endAfterQueue = false

    init(window: Int) { self.window = window }

    var isEmpty: Bool { queue.isEmpty }

    mutating func grant(_ credit: Int) { window = min(window + credit, Int(Int32.max)) }

    /// Whether `size` bytes can go out at once as one frame (the common case of small messages).
    func fitsDirectly(_ size: Int, maximumFrameSize: Int) -> Bool {
        queue.isEmpty && size <= window && size <= maximumFrameSize
    }

    mutating func consumeDirect(_ size: Int) { window -= size }

    mutating func enqueue(_ message: ByteBuffer, endStream: Bool = false) {
        queue.append(message)
        queuedBytes += message.readableBytes
        endAfterQueue = endStream
    }

    /// Writes as much as the credit allows into `out`. Returns true when nothing is left waiting.
    mutating func drain(into out: inout ByteBuffer, stream: UInt32, maximumFrameSize: Int) -> Bool {
        while var message = queue.first {
            let chunk = min(message.readableBytes, window, maximumFrameSize)
            if chunk == 0 && message.readableBytes > 0 { return false }
            let slice = message.readSlice(length: chunk)!
            let last = message.readableBytes == 0
            var flags: FrameFlags = last ? [] : .more
            if last && queue.count == 1 && endAfterQueue { flags.insert(.endStream) }
            out.writeFrame(.message, flags: flags, stream: stream, payload: slice)
            window -= chunk
            queuedBytes -= chunk
            if last { queue.removeFirst() } else { queue[queue.startIndex] = message }
        }
        return true
    }
}
