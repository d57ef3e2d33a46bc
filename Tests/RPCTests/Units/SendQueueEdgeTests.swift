import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// `StreamSendQueue` at its edges (Protocol/SPEC.md §3.2.3 fragments, §9 sending): what
/// StreamPartsTests shows for one message, here for several, for credit that comes back a
/// byte at a time and for the exact frame-size boundary.
@Suite("Send queue at its edges (SPEC.md §3.2.3, §9)", .timeLimit(.minutes(1)))
struct SendQueueEdgeTests {
    /// §9: a message exactly the size of the peer's frame limit and of the credit still goes
    /// out directly, as one frame; a byte more does not.
    @Test func theFrameSizeAndTheCreditAreInclusiveLimits() {
        let queue = StreamSendQueue(window: 16_384)
        #expect(queue.fitsDirectly(16_384, maximumFrameSize: 16_384))
        #expect(!queue.fitsDirectly(16_385, maximumFrameSize: 16_385), "past the credit")
        #expect(!queue.fitsDirectly(16_384, maximumFrameSize: 16_383), "past the frame limit")
        #expect(queue.fitsDirectly(0, maximumFrameSize: 16_384))
    }

    /// §3.2.3, §9: messages queued behind each other leave in order, each byte once, MORE on
    /// every frame but each message's last, END_STREAM only on the very last frame.
    @Test func queuedMessagesLeaveInOrderWithEndStreamOnTheLastFrameOnly() throws {
        var queue = StreamSendQueue(window: 0)
        let first = countingBytes(25)
        let second = countingBytes(7, from: 100)
        queue.enqueue(ByteBuffer(bytes: first))
        queue.enqueue(ByteBuffer(bytes: second), endStream: true)
        #expect(queue.queuedBytes == 32)
        var out = ByteBuffer()
        #expect(!queue.drain(into: &out, stream: 5, maximumFrameSize: 10), "no credit: nothing moves")
        #expect(out.readableBytes == 0)

        queue.grant(1_000)
        #expect(queue.drain(into: &out, stream: 5, maximumFrameSize: 10))
        let frames = try parsedFrames(out)
        #expect(frames.map(\.payload.readableBytes) == [10, 10, 5, 7])
        #expect(frames.map(\.flags) == [.more, .more, [], .endStream])
        #expect(frames.allSatisfy { $0.type == .message && $0.streamID == 5 })
        #expect(joinedPayloads(frames) == first + second)
        #expect(queue.isEmpty && queue.queuedBytes == 0)
        #expect(queue.window == 1_000 - 32)
    }

    /// §9: credit that comes back one byte at a time moves the message one byte at a time —
    /// never a frame larger than the credit, never a byte lost or repeated — and the books
    /// (`queuedBytes`, `window`) agree with what was written after every grant.
    @Test func creditRefilledByteByByteMovesTheMessageByteByByte() throws {
        let message = countingBytes(6)
        var queue = StreamSendQueue(window: 0)
        queue.enqueue(ByteBuffer(bytes: message), endStream: true)
        var written: [Frame] = []
        for step in 1...6 {
            queue.grant(1)
            var out = ByteBuffer()
            let done = queue.drain(into: &out, stream: 1, maximumFrameSize: 16_384)
            let frames = try parsedFrames(out)
            #expect(frames.count == 1 && frames[0].payload.readableBytes == 1, "step \(step)")
            #expect(done == (step == 6))
            #expect(queue.queuedBytes == 6 - step)
            #expect(queue.window == 0)
            written += frames
        }
        #expect(joinedPayloads(written) == message)
        #expect(written.map(\.flags) == Array(repeating: .more, count: 5) + [.endStream])
    }

    /// §9: a zero-length message costs nothing, but it does not jump the queue: behind a
    /// message that waits for credit, it waits too, and follows it.
    @Test func anEmptyMessageWaitsBehindABlockedOne() throws {
        var queue = StreamSendQueue(window: 3)
        queue.enqueue(ByteBuffer(bytes: countingBytes(5)))
        queue.enqueue(ByteBuffer(), endStream: true)
        var out = ByteBuffer()
        #expect(!queue.drain(into: &out, stream: 1, maximumFrameSize: 16_384))
        #expect(try parsedFrames(out).map(\.payload.readableBytes) == [3])
        out.clear()
        queue.grant(2)
        #expect(queue.drain(into: &out, stream: 1, maximumFrameSize: 16_384))
        let rest = try parsedFrames(out)
        #expect(rest.map(\.payload.readableBytes) == [2, 0])
        #expect(rest.map(\.flags) == [[], .endStream])
    }

    /// Nothing queued: a drain writes nothing and reports the queue empty.
    @Test func drainingAnEmptyQueueWritesNothing() {
        var queue = StreamSendQueue(window: 10)
        var out = ByteBuffer()
        #expect(queue.drain(into: &out, stream: 1, maximumFrameSize: 16_384))
        #expect(out.readableBytes == 0)
        #expect(queue.window == 10)
    }

    /// Credit granted while the queue holds a message the frame limit cuts: one drain writes
    /// all it can, frame by frame, and stops exactly where the credit ends.
    @Test func oneDrainStopsExactlyWhereTheCreditEnds() throws {
        var queue = StreamSendQueue(window: 0)
        queue.enqueue(ByteBuffer(bytes: countingBytes(100)))
        queue.grant(45)
        var out = ByteBuffer()
        #expect(!queue.drain(into: &out, stream: 1, maximumFrameSize: 20))
        #expect(try parsedFrames(out).map(\.payload.readableBytes) == [20, 20, 5])
        #expect(queue.window == 0 && queue.queuedBytes == 55)
    }
}
