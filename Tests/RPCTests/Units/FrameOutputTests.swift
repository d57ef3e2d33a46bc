@testable import JCSkillsRPC
import NIOCore
import NIOEmbedded
import Testing

/// How a connection handler batches its frames (Internal/FrameOutput.swift): one write per
/// event-loop pass, sooner once a batch is large, nothing while a read is under way (its end
/// flushes), and nothing to a connection that is gone. On an embedded channel: a "pass" ends
/// when the test runs the loop.
@Suite("Frame output: one write per pass (docs/ANCHORS.md §2)", .timeLimit(.minutes(1)))
struct FrameOutputTests {
    /// The smallest batched writer: what a connection handler adds to the protocol.
    final class Writer: BatchedFrameWriter, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        var context: ChannelHandlerContext?
        var output = FrameOutput()
        var flushes = 0

        func handlerAdded(context: ChannelHandlerContext) { self.context = context }
        func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }
        func didFlush() { flushes += 1 }

        func write(_ bytes: [UInt8]) {
            output.buffer.writeBytes(bytes)
            scheduleFlush()
        }
    }

    private func channel() throws -> (EmbeddedChannel, Writer) {
        let writer = Writer()
        let channel = EmbeddedChannel(handler: writer)
        return (channel, writer)
    }

    private func writes(_ channel: EmbeddedChannel) throws -> [[UInt8]] {
        var writes: [[UInt8]] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { writes.append(Array(buffer.readableBytesView)) }
        return writes
    }

    /// Frames written during one pass leave together, at its end, in one write.
    @Test func aPassesFramesLeaveInOneWriteAtItsEnd() throws {
        let (channel, writer) = try channel()
        writer.write([1, 2])
        writer.write([3])
        writer.write([4, 5, 6])
        #expect(try writes(channel).isEmpty, "nothing before the pass ends")
        #expect(writer.output.flushScheduled)
        channel.embeddedEventLoop.run()
        #expect(try writes(channel) == [[1, 2, 3, 4, 5, 6]])
        #expect(writer.flushes == 1)
        #expect(!writer.output.flushScheduled)
        writer.write([7])
        channel.embeddedEventLoop.run()
        #expect(try writes(channel) == [[7]], "the next pass schedules again")
    }

    /// During a read nothing is scheduled: the read's end (`channelReadComplete`) flushes.
    @Test func duringAReadTheReadsEndFlushes() throws {
        let (channel, writer) = try channel()
        writer.output.reading = true
        writer.write([1])
        channel.embeddedEventLoop.run()
        #expect(try writes(channel).isEmpty)
        #expect(!writer.output.flushScheduled)
        writer.output.reading = false
        writer.flushOutput()
        #expect(try writes(channel) == [[1]])
    }

    /// A batch of 4 KiB or more goes out at once, without waiting for the pass to end, so the
    /// peer can start on it; what comes after waits for the end of the pass as usual.
    @Test func aLargeBatchGoesOutAtOnce() throws {
        let (channel, writer) = try channel()
        writer.output.reading = true
        writer.write([UInt8](repeating: 1, count: FrameOutput.eagerFlushBytes - 1))
        #expect(try writes(channel).isEmpty)
        writer.write([2])
        #expect(try writes(channel).map(\.count) == [FrameOutput.eagerFlushBytes])
        writer.output.reading = false
        writer.write([3])
        #expect(try writes(channel).isEmpty)
        channel.embeddedEventLoop.run()
        #expect(try writes(channel) == [[3]])
        #expect(writer.flushes == 2)
    }

    /// A flush with nothing pending writes nothing and does not count as a write.
    @Test func anEmptyFlushWritesNothing() throws {
        let (channel, writer) = try channel()
        writer.flushOutput()
        channel.embeddedEventLoop.run()
        #expect(try writes(channel).isEmpty)
        #expect(writer.flushes == 0)
    }

    /// After the handler is removed (its connection closed), what a late answer writes is
    /// dropped, not kept: the buffer is emptied and nothing is written.
    @Test func withoutAConnectionOutputIsDropped() throws {
        let (channel, writer) = try channel()
        channel.pipeline.syncOperations.removeHandler(writer, promise: nil)
        channel.embeddedEventLoop.run()
        #expect(writer.context == nil)
        writer.output.buffer.writeBytes([UInt8](repeating: 9, count: 100))
        writer.flushOutput()
        #expect(writer.output.buffer.readableBytes == 0)
        #expect(writer.flushes == 0)
        #expect(try writes(channel).isEmpty)
    }
}
