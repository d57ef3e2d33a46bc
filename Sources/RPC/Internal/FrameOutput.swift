import JCSkillsProtocol
import NIOCore

/// The frames a connection produces during one event-loop pass, written with one `write` and
/// one flush: one TLS record and one syscall for a whole batch of calls (docs/ANCHORS.md §2: unbatched
/// writes, not TLS or async, were what made RPC stacks slow).
struct FrameOutput {
    var buffer = ByteBuffer()
    /// Inside `channelRead`: `channelReadComplete` flushes, so nothing needs scheduling.
    var reading = false
    var flushScheduled = false

    /// A batch this large goes out without waiting for the end of the pass (about 16 echo
    /// responses of 200 bytes).
    static let eagerFlushBytes = 4_096
}

/// A connection handler that batches its frames in a ``FrameOutput``.
protocol BatchedFrameWriter: ChannelInboundHandler where OutboundOut == ByteBuffer {
    /// Nil once the handler is removed: a call's task may still answer after its connection
    /// closed, and what it writes then goes nowhere.
    var context: ChannelHandlerContext? { get }
    var output: FrameOutput { get set }
    /// Called after each write: a write is what can make the channel stop taking more.
    func didFlush()
}

extension BatchedFrameWriter {
    /// Makes sure what was written this pass goes out at its end — or now, once a pass has
    /// gathered this much: the peer can start on the first calls of a large batch while this
    /// side still works on the rest, instead of the two taking turns a whole batch at a time.
    func scheduleFlush() {
        if output.buffer.readableBytes >= FrameOutput.eagerFlushBytes {
            flushOutput()
            return
        }
        guard !output.reading, !output.flushScheduled, let context else { return }
        output.flushScheduled = true
        context.eventLoop.assumeIsolated().execute { [self] in
            output.flushScheduled = false
            flushOutput()
        }
    }

    /// Writes everything pending now.
    func flushOutput() {
        guard output.buffer.readableBytes > 0 else { return }
        guard let context else {
            output.buffer.clear()
            return
        }
        let bytes = output.buffer
        output.buffer = context.channel.allocator.buffer(capacity: max(4096, bytes.readableBytes))
        context.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
        didFlush()
    }

    func didFlush() {}
}
