import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// Framing rules both machines keep, checked over whole conversations: SPEC.md §3.1, §3.2.3, §3.2.8.
@Suite("Machines: framing over whole conversations (SPEC.md §3.1, §3.2.3, §3.2.8)", .timeLimit(.minutes(1)))
struct MachineFramingTests {
    typealias H = ServerMachineHarness
    typealias C = ClientMachineHarness

    /// A client's side of a conversation: calls of every shape, fragments, credit, a PING, an
    /// unknown frame type and a CANCEL.
    private static let conversation: [UInt8] = {
        var bytes = ByteBuffer(bytes: ConnectionPreface.bytes)
        bytes.writeFrame(.settings, stream: 0, message: Settings())
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: "t.T/Unary", timeoutMicroseconds: 5_000_000))
        bytes.writeFrame(.headers, stream: 3, message: CallHeaders(method: "t.T/ClientStream"))
        bytes.writeFrame(.message, flags: .more, stream: 1, payload: ByteBuffer(bytes: H.payload(700)))
        bytes.writeFrame(.message, flags: .more, stream: 3, payload: ByteBuffer(bytes: H.payload(20)))
        bytes.writeFrame(.ping, stream: 0, payload: ByteBuffer(bytes: [8, 7, 6, 5, 4, 3, 2, 1]))
        bytes.writeFrame(.message, flags: .endStream, stream: 1, payload: ByteBuffer(bytes: H.payload(300)))
        bytes.writeFrame(FrameType(rawValue: 0x33), flags: FrameFlags(rawValue: 0xff), stream: 5, payload: ByteBuffer(bytes: [1, 2]))
        bytes.writeFrame(.message, stream: 3, payload: ByteBuffer(bytes: H.payload(5)))
        bytes.writeFrame(.windowUpdate, stream: 3, payload: ByteBuffer(bytes: [0, 0, 1, 0]))
        bytes.writeFrame(.headers, stream: 5, message: CallHeaders(method: "t.T/Bidi"))
        bytes.writeFrame(.cancel, stream: 5, message: CancelReason(code: .cancelled))
        bytes.writeFrame(.endStream, stream: 3, payload: ByteBuffer())
        return Array(bytes.readableBytesView)
    }()

    private func run(_ reads: [ArraySlice<UInt8>]) -> (bytes: [UInt8], actions: [String]) {
        var h = H()
        h.start()
        for read in reads { h.receive(Array(read)) }
        return (h.takeBytes(), h.takeActions())
    }

    /// §3.1: frame boundaries are independent of reads: the same conversation cut at 64
    /// seeded-random sets of points gives the same frames and the same actions, byte for byte.
    @Test func anySplitOfAConversationGivesTheSameResult() {
        let whole = run([Self.conversation[...]])
        #expect(whole.actions == [
            "settings received", "start 3 request none", "fragment 3 credit 20", "start 1 request 1000",
            "deliver 3 25 credit 5", "start 5 request none", "abandon 5 CANCELLED", "finished 5 CANCELLED", "requests ended 3",
        ])
        var generator = SeededGenerator(seed: 20_261_205)
        for _ in 0..<64 {
            var cuts = Set<Int>()
            for _ in 0..<Int.random(in: 1...40, using: &generator) { cuts.insert(Int.random(in: 1..<Self.conversation.count, using: &generator)) }
            var reads: [ArraySlice<UInt8>] = []
            var start = 0
            for cut in cuts.sorted() + [Self.conversation.count] {
                reads.append(Self.conversation[start..<cut])
                start = cut
            }
            let split = run(reads)
            #expect(split.bytes == whole.bytes, "cut at \(cuts.sorted())")
            #expect(split.actions == whole.actions, "cut at \(cuts.sorted())")
        }
    }

    /// §3.2.3: frames of different streams interleave freely; each stream's fragments join into
    /// its own message.
    @Test func fragmentsOfDifferentStreamsInterleave() {
        var h = H.connected()
        h.open(1)
        h.open(3)
        h.receive(H.frame(.message, flags: .more, stream: 1, payload: [1, 1]))
        h.receive(H.frame(.message, flags: .more, stream: 3, payload: [3]))
        h.receive(H.frame(.message, flags: .endStream, stream: 3, payload: [3, 3]))
        h.receive(H.frame(.message, flags: .endStream, stream: 1, payload: [1]))
        var requests: [UInt32: [UInt8]] = [:]
        for action in h.actions {
            if case .startHandler(let call, let request?) = action { requests[call.id] = Array(request.readableBytesView) }
        }
        #expect(requests == [1: [1, 1, 1], 3: [3, 3, 3]])
    }

    /// §3.1: the client too ignores frame types it does not know and reassembles frames split
    /// anywhere.
    @Test func theClientIgnoresUnknownTypesAndReassemblesFrames() {
        var c = C.connected()
        c.open(.unary, request: EchoMessage())
        _ = c.takeBytes()
        var bytes = ByteBuffer()
        bytes.writeFrame(FrameType(rawValue: 0x51), stream: 1, payload: ByteBuffer(bytes: [9, 9, 9]))
        bytes.writeFrame(.message, stream: 1, message: EchoMessage(text: "split"))
        bytes.writeFrame(.trailers, stream: 1, message: Trailers(code: .ok))
        for byte in bytes.readableBytesView { c.receive([byte]) }
        #expect(c.takeActions() == ["succeed 1 7", "start waiting calls"])
        #expect(!c.machine.closed)
    }

    /// §3.2.8: a WINDOW_UPDATE of another length closes the client's connection too.
    @Test func theClientRefusesAMisshapenWindowUpdate() {
        var c = C.connected()
        c.send(.windowUpdate, stream: 1, payload: [0, 1])
        #expect(c.takeActions() == ["protocol error", "close"])
        #expect(c.machine.closed)
    }
}

/// A small seeded generator, so that a failing split can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
