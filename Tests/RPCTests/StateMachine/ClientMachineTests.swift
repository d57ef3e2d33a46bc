import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// The client's side of the protocol, byte by byte: SPEC.md §2.2–§10 as a client meets them.
@Suite("Client machine: SPEC.md §2–§10 at the client", .timeLimit(.minutes(1)))
struct ClientMachineTests {
    typealias C = ClientMachineHarness
    typealias H = ServerMachineHarness

    private func expectClosed(_ c: inout C, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(c.takeActions().suffix(2) == ["protocol error", "close"], sourceLocation: sourceLocation)
        #expect(c.takeBytes().isEmpty, "a client sends no GOAWAY (§8)", sourceLocation: sourceLocation)
        #expect(c.machine.closed, sourceLocation: sourceLocation)
    }

    // MARK: Start (§2.2, §2.3, §5.1)

    /// §2.2, §2.3: the preface, then the client's SETTINGS (vector `settings_client`).
    @Test func thePrefaceAndSettingsComeFirst() {
        var c = C()
        c.machine.start(frames: &c.output)
        #expect(c.takeBytes() == hex("4a43532f310d0a0a 00000015 00 00 00000000 080110808004186420808010288080800230808001"))
    }

    /// §5.2: a health check's first frames are the vectors of SPEC.md's example — in the usual
    /// call's form (Protocol/Sources/Frames/UsualCallHeaders.swift) as in the general one.
    @Test(arguments: [
        CallHeadersForm.general(CallHeaders(method: "jcskills.Health/Check", timeoutMicroseconds: 5_000_000,
                                            metadata: [MetadataEntry("request-id", "00000000075bcd15")])),
        CallHeadersForm.usual(UsualCallHeaders(method: "jcskills.Health/Check", timeoutMicroseconds: 5_000_000, requestID: 123_456_789)),
    ])
    func aUnaryCallIsHeadersAndOneMessageWithEndStream(headers: CallHeadersForm) {
        var c = C.connected()
        let outcome = c.machine.open(call: C.Call(id: 1), kind: .unary, headers: headers, request: HealthCheckRequest(), deadline: nil, frames: &c.output, actions: &c.actions)
        guard case .opened(1) = outcome else {
            Issue.record("not opened on stream 1: \(outcome)")
            return
        }
        #expect(c.takeBytes() == hex("""
            0000003c 01 00 00000001 0a156a63736b696c6c732e4865616c74682f436865636b10c096b102
            1a1e0a0a726571756573742d6964121030303030303030303037356263643135
            00000000 02 01 00000001
            """))
    }

    /// §2.3: until the server's SETTINGS arrives a client uses the defaults, and a stream keeps
    /// the credit it started with; the reference client applies every SETTINGS it receives.
    @Test func streamsKeepTheCreditTheyStartedWith() {
        var c = C()
        c.open(.bidirectionalStreaming)
        var settings = Settings()
        settings.initialWindowSize = 1_000
        c.send(.settings, stream: 0, message: settings)
        c.open(.bidirectionalStreaming)
        settings.initialWindowSize = 2_000
        c.send(.settings, stream: 0, message: settings)
        c.open(.bidirectionalStreaming)
        #expect(c.machine.streams[1]?.send.window == 65_536)
        #expect(c.machine.streams[3]?.send.window == 1_000)
        #expect(c.machine.streams[5]?.send.window == 2_000)
        #expect(!c.machine.closed)
    }

    /// §8: SETTINGS that do not decode close the connection.
    @Test func undecodableSettingsClose() {
        var c = C.connected()
        c.send(.settings, stream: 0, payload: [0x08])
        expectClosed(&c)
    }

    /// §3.1, §8: a frame above the client's maximumFrameSize closes the connection from its header.
    @Test func anOversizedFrameCloses() {
        var c = C.connected()
        c.receive(hex("00010001 02 00 00000001"))
        expectClosed(&c)
    }

    // MARK: Streams (§3.3)

    /// §3.3: ids are odd and increasing; after 2^32 − 3 the connection takes no new call.
    @Test func streamIdsAreOddAndIncreasingUntilTheyRunOut() {
        var c = C.connected()
        c.open(.bidirectionalStreaming)
        c.open(.bidirectionalStreaming)
        #expect(c.machine.streams.keys.sorted() == [1, 3])
        c.machine.nextStreamID = UInt32.max - 2
        guard case .opened(4_294_967_293) = c.open(.bidirectionalStreaming) else {
            Issue.record("the last id a client uses was not given")
            return
        }
        #expect(!c.machine.isUsable)
        guard case .unusable = c.open(.bidirectionalStreaming) else {
            Issue.record("a connection past its ids took a call")
            return
        }
    }

    /// §8, §13 note 5: past the server's maximumConcurrentStreams calls wait; a slot that frees
    /// up lets them start.
    @Test func callsPastTheServersLimitWait() {
        var settings = Settings()
        settings.maximumConcurrentStreams = 1
        var c = C.connected(settings: settings)
        c.open(.bidirectionalStreaming)
        guard case .full = c.open(.bidirectionalStreaming) else {
            Issue.record("a call past the limit was not held back")
            return
        }
        c.send(.trailers, stream: 1, message: Trailers(code: .ok))
        // Not half-closed: a later send learns that the call already finished.
        #expect(c.takeActions() == ["ended by server 1 OK", "responses ended 1", "start waiting calls"])
        #expect(c.machine.hasFreeSlot)
    }

    // MARK: Responses (§5, §3.2.4)

    /// §5.2: TRAILERS OK after the response gives it to the caller; without one it is INTERNAL.
    @Test func aUnaryCallEndsWithItsResponse() {
        var c = C.connected()
        c.open(.unary, request: EchoMessage(text: "a"))
        c.receive(hex("00000004 02 00 00000001 12026869 00000000 03 00 00000001"))
        #expect(c.takeActions() == ["succeed 1 4", "start waiting calls"])

        c.open(.unary, request: EchoMessage(text: "b"))
        c.send(.trailers, stream: 3, message: Trailers(code: .ok))
        #expect(c.takeActions() == ["response missing 3", "start waiting calls"])
    }

    /// §5.2, §6.2: a second response on a single-response call is INTERNAL, and the call is
    /// cancelled with CANCEL INTERNAL.
    @Test func aSecondResponseCancelsTheCall() {
        var c = C.connected()
        c.open(.unary, request: EchoMessage())
        _ = c.takeBytes()
        c.send(.message, stream: 1, payload: [])
        c.send(.message, stream: 1, payload: [])
        let frames = c.takeFrames()
        #expect(frames.map(\.type) == [.cancel])
        #expect((try? CancelReason(buffer: frames[0].payload))?.status == .internal)
        #expect(c.takeActions() == ["fail 1 INTERNAL", "start waiting calls"])
    }

    /// §3.2.4, §8: a TRAILERS error fails the call with its code, message and metadata; a caller
    /// still sending learns it; TRAILERS that do not decode close the connection.
    @Test func trailersWithAnErrorFailTheCall() {
        var c = C.connected()
        c.open(.clientStreaming)
        c.send(.trailers, stream: 1, message: Trailers(code: .resourceExhausted, message: "full"))
        #expect(c.takeActions() == ["ended by server 1 RESOURCE_EXHAUSTED", "fail 1 RESOURCE_EXHAUSTED", "start waiting calls"])
        c.open(.clientStreaming)
        _ = c.takeBytes()
        c.send(.trailers, stream: 3, payload: [0x10])
        expectClosed(&c)
    }

    /// §5.3: streamed responses go to the caller with their credit; TRAILERS OK ends them.
    @Test func streamedResponsesAreDeliveredWithTheirCredit() {
        var c = C.connected()
        c.open(.serverStreaming, request: EchoMessage())
        _ = c.takeBytes()
        c.send(.message, flags: .more, stream: 1, payload: [1, 2])
        c.send(.message, stream: 1, payload: [3])
        c.send(.trailers, stream: 1, message: Trailers(code: .ok))
        #expect(c.takeActions() == ["fragment 1 credit 2", "deliver 1 3 credit 1", "responses ended 1", "start waiting calls"])
        #expect(c.takeBytes().isEmpty)
    }

    /// §3.3: frames for a stream the client has closed are ignored.
    @Test func framesForEndedStreamsAreIgnored() {
        var c = C.connected()
        c.send(.message, stream: 7, payload: [1])
        c.send(.trailers, stream: 7)
        c.send(.cancel, stream: 7)
        c.send(.windowUpdate, stream: 7, payload: [0, 0, 0, 1])
        #expect(c.takeActions().isEmpty)
        #expect(!c.machine.closed)
    }

    // MARK: Half-close, cancellation, deadlines (§5.6, §6)

    /// §3.2.9, §5.6: half-close is the END_STREAM frame, once; no request goes after it.
    @Test func halfCloseIsTheEndStreamFrameOnce() {
        var c = C.connected()
        c.open(.clientStreaming)
        _ = c.takeBytes()
        c.machine.halfClose(stream: 1, frames: &c.output)
        c.machine.halfClose(stream: 1, frames: &c.output)
        #expect(c.takeBytes() == hex("00000000 08 00 00000001"))
        guard case .notActive = c.machine.send(stream: 1, ByteBuffer(bytes: [1]), frames: &c.output, actions: &c.actions) else {
            Issue.record("a request was taken after the half-close")
            return
        }
    }

    /// §6.2: a caller that gives up sends CANCEL CANCELLED and fails its call at once.
    @Test func cancellingSendsCancel() {
        var c = C.connected()
        c.open(.bidirectionalStreaming)
        _ = c.takeBytes()
        c.machine.cancel(stream: 1, frames: &c.output, actions: &c.actions)
        #expect(c.takeBytes() == H.frame(.cancel, stream: 1, message: CancelReason(code: .cancelled, message: "the client cancelled the call")).readableBytesView.map { $0 })
        #expect(c.takeActions() == ["fail 1 CANCELLED", "start waiting calls"])
    }

    /// §6.2: a server may end a call with CANCEL; its code (CANCELLED when empty or unreadable)
    /// fails the call.
    @Test(arguments: [([UInt8](), StatusCode.cancelled), ([0xff], .cancelled), (CancelReason(code: .aborted).wireBytes(), .aborted)])
    func aServersCancelFailsTheCall(_ payload: [UInt8], _ code: StatusCode) {
        var c = C.connected()
        c.open(.unary, request: EchoMessage())
        c.send(.cancel, stream: 1, payload: payload)
        #expect(c.takeActions() == ["fail 1 \(code)", "start waiting calls"])
    }

    /// §6.1: when the client's deadline passes it sends CANCEL DEADLINE_EXCEEDED and fails the
    /// call; the machine reports the next deadline.
    @Test func aPassedDeadlineCancelsTheCall() {
        var c = C.connected()
        c.open(.unary, request: EchoMessage(), deadline: c.now + 1_000)
        c.open(.unary, request: EchoMessage(), deadline: c.now + 5_000)
        _ = c.takeBytes()
        let next = c.machine.expireDeadlines(now: c.now + 1_000, frames: &c.output, actions: &c.actions)
        #expect(next == c.now + 5_000)
        let frames = c.takeFrames()
        #expect(frames.map(\.type) == [.cancel])
        #expect((try? CancelReason(buffer: frames[0].payload))?.status == .deadlineExceeded)
        #expect(c.takeActions() == ["fail 1 DEADLINE_EXCEEDED", "start waiting calls"])
    }

    // MARK: PING and keepalive (§3.2.6, §10.1)

    /// §3.2.6: a PING is answered with the same bytes; a misshapen one closes the connection.
    @Test func pingsAreAnsweredAndCheckedLikeTheServers() {
        var c = C.connected()
        c.receive(hex("00000008 05 00 00000000 0102030405060708"))
        #expect(c.takeBytes() == hex("00000008 05 01 00000000 0102030405060708"))
        c.send(.ping, stream: 0, payload: [1, 2, 3])
        expectClosed(&c)
    }

    /// §10.1: while calls are open and nothing was read for the interval, one PING (a counter)
    /// goes out and its ACK is awaited; an idle connection sends none.
    @Test func keepaliveSendsOnePingWhileCallsWait() {
        var c = C.connected()
        let interval: Int64 = 30_000_000_000
        c.machine.keepaliveTick(now: c.now + interval, intervalNanoseconds: interval, frames: &c.output, actions: &c.actions)
        #expect(c.takeBytes().isEmpty, "no calls, no PING")
        c.open(.bidirectionalStreaming)
        _ = c.takeBytes()
        c.machine.keepaliveTick(now: c.now + interval - 1, intervalNanoseconds: interval, frames: &c.output, actions: &c.actions)
        #expect(c.takeBytes().isEmpty, "read from recently")
        c.machine.keepaliveTick(now: c.now + interval, intervalNanoseconds: interval, frames: &c.output, actions: &c.actions)
        #expect(c.takeBytes() == hex("00000008 05 00 00000000 0000000000000001"))
        #expect(c.takeActions() == ["ping sent"])
        c.machine.keepaliveTick(now: c.now + 2 * interval, intervalNanoseconds: interval, frames: &c.output, actions: &c.actions)
        #expect(c.takeBytes().isEmpty, "one PING at a time")
        c.receive(hex("00000008 05 01 00000000 0000000000000001"))
        #expect(c.takeActions() == ["ping acknowledged"])
    }

    // MARK: Flow control and limits (§8, §9)

    /// §9: a MESSAGE beyond the window closes the connection; the one response's fragments have
    /// their credit back at once.
    @Test func theClientKeepsItsReceiveWindow() {
        var c = C.connected { $0.initialWindowSize = 10 }
        c.open(.unary, request: EchoMessage())
        _ = c.takeBytes()
        c.send(.message, flags: .more, stream: 1, payload: [UInt8](repeating: 1, count: 10))
        #expect(c.takeBytes() == hex("00000004 07 00 00000001 0000000a"))
        c.send(.message, stream: 1, payload: [UInt8](repeating: 1, count: 11))
        expectClosed(&c)
    }

    /// §8: a response above the client's maximumMessageSize: CANCEL RESOURCE_EXHAUSTED, the
    /// call fails, before the whole message is buffered.
    @Test func anOversizedResponseCancelsTheCall() {
        var c = C.connected { $0.maximumMessageSize = 100 }
        c.open(.unary, request: EchoMessage())
        _ = c.takeBytes()
        c.send(.message, flags: .more, stream: 1, payload: [UInt8](repeating: 1, count: 60))
        c.send(.message, flags: .more, stream: 1, payload: [UInt8](repeating: 1, count: 60))
        let frames = c.takeFrames()
        #expect(frames.map(\.type) == [.windowUpdate, .cancel])
        #expect((try? CancelReason(buffer: frames[1].payload))?.status == .resourceExhausted)
        #expect(c.takeActions() == ["fail 1 RESOURCE_EXHAUSTED", "start waiting calls"])
    }

    /// §9: a request larger than the server's credit goes in fragments as WINDOW_UPDATEs come,
    /// the caller waiting until it has gone; END_STREAM rides on the last frame.
    @Test func requestsWaitForTheServersCredit() {
        var settings = Settings()
        settings.initialWindowSize = 4
        var c = C.connected(settings: settings)
        c.open(.unary, request: EchoMessage(text: "hello"))  // 7 bytes
        var frames = c.takeFrames()
        #expect(frames.map(\.type) == [.headers, .message])
        #expect(frames[1].flags == .more)
        #expect(frames[1].payload.readableBytes == 4)
        c.send(.windowUpdate, stream: 1, payload: [0, 0, 0, 9])
        frames = c.takeFrames()
        #expect(frames.map(\.flags) == [.endStream])
        #expect(frames.map(\.payload.readableBytes) == [3])

        c.open(.clientStreaming)
        _ = c.takeBytes()
        guard case .waiting = c.machine.send(stream: 3, ByteBuffer(bytes: [1, 2, 3, 4, 5, 6]), frames: &c.output, actions: &c.actions) else {
            Issue.record("a request past the window did not wait")
            return
        }
        c.send(.windowUpdate, stream: 3, payload: [0, 0, 0, 2])
        #expect(c.takeActions() == ["resume writer 3"])
    }

    // MARK: GOAWAY (§10.2)

    /// §10.2: calls above the GOAWAY's lastStreamID fail as not processed (safe to retry); the
    /// rest finish; no new call is taken; the connection closes with the last.
    @Test func goAwayFailsTheCallsTheServerNeverSaw() {
        var c = C.connected()
        c.open(.bidirectionalStreaming)
        c.open(.bidirectionalStreaming)
        c.send(.goAway, stream: 0, message: GoAway(lastStreamID: 1, code: .ok, message: "server shutting down"))
        #expect(c.takeActions() == ["goaway received", "fail 3 UNAVAILABLE not processed", "start waiting calls"])
        #expect(!c.machine.isUsable)
        guard case .unusable = c.open(.bidirectionalStreaming) else {
            Issue.record("a call was opened after GOAWAY")
            return
        }
        c.send(.trailers, stream: 1, message: Trailers(code: .ok))
        #expect(c.takeActions() == ["ended by server 1 OK", "responses ended 1", "start waiting calls", "close"])
    }

    /// §8: when the connection goes, every open call fails with the reason.
    @Test func closingTheConnectionFailsEveryCall() {
        var c = C.connected()
        c.open(.bidirectionalStreaming)
        c.machine.connectionClosed(RPCError(.unavailable, "gone"), actions: &c.actions)
        #expect(c.takeActions() == ["fail 1 UNAVAILABLE"])
        #expect(c.machine.streams.isEmpty)
        #expect(!c.machine.isUsable)
    }
}
