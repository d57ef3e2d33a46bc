import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Synchronization
import Testing

/// The per-stream parts both sides share: the send queue, the message assembler and the
/// inbound message buffer (SPEC.md §3.2.3 fragments, §9 flow control).
@Suite("Stream parts: send queue, assembler, inbound messages (SPEC.md §3.2.3, §9)", .timeLimit(.minutes(1)))
struct StreamPartsTests {
    private func frames(_ buffer: ByteBuffer) -> [Frame] {
        var parser = FrameParser(maximumFrameSize: .max)
        parser.append(buffer)
        var frames: [Frame] = []
        while let frame = try! parser.next() { frames.append(frame) }
        return frames
    }

    // MARK: StreamSendQueue

    /// §9: a message goes out whole at once only when nothing waits and it fits both the
    /// credit and the peer's frame size.
    @Test func sendQueueFitsDirectlyOnlyWhenNothingWaits() {
        var queue = StreamSendQueue(window: 100)
        #expect(queue.fitsDirectly(100, maximumFrameSize: 16_384))
        #expect(!queue.fitsDirectly(101, maximumFrameSize: 16_384))
        #expect(!queue.fitsDirectly(50, maximumFrameSize: 40))
        queue.consumeDirect(60)
        #expect(queue.window == 40)
        queue.enqueue(ByteBuffer(bytes: [1]))
        #expect(!queue.fitsDirectly(0, maximumFrameSize: 16_384), "behind a queued message")
    }

    /// §3.2.3, §9: a queued message is cut by credit and frame size, MORE on every frame but the
    /// last; what has no credit waits for a grant.
    @Test func sendQueueCutsByCreditAndFrameSize() {
        var queue = StreamSendQueue(window: 25)
        queue.enqueue(ByteBuffer(bytes: [UInt8](repeating: 7, count: 40)))
        var out = ByteBuffer()
        #expect(!queue.drain(into: &out, stream: 3, maximumFrameSize: 10))
        var sent = frames(out)
        #expect(sent.map(\.payload.readableBytes) == [10, 10, 5])
        #expect(sent.allSatisfy { $0.flags == .more && $0.streamID == 3 && $0.type == .message })
        #expect(queue.window == 0)
        #expect(queue.queuedBytes == 15)

        queue.grant(100)
        out.clear()
        #expect(queue.drain(into: &out, stream: 3, maximumFrameSize: 10))
        sent = frames(out)
        #expect(sent.map(\.payload.readableBytes) == [10, 5])
        #expect(sent.map(\.flags) == [.more, []])
        #expect(queue.isEmpty)
        #expect(queue.queuedBytes == 0)
        #expect(queue.window == 85)
    }

    /// §3.2.3: a client's END_STREAM rides on the last frame of the last queued message only.
    @Test func sendQueuePutsEndStreamOnTheLastFrame() {
        var queue = StreamSendQueue(window: 1_000)
        queue.enqueue(ByteBuffer(bytes: [1, 2, 3]), endStream: true)
        var out = ByteBuffer()
        #expect(queue.drain(into: &out, stream: 1, maximumFrameSize: 2))
        #expect(frames(out).map(\.flags) == [.more, .endStream])
    }

    /// §9: a zero-length message goes out without credit.
    @Test func sendQueueSendsAnEmptyMessageWithoutCredit() {
        var queue = StreamSendQueue(window: 0)
        queue.enqueue(ByteBuffer())
        var out = ByteBuffer()
        #expect(queue.drain(into: &out, stream: 1, maximumFrameSize: 16_384))
        #expect(Array(out.readableBytesView) == hex("00000000 02 00 00000001"))
    }

    /// §9: credit saturates at 2^31 − 1.
    @Test func sendQueueCreditSaturates() {
        var queue = StreamSendQueue(window: Int(Int32.max) - 1)
        queue.grant(Int(UInt32.max))
        #expect(queue.window == Int(Int32.max))
    }

    // MARK: MessageAssembler

    private func message(_ size: Int, _ flags: FrameFlags = []) -> Frame {
        Frame(type: .message, flags: flags, streamID: 1, payload: ByteBuffer(bytes: [UInt8](repeating: 1, count: size)))
    }

    /// §9: each frame's payload comes off the window; past it is a violation; a grant restores it.
    @Test func assemblerKeepsTheReceiveWindow() throws {
        var assembler = MessageAssembler(window: 100, maximumMessageSize: 1_000)
        _ = try assembler.receive(message(60))
        #expect(assembler.window == 40)
        #expect(throws: MessageAssembler.Violation.windowExceeded) { _ = try assembler.receive(message(41)) }
        assembler.granted(60)
        _ = try assembler.receive(message(100))
        #expect(assembler.window == 0)
        _ = try assembler.receive(message(0))
    }

    /// §3.2.3: fragments are joined; a fragment's credit is reported at once, the last frame's
    /// with the message.
    @Test func assemblerJoinsFragments() throws {
        var assembler = MessageAssembler(window: 1_000, maximumMessageSize: 1_000)
        guard case .fragment(let first) = try assembler.receive(message(30, .more)) else {
            Issue.record("not a fragment")
            return
        }
        #expect(first == 30)
        #expect(assembler.bufferedBytes >= 30)
        guard case .message(let whole, let credit) = try assembler.receive(message(20)) else {
            Issue.record("not a message")
            return
        }
        #expect(whole.readableBytes == 50)
        #expect(credit == 20)
        #expect(assembler.bufferedBytes == 0)
    }

    /// §8: a message larger than maximumMessageSize is refused as its fragments arrive.
    @Test func assemblerRefusesAnOversizedMessageEarly() throws {
        var assembler = MessageAssembler(window: 10_000, maximumMessageSize: 100)
        _ = try assembler.receive(message(60, .more))
        #expect(throws: MessageAssembler.Violation.messageTooLarge) { _ = try assembler.receive(message(41, .more)) }
        var single = MessageAssembler(window: 10_000, maximumMessageSize: 100)
        #expect(throws: MessageAssembler.Violation.messageTooLarge) { _ = try single.receive(message(101)) }
    }

    // MARK: InboundMessages

    /// §9: a message taken gives its credit back; the end comes after the buffered messages.
    @Test func inboundMessagesGiveCreditBackWhenTaken() async throws {
        let granted = Mutex<[Int]>([])
        let inbound = InboundMessages { credit in granted.withLock { $0.append(credit) } }
        inbound.deliver(ByteBuffer(bytes: [1]), credit: 11)
        inbound.deliver(ByteBuffer(bytes: [2, 2]), credit: 12)
        inbound.finish()
        #expect(granted.withLock { $0 }.isEmpty)
        #expect(try await inbound.next()?.readableBytes == 1)
        #expect(try await inbound.next()?.readableBytes == 2)
        #expect(try await inbound.next() == nil)
        #expect(try await inbound.next() == nil)
        #expect(granted.withLock { $0 } == [11, 12])
    }

    /// §6.2: a stream that fails drops what it buffered and the reader gets the failure.
    @Test func inboundMessagesFailWithTheStreamsError() async throws {
        let inbound = InboundMessages { _ in }
        inbound.deliver(ByteBuffer(bytes: [1]), credit: 1)
        inbound.finish(RPCError(.cancelled, "gone"))
        inbound.deliver(ByteBuffer(bytes: [2]), credit: 1)  // after the end: dropped
        await #expect(throws: RPCError(.cancelled, "gone")) { _ = try await inbound.next() }
    }

    /// A reader gets a message delivered while it waits (or just before it asks: either way
    /// the same message and the same credit back).
    @Test func inboundMessagesReachAWaitingReader() async throws {
        let granted = Mutex<[Int]>([])
        let inbound = InboundMessages { credit in granted.withLock { $0.append(credit) } }
        async let taken = inbound.next()
        inbound.deliver(ByteBuffer(bytes: [9]), credit: 5)
        #expect(try await taken?.readableBytes == 1)
        #expect(granted.withLock { $0 } == [5])
        async let end = inbound.next()
        inbound.finish()
        #expect(try await end == nil)
    }

    /// A reader whose task is cancelled stops waiting with CANCELLED.
    @Test func inboundMessagesStopForACancelledReader() async {
        let inbound = InboundMessages { _ in }
        let reader = Task { try await inbound.next() }
        reader.cancel()
        await #expect(throws: RPCError.self) { _ = try await reader.value }
    }
}
