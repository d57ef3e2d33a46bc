import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// Credit both ways at the server, byte by byte: SPEC.md §9 (and §2.3's initial windows).
@Suite("Server machine: flow control (SPEC.md §9)", .timeLimit(.minutes(1)))
struct ServerMachineFlowControlTests {
    typealias H = ServerMachineHarness

    private static func small(window: UInt32) -> (inout ServerConfiguration) -> Void {
        { $0.initialWindowSize = window }
    }

    /// §9: a MESSAGE beyond the credit the server granted is a connection error; credit given
    /// back (a 4-byte big-endian WINDOW_UPDATE) makes room again.
    @Test func aMessageBeyondTheWindowIsAConnectionError() {
        var h = H.connected(configure: Self.small(window: 64))
        h.open(1, "t.T/ClientStream")
        h.message(1, size: 64)
        #expect(h.takeActions() == ["start 1 request none", "deliver 1 64 credit 64"])
        h.machine.grantCredit(stream: 1, 64, frames: &h.output)
        #expect(h.takeBytes() == hex("00000004 07 00 00000001 00000040"))
        h.message(1, size: 64)
        #expect(h.takeActions() == ["deliver 1 64 credit 64"])
        h.message(1, size: 1)
        let goAway = H.goAway(in: h.takeFrames())
        #expect(goAway?.status == .internal)
        #expect(goAway?.message.contains("beyond the flow-control window on stream 1") == true)
        #expect(h.takeActions() == ["protocol error", "close"])
    }

    /// §9: only MESSAGE payload bytes count: a zero-length MESSAGE fits in an empty window.
    @Test func aZeroLengthMessageCostsNothing() {
        var h = H.connected(configure: Self.small(window: 64))
        h.open(1, "t.T/ClientStream")
        h.message(1, size: 64)
        h.message(1, size: 0)
        #expect(h.takeActions() == ["start 1 request none", "deliver 1 64 credit 64", "deliver 1 0 credit 0"])
        #expect(!h.machine.closed)
    }

    /// §9: the fragments of the one request of a unary or server-streaming call have their
    /// credit back at once; its last frame's credit never comes back (nothing more is expected).
    @Test func theOneRequestsFragmentsAreCreditedAtOnce() {
        var h = H.connected()
        h.open(1)
        h.message(1, size: 10, flags: .more)
        #expect(h.takeBytes() == hex("00000004 07 00 00000001 0000000a"))
        h.message(1, size: 300, flags: .more)
        #expect(h.takeBytes() == hex("00000004 07 00 00000001 0000012c"))
        h.message(1, size: 5, flags: .endStream)
        #expect(h.takeBytes().isEmpty)
        #expect(h.takeActions() == ["start 1 request 315"])
    }

    /// §9: on a streamed direction, a fragment's credit and a whole message's go to the reader
    /// (InboundMessages), which returns them as the handler takes messages.
    @Test func aStreamedRequestsCreditGoesWithIt() {
        var h = H.connected()
        h.open(1, "t.T/Bidi")
        h.message(1, size: 10, flags: .more)
        h.message(1, size: 6)
        #expect(h.takeActions() == ["start 1 request none", "fragment 1 credit 10", "deliver 1 16 credit 6"])
        #expect(h.takeBytes().isEmpty)
    }

    /// §9: credit returned for a stream that has ended is not written.
    @Test func creditForAnEndedStreamIsNotReturned() {
        var h = H.connected()
        h.open(1, "t.T/ClientStream")
        h.message(1, size: 8)
        h.send(.cancel, stream: 1)
        h.machine.grantCredit(stream: 1, 8, frames: &h.output)
        h.machine.grantCredit(stream: 3, 8, frames: &h.output)
        #expect(h.takeBytes().isEmpty)
    }

    /// §2.3, §9: a response larger than the client's window goes in fragments (MORE on all but
    /// the last) as WINDOW_UPDATEs arrive; its TRAILERS wait for the last.
    @Test func aResponseWaitsForTheClientsCredit() {
        var settings = Settings()
        settings.initialWindowSize = 100
        var h = H.connected(settings: settings)
        h.open(1)
        h.message(1, size: 1, flags: .endStream)
        _ = h.takeActions()
        let response = EchoMessage(payload: H.payload(148))  // 151 bytes encoded
        h.machine.finish(stream: 1, response: response, now: h.now, frames: &h.output, actions: &h.actions)
        var frames = h.takeFrames()
        #expect(frames.map(\.type) == [.message])
        #expect(frames.map(\.flags) == [.more])
        #expect(frames.map(\.payload.readableBytes) == [100])
        #expect(h.takeActions().isEmpty)

        h.send(.windowUpdate, stream: 1, payload: [0, 0, 0, 30])
        frames = h.takeFrames()
        #expect(frames.map(\.payload.readableBytes) == [30])
        #expect(frames.map(\.flags) == [.more])

        h.send(.windowUpdate, stream: 1, payload: [0, 0, 0, 100])
        frames = h.takeFrames()
        #expect(frames.map(\.type) == [.message, .trailers])
        #expect(frames.map(\.payload.readableBytes) == [21, 0])
        #expect(frames[0].flags == [])
        #expect(h.takeActions() == ["finished 1 OK"])
        #expect(h.budget.buffered == 0)
    }

    /// §2.3: a stream keeps the send credit it started with; §3.2.3: no frame exceeds the
    /// client's maximumFrameSize (at least 16,384).
    @Test func responsesAreCutToTheClientsFrameSize() {
        var settings = Settings()
        settings.maximumFrameSize = 1_000  // read as 16,384
        var h = H.connected(settings: settings)
        h.open(1)
        h.message(1, size: 1, flags: .endStream)
        h.machine.finish(stream: 1, response: EchoMessage(payload: H.payload(20_000)), now: h.now, frames: &h.output, actions: &h.actions)
        let frames = h.takeFrames()
        #expect(frames.map(\.type) == [.message, .message, .trailers])
        #expect(frames.map(\.payload.readableBytes) == [16_384, 20_004 - 16_384, 0])
    }

    /// §9: a zero-length message may always be sent; a message that does not fit waits.
    @Test func aZeroLengthResponseFitsAnEmptyWindow() throws {
        var settings = Settings()
        settings.initialWindowSize = 4
        var h = H.connected(settings: settings)
        h.open(1, "t.T/Bidi")
        #expect(try h.machine.trySend(stream: 1, EchoMessage(text: "hi"), frames: &h.output))
        #expect(try !h.machine.trySend(stream: 1, EchoMessage(text: "x"), frames: &h.output))
        #expect(try h.machine.trySend(stream: 1, EchoMessage(), frames: &h.output))
        #expect(h.takeFrames().map(\.payload.readableBytes) == [4, 0])
    }

    /// §9: a handler's `send` that does not fit waits, and is let go once its message is out.
    @Test func aWaitingWriterIsResumedWhenItsMessageHasGone() {
        var settings = Settings()
        settings.initialWindowSize = 100
        var h = H.connected(settings: settings)
        h.open(1, "t.T/Bidi")
        _ = h.takeActions()
        let outcome = h.machine.sendOrWait(stream: 1, ByteBuffer(bytes: H.payload(150)), now: h.now, frames: &h.output, actions: &h.actions)
        guard case .waiting = outcome else {
            Issue.record("expected to wait, got \(outcome)")
            return
        }
        #expect(h.machine.streams[1]?.heldBytes == 50)
        #expect(h.budget.buffered == 50)
        h.machine.finish(stream: 1, trailers: Trailers(code: .ok), now: h.now, frames: &h.output, actions: &h.actions)
        #expect(h.takeFrames().map(\.type) == [.message], "TRAILERS OK waits for the queued message")
        h.send(.windowUpdate, stream: 1, payload: [0, 0, 0, 50])
        let frames = h.takeFrames()
        #expect(frames.map(\.type) == [.message, .trailers])
        #expect(h.takeActions() == ["resume writer 1", "finished 1 OK"])
        #expect(h.budget.buffered == 0)
    }

    /// §8: an error ends the call at once, whatever waits to be sent.
    @Test func anErrorDoesNotWaitForQueuedMessages() {
        var settings = Settings()
        settings.initialWindowSize = 10
        var h = H.connected(settings: settings)
        h.open(1, "t.T/Bidi")
        _ = h.takeActions()
        _ = h.machine.sendOrWait(stream: 1, ByteBuffer(bytes: H.payload(50)), now: h.now, frames: &h.output, actions: &h.actions)
        _ = h.takeFrames()
        h.machine.finish(stream: 1, trailers: Trailers(code: .internal, message: "boom"), now: h.now, frames: &h.output, actions: &h.actions)
        #expect(H.trailers(1, in: h.takeFrames())?.status == .internal)
        #expect(h.budget.buffered == 0)
    }

    /// §9: a waiting writer cancelled by its task is no longer resumed.
    @Test func aCancelledWriterIsForgotten() {
        var settings = Settings()
        settings.initialWindowSize = 1
        var h = H.connected(settings: settings)
        h.open(1, "t.T/Bidi")
        _ = h.takeActions()
        _ = h.machine.sendOrWait(stream: 1, ByteBuffer(bytes: H.payload(5)), now: h.now, frames: &h.output, actions: &h.actions)
        #expect(h.machine.writerCancelled(stream: 1) == H.Call(id: 1))
        #expect(h.machine.writerCancelled(stream: 1) == nil)
        h.send(.windowUpdate, stream: 1, payload: [0, 0, 0, 10])
        #expect(h.takeActions().isEmpty)
    }

    /// §9 (the other direction): while the socket takes no more, responses wait even with
    /// credit; once it does, they go.
    @Test func responsesWaitForTheSocket() {
        var h = H.connected()
        h.open(1)
        h.message(1, size: 1, flags: .endStream)
        _ = h.takeActions()
        h.machine.writable = false
        h.machine.finish(stream: 1, response: EchoMessage(text: "hi"), now: h.now, frames: &h.output, actions: &h.actions)
        #expect(h.takeBytes().isEmpty)
        #expect(h.machine.streamsWaitingToSend == [1])
        h.machine.writable = true
        h.machine.drain(stream: 1, now: h.now, frames: &h.output, actions: &h.actions)
        #expect(h.takeBytes() == hex("00000004 02 00 00000001 12026869 00000000 03 00 00000001"))
        #expect(h.machine.streamsWaitingToSend.isEmpty)
    }

    /// §9: credit adds up, saturating at 2^31 − 1.
    @Test func creditSaturates() {
        var h = H.connected()
        h.open(1, "t.T/Bidi")
        h.send(.windowUpdate, stream: 1, payload: [0xff, 0xff, 0xff, 0xff])
        h.send(.windowUpdate, stream: 1, payload: [0xff, 0xff, 0xff, 0xff])
        #expect(h.machine.streams[1]?.send.window == Int(Int32.max))
    }
}
