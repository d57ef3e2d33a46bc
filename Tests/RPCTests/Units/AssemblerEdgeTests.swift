import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// `MessageAssembler` at its edges (Protocol/SPEC.md §3.2.3 fragments, §8 message size, §9
/// receiving): the exact window and size boundaries, fragments joined in order, and the memory
/// a fragment keeps.
@Suite("Message assembler at its edges (SPEC.md §3.2.3, §8, §9)", .timeLimit(.minutes(1)))
struct AssemblerEdgeTests {
    private func frame(_ bytes: [UInt8], _ flags: FrameFlags = []) -> Frame {
        Frame(type: .message, flags: flags, streamID: 1, payload: ByteBuffer(bytes: bytes))
    }

    private func whole(_ outcome: MessageAssembler.Outcome) -> (bytes: [UInt8], credit: Int)? {
        guard case .message(let buffer, let credit) = outcome else { return nil }
        return (Array(buffer.readableBytesView), credit)
    }

    /// §9: a frame as large as the credit left is within it; the window is then 0, where only
    /// an empty MESSAGE fits, and the violation leaves the books as they were.
    @Test func aFrameOfExactlyTheCreditIsAccepted() throws {
        var assembler = MessageAssembler(window: 8, maximumMessageSize: 100)
        _ = try assembler.receive(frame(countingBytes(8)))
        #expect(assembler.window == 0)
        _ = try assembler.receive(frame([]))
        #expect(throws: MessageAssembler.Violation.windowExceeded) { _ = try assembler.receive(frame([1])) }
        #expect(assembler.window == 0)
        assembler.granted(1)
        _ = try assembler.receive(frame([1]))
    }

    /// §9: the window is per frame, not per message: fragments of one message that together
    /// pass the credit fail at the fragment that passes it.
    @Test func fragmentsThatPassTheWindowFailAtTheFragmentThatPassesIt() throws {
        var assembler = MessageAssembler(window: 10, maximumMessageSize: 1_000)
        _ = try assembler.receive(frame(countingBytes(6), .more))
        #expect(throws: MessageAssembler.Violation.windowExceeded) { _ = try assembler.receive(frame(countingBytes(5), .more)) }
    }

    /// §8: a message of exactly maximumMessageSize, in fragments, is accepted; the same with
    /// one byte more is refused at the fragment that passes the limit, before its last frame.
    @Test func theMessageSizeLimitIsInclusive() throws {
        var exact = MessageAssembler(window: 1_000, maximumMessageSize: 100)
        _ = try exact.receive(frame(countingBytes(60), .more))
        let message = try #require(whole(try exact.receive(frame(countingBytes(40, from: 60)))))
        #expect(message.bytes == countingBytes(100))

        var over = MessageAssembler(window: 1_000, maximumMessageSize: 100)
        _ = try over.receive(frame(countingBytes(60), .more))
        _ = try over.receive(frame(countingBytes(40), .more))
        #expect(throws: MessageAssembler.Violation.messageTooLarge) { _ = try over.receive(frame([0], .more)) }
    }

    /// §3.2.3: fragments, empty ones included, are joined in order; the credit reported with the
    /// message is only its last frame's (each fragment's was reported as it came).
    @Test func fragmentsAreJoinedInOrderAndEachCreditIsReportedOnce() throws {
        var assembler = MessageAssembler(window: 1_000, maximumMessageSize: 1_000)
        var credits: [Int] = []
        for (part, flags) in [(countingBytes(3), FrameFlags.more), ([], .more), (countingBytes(4, from: 3), .more)] {
            guard case .fragment(let credit) = try assembler.receive(frame(part, flags)) else {
                Issue.record("a fragment was taken for a message")
                return
            }
            credits.append(credit)
        }
        let message = try #require(whole(try assembler.receive(frame(countingBytes(2, from: 7)))))
        #expect(message.bytes == countingBytes(9))
        #expect(credits + [message.credit] == [3, 0, 4, 2])
        #expect(credits.reduce(0, +) + message.credit == 1_000 - assembler.window)
    }

    /// Each message starts empty: nothing of the previous one is carried into the next, and a
    /// single-frame message after a fragmented one is delivered as it came.
    @Test func aNewMessageCarriesNothingOfThePreviousOne() throws {
        var assembler = MessageAssembler(window: 1_000, maximumMessageSize: 1_000)
        _ = try assembler.receive(frame([1, 1], .more))
        #expect(try whole(assembler.receive(frame([2])))?.bytes == [1, 1, 2])
        #expect(try whole(assembler.receive(frame([3])))?.bytes == [3])
        _ = try assembler.receive(frame([4], .more))
        #expect(try whole(assembler.receive(frame([5])))?.bytes == [4, 5])
        #expect(assembler.bufferedBytes == 0)
    }

    /// A fragment is a slice of a whole read. The partial message copies it into memory of its
    /// own sized by what arrived, not by the 4 MiB a message may reach: `bufferedBytes`, what
    /// the server's budget is charged for the partial message, stays near the bytes received.
    @Test func aPartialMessageHoldsMemoryByWhatArrived() throws {
        var read = ByteBuffer(bytes: countingBytes(1 << 16))
        let slice = read.readSlice(length: 16)!
        var assembler = MessageAssembler(window: 1 << 22, maximumMessageSize: 4 << 20)
        _ = try assembler.receive(Frame(type: .message, flags: .more, streamID: 1, payload: slice))
        #expect(assembler.bufferedBytes >= 16)
        #expect(assembler.bufferedBytes < 4_096, "the partial message holds \(assembler.bufferedBytes) bytes for 16 received")
        _ = try assembler.receive(frame(countingBytes(3_000), .more))
        #expect(assembler.bufferedBytes >= 3_016 && assembler.bufferedBytes < 16_384, "grows with what arrives")
    }
}
