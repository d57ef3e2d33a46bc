import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// Each frame type's rules and the streams' states at the server, byte by byte: SPEC.md §3.2, §3.3.
@Suite("Server machine: frame types and streams (SPEC.md §3.2, §3.3)", .timeLimit(.minutes(1)))
struct ServerMachineFrameRuleTests {
    typealias H = ServerMachineHarness

    private func expectConnectionError(_ h: inout H, containing text: String, lastStreamID: UInt32,
                                       sourceLocation: SourceLocation = #_sourceLocation) {
        let goAway = H.goAway(in: h.takeFrames())
        #expect(goAway?.status == .internal, sourceLocation: sourceLocation)
        #expect(goAway?.message.contains(text) == true, "\(goAway?.message ?? "no GOAWAY")", sourceLocation: sourceLocation)
        #expect(goAway?.lastStreamID == lastStreamID, sourceLocation: sourceLocation)
        #expect(h.takeActions().suffix(2) == ["protocol error", "close"], sourceLocation: sourceLocation)
    }

    // MARK: HEADERS (§3.2.2, §3.3)

    /// §3.3: stream ids are odd; an even id or 0 is a connection error.
    @Test(arguments: [UInt32(0), 2, 4_294_967_294])
    func headersOnAnEvenStreamIsAConnectionError(_ stream: UInt32) {
        var h = H.connected()
        h.open(stream)
        expectConnectionError(&h, containing: "HEADERS on stream \(stream)", lastStreamID: 0)
    }

    /// §3.3: stream ids strictly increase; a HEADERS not above every id used is a connection error.
    @Test func headersOnAStreamNotAboveTheLastIsAConnectionError() {
        var h = H.connected()
        h.open(5, "t.T/ClientStream")
        h.open(3, "t.T/ClientStream")
        expectConnectionError(&h, containing: "HEADERS on stream 3", lastStreamID: 5)
        var again = H.connected()
        again.open(5, "t.T/ClientStream")
        again.open(5, "t.T/ClientStream")
        expectConnectionError(&again, containing: "HEADERS on stream 5", lastStreamID: 5)
    }

    /// §3.3: 2^32 − 1 is the largest stream id and carries a call.
    @Test func theLargestStreamIdCarriesACall() {
        var h = H.connected()
        h.open(.max)
        h.message(.max, size: 1, flags: .endStream)
        #expect(h.takeActions() == ["start 4294967295 request 1"])
    }

    /// §8: HEADERS that do not decode are a connection error (GOAWAY INTERNAL), its stream counted.
    @Test func undecodableHeadersAreAConnectionError() {
        var h = H.connected()
        h.send(.headers, stream: 1, payload: [0x0a, 0x05, 0x41])  // a string field cut short
        expectConnectionError(&h, containing: "malformed HEADERS", lastStreamID: 1)
    }

    /// §8: HEADERS above maximumMetadataSize: TRAILERS RESOURCE_EXHAUSTED on that stream, and
    /// the connection goes on.
    @Test func headersAboveTheMetadataLimitAreRefusedOnTheirStream() {
        var h = H.connected()
        let headers = CallHeaders(method: "t.T/Unary", metadata: [MetadataEntry("big", String(repeating: "x", count: 16_384))])
        h.receive(H.frame(.headers, stream: 1, message: headers))
        let frames = h.takeFrames()
        #expect(frames.map(\.type) == [.trailers])
        #expect(H.trailers(1, in: frames)?.status == .resourceExhausted)
        #expect(H.trailers(1, in: frames)?.message.contains("16384") == true)
        h.open(3)
        h.message(3, size: 1, flags: .endStream)
        #expect(h.takeActions() == ["start 3 request 1"])
    }

    /// §3.2.2: END_STREAM on HEADERS is a half-close at once: a unary call is then without its
    /// request (INVALID_ARGUMENT, §8); a client stream's handler starts and sees its end (§5.4).
    @Test func endStreamOnHeadersHalfCloses() {
        var h = H.connected()
        h.open(1, flags: .endStream)
        #expect(H.trailers(1, in: h.takeFrames())?.status == .invalidArgument)
        #expect(h.takeActions() == ["abandon 1 INVALID_ARGUMENT", "finished 1 INVALID_ARGUMENT"])

        h.open(3, "t.T/ClientStream", flags: .endStream)
        #expect(h.takeActions() == ["start 3 request none", "requests ended 3"])
        #expect(h.takeBytes().isEmpty)
    }

    // MARK: MESSAGE (§3.2.3)

    /// §3.2.3: END_STREAM with MORE is a contradiction and a connection error.
    @Test func aMessageWithEndStreamAndMoreIsAConnectionError() {
        var h = H.connected()
        h.open(1, "t.T/ClientStream")
        _ = h.takeActions()
        h.message(1, size: 10, flags: [.endStream, .more])
        expectConnectionError(&h, containing: "END_STREAM and MORE", lastStreamID: 1)
    }

    /// §3.2.3: fragments are joined in order into one message.
    @Test func fragmentsAreJoinedInOrder() {
        var h = H.connected()
        h.open(1)
        h.receive(H.frame(.message, flags: .more, stream: 1, payload: [1, 2, 3]))
        h.receive(H.frame(.message, flags: .more, stream: 1, payload: [4]))
        h.receive(H.frame(.message, flags: .endStream, stream: 1, payload: [5, 6]))
        guard case .startHandler(_, let request?) = h.actions.first else {
            Issue.record("no handler started: \(h.takeActions())")
            return
        }
        #expect(Array(request.readableBytesView) == [1, 2, 3, 4, 5, 6])
    }

    /// §3.2.3: a zero-length MESSAGE is a whole (all-default) message.
    @Test func aZeroLengthMessageIsWhole() {
        var h = H.connected()
        h.open(1)
        h.message(1, size: 0, flags: .endStream)
        #expect(h.takeActions() == ["start 1 request 0"])
        h.open(3, "t.T/Bidi")
        h.message(3, size: 0)
        #expect(h.takeActions() == ["start 3 request none", "deliver 3 0 credit 0"])
    }

    // MARK: TRAILERS, CANCEL (§3.2.4, §3.2.5, §6.2)

    /// §3.2.4: TRAILERS from a client is a connection error.
    @Test func trailersFromAClientAreAConnectionError() {
        var h = H.connected()
        h.open(1)
        h.send(.trailers, stream: 1)
        expectConnectionError(&h, containing: "TRAILERS from a client", lastStreamID: 1)
    }

    /// §3.2.5, §6.2: CANCEL ends the call with its code and the server sends nothing more on the
    /// stream, not even TRAILERS. An empty payload, one that does not decode, and an explicit 0
    /// all mean CANCELLED.
    @Test(arguments: [
        ([UInt8](), StatusCode.cancelled), ([0xff], .cancelled), ([0x08, 0x00], .cancelled),
        (CancelReason(code: .deadlineExceeded).wireBytes(), .deadlineExceeded),
    ])
    func cancelEndsTheCallWithoutTrailers(_ payload: [UInt8], _ code: StatusCode) {
        var h = H.connected()
        h.open(1, "t.T/ClientStream")
        _ = h.takeActions()
        h.send(.cancel, stream: 1, payload: payload)
        #expect(h.takeActions() == ["abandon 1 \(code)", "finished 1 \(code)"])
        #expect(h.takeBytes().isEmpty)
        #expect(h.machine.streams.isEmpty)
        #expect(h.budget.runningCalls == 0)
    }

    /// §6.2: after CANCEL, frames that still arrive for the stream are ignored; CANCEL for a
    /// stream that is not open is ignored.
    @Test func framesAfterCancelAndCancelOfUnopenedStreamsAreIgnored() {
        var h = H.connected()
        h.open(1, "t.T/ClientStream")
        h.send(.cancel, stream: 1)
        _ = h.takeActions()
        h.message(1, size: 4)
        h.send(.endStream, stream: 1)
        h.send(.windowUpdate, stream: 1, payload: [0, 0, 1, 0])
        h.send(.cancel, stream: 1)
        h.send(.cancel, stream: 9)
        #expect(h.takeActions().isEmpty)
        #expect(h.takeBytes().isEmpty)
        #expect(!h.machine.closed)
    }

    // MARK: PING (§3.2.6, §10.1)

    /// §3.2.6: a PING is answered with ACK and the same 8 bytes; an ACK is not answered.
    @Test func aPingIsAnsweredWithTheSameBytes() {
        var h = H.connected()
        h.receive(hex("00000008 05 00 00000000 0102030405060708"))
        #expect(h.takeBytes() == hex("00000008 05 01 00000000 0102030405060708"))
        h.receive(hex("00000008 05 01 00000000 0102030405060708"))
        #expect(h.takeBytes().isEmpty)
        #expect(h.takeActions().isEmpty)
    }

    /// §3.2.6: a PING on another stream, or of another length (with or without ACK), is a
    /// connection error.
    @Test(arguments: [(UInt32(0), 0, FrameFlags()), (0, 4, FrameFlags()), (0, 12, FrameFlags()), (0, 7, FrameFlags.ack), (1, 8, FrameFlags())])
    func aMisshapenPingIsAConnectionError(_ stream: UInt32, _ length: Int, _ flags: FrameFlags) {
        var h = H.connected()
        h.send(.ping, flags: flags, stream: stream, payload: [UInt8](repeating: 9, count: length))
        expectConnectionError(&h, containing: "PING", lastStreamID: 0)
    }

    // MARK: GOAWAY from the client (§3.2.7, §10.2)

    /// §10.2: a client's GOAWAY: no new calls; the connection closes when the last call ends.
    @Test func aClientsGoAwayClosesWhenTheLastCallEnds() {
        var idle = H.connected()
        idle.receive(H.frame(.goAway, stream: 0, message: GoAway(lastStreamID: 0, code: .ok)))
        #expect(idle.takeActions() == ["close"])

        var h = H.connected()
        h.open(1, "t.T/ClientStream")
        _ = h.takeActions()
        h.receive(H.frame(.goAway, stream: 0, message: GoAway(lastStreamID: 0, code: .ok)))
        #expect(h.takeActions().isEmpty)
        h.open(3, "t.T/ClientStream")  // ignored: no TRAILERS, no call
        #expect(h.takeBytes().isEmpty)
        h.machine.finish(stream: 1, trailers: Trailers(code: .ok), now: h.now, frames: &h.output, actions: &h.actions)
        #expect(h.takeActions() == ["finished 1 OK", "close"])
    }

    // MARK: WINDOW_UPDATE (§3.2.8)

    /// §3.2.8: a WINDOW_UPDATE payload is exactly 4 bytes.
    @Test(arguments: [0, 3, 5])
    func aWindowUpdateOfAnotherLengthIsAConnectionError(_ length: Int) {
        var h = H.connected()
        h.send(.windowUpdate, stream: 1, payload: [UInt8](repeating: 1, count: length))
        expectConnectionError(&h, containing: "malformed WINDOW_UPDATE", lastStreamID: 0)
    }

    /// §3.2.8: credit for a stream that is not open, or for stream 0, is ignored.
    @Test func creditForStreamsNotOpenIsIgnored() {
        var h = H.connected()
        for stream in [UInt32(0), 1, 9] { h.send(.windowUpdate, stream: stream, payload: [0, 0, 0, 1]) }
        #expect(h.takeBytes().isEmpty)
        #expect(h.takeActions().isEmpty)
        #expect(!h.machine.closed)
    }

    // MARK: END_STREAM (§3.2.9, §5.6) and streams (§3.3)

    /// §3.2.9, §5.6: the END_STREAM frame half-closes; a second half-close is ignored.
    @Test func theEndStreamFrameHalfClosesOnce() {
        var h = H.connected()
        h.open(1, "t.T/ClientStream")
        h.message(1, size: 2)
        h.send(.endStream, stream: 1)
        h.send(.endStream, stream: 1)
        #expect(h.takeActions() == ["start 1 request none", "deliver 1 2 credit 2", "requests ended 1"])
    }

    /// §3.3, §8: MESSAGE or END_STREAM on a stream above every one opened is a connection error;
    /// on a stream that was opened and has ended, it is a late frame and ignored.
    @Test func framesForStreamsNeverOpenedAreConnectionErrors() {
        var h = H.connected()
        h.open(1)
        h.message(1, size: 1, flags: .endStream)
        h.machine.finish(stream: 1, trailers: Trailers(code: .ok), now: h.now, frames: &h.output, actions: &h.actions)
        _ = h.takeFrames()
        _ = h.takeActions()
        h.message(1, size: 1, flags: .endStream)
        h.send(.endStream, stream: 1)
        #expect(h.takeBytes().isEmpty)
        #expect(h.takeActions().isEmpty)

        h.send(.endStream, stream: 7)
        expectConnectionError(&h, containing: "END_STREAM on unopened stream 7", lastStreamID: 1)

        var other = H.connected()
        other.message(3, size: 1)
        expectConnectionError(&other, containing: "MESSAGE on unopened stream 3", lastStreamID: 0)
    }
}
