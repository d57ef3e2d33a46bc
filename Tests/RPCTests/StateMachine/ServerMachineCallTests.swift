import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// Calls from HEADERS to TRAILERS at the server, and their deadlines, byte by byte: SPEC.md §5, §6.1.
@Suite("Server machine: call lifecycle and deadlines (SPEC.md §5, §6.1)", .timeLimit(.minutes(1)))
struct ServerMachineCallTests {
    typealias H = ServerMachineHarness

    /// §5.2: a unary handler starts only when the request is whole and the client has half-closed;
    /// its answer is one MESSAGE and TRAILERS OK, in one write (vector `trailers_ok`).
    @Test func aUnaryCallStartsOnItsHalfCloseAndEndsWithTrailersOK() {
        var h = H.connected()
        h.open(1)
        h.message(1, size: 5)
        #expect(h.takeActions().isEmpty, "the request is whole but the client has not half-closed")
        h.send(.endStream, stream: 1)
        #expect(h.takeActions() == ["start 1 request 5"])

        h.machine.finish(stream: 1, response: EchoMessage(text: "hi"), now: h.now, frames: &h.output, actions: &h.actions)
        #expect(h.takeBytes() == hex("00000004 02 00 00000001 12026869") + hex("00000000 03 00 00000001"))
        #expect(h.takeActions() == ["finished 1 OK"])
        #expect(h.machine.streams.isEmpty)
        #expect(h.budget.runningCalls == 0)
    }

    /// §3.2.2, §6.3: HEADERS naming the method of the last accepted call again, with no metadata
    /// but a request id of 16 lower-case hex digits, are read in the usual call's form
    /// (Protocol/Sources/Frames/UsualCallHeaders.swift) — with the same meaning as in full; any
    /// other HEADERS in full. A refused method does not become the usual one.
    @Test func headersLikeTheLastAcceptedCallsAreReadWithoutStrings() {
        var h = H.connected()
        let id = [MetadataEntry(MetadataKey.requestID, "00000000075bcd15")]
        let sent: [CallHeaders] = [
            CallHeaders(method: "t.T/Unary", metadata: id),                       // 1: the first call, in full
            CallHeaders(method: "t.T/Unary", timeoutMicroseconds: 9, metadata: id), // 3: usual
            CallHeaders(method: "t.T/Unary"),                                    // 5: usual, no id
            CallHeaders(method: "t.T/Nope", metadata: id),                       // 7: refused
            CallHeaders(method: "t.T/Unary", metadata: id),                      // 9: usual still
            CallHeaders(method: "t.T/Unary", metadata: id + [MetadataEntry(MetadataKey.acceptLanguage, "zh")]), // 11: in full
            CallHeaders(method: "t.T/Unary", metadata: [MetadataEntry(MetadataKey.requestID, "req-42")]),       // 13: in full
            CallHeaders(method: "t.T/Bidi", metadata: id),                       // 15: in full, and now the usual one
            CallHeaders(method: "t.T/Bidi", metadata: id),                       // 17: usual
            CallHeaders(method: "t.T/Unary", metadata: id),                      // 19: in full
        ]
        for (index, headers) in sent.enumerated() {
            h.receive(H.frame(.headers, stream: UInt32(2 * index + 1), message: headers))
        }
        #expect(h.openedUsual == [3, 5, 9, 17])
        #expect(h.opened.map(\.0) == [1, 3, 5, 9, 11, 13, 15, 17, 19])
        let accepted = sent.enumerated().filter { $0.element.method != "t.T/Nope" }.map(\.element)
        #expect(h.opened.map(\.1) == accepted, "the usual form reads as the full one")
    }

    /// §5.2, §8: a second request on a unary or server-streaming call: TRAILERS INVALID_ARGUMENT.
    @Test(arguments: ["t.T/Unary", "t.T/ServerStream"])
    func aSecondRequestIsInvalid(_ method: String) {
        var h = H.connected()
        h.open(1, method)
        h.message(1, size: 3)
        h.message(1, size: 3, flags: .endStream)
        let trailers = H.trailers(1, in: h.takeFrames())
        #expect(trailers?.status == .invalidArgument)
        #expect(trailers?.message.contains("more than one request message") == true)
        #expect(h.takeActions() == ["abandon 1 INVALID_ARGUMENT", "finished 1 INVALID_ARGUMENT"])
    }

    /// §5.2, §8: a half-close without a request: TRAILERS INVALID_ARGUMENT.
    @Test func aHalfCloseWithoutARequestIsInvalid() {
        var h = H.connected()
        h.open(1, "t.T/ServerStream")
        h.send(.endStream, stream: 1)
        let trailers = H.trailers(1, in: h.takeFrames())
        #expect(trailers?.status == .invalidArgument)
        #expect(trailers?.message == "the call ended without its request message")
    }

    /// §5.4: a client-streaming handler starts at HEADERS and gets each request as it arrives,
    /// then the end of the stream; a MESSAGE after the half-close is INVALID_ARGUMENT (§13).
    @Test func aClientStreamDeliversRequestsAsTheyCome() {
        var h = H.connected()
        h.open(1, "t.T/ClientStream")
        #expect(h.takeActions() == ["start 1 request none"])
        h.message(1, size: 4)
        h.message(1, size: 7, flags: .endStream)
        #expect(h.takeActions() == ["deliver 1 4 credit 4", "deliver 1 7 credit 7", "requests ended 1"])
        h.message(1, size: 1)
        let trailers = H.trailers(1, in: h.takeFrames())
        #expect(trailers?.status == .invalidArgument)
        #expect(trailers?.message == "a message after the client's end of stream")
        #expect(h.takeActions() == ["abandon 1 INVALID_ARGUMENT", "finished 1 INVALID_ARGUMENT"])
    }

    /// §5.4, §5.5: the server may end a call before the client half-closes; the client's frames
    /// that cross its TRAILERS are ignored (§3.3).
    @Test func theServerMayEndACallBeforeTheClientHalfCloses() {
        var h = H.connected()
        h.open(1, "t.T/Bidi")
        _ = h.takeActions()
        h.machine.finish(stream: 1, trailers: Trailers(code: .ok), now: h.now, frames: &h.output, actions: &h.actions)
        #expect(h.takeBytes() == hex("00000000 03 00 00000001"))
        #expect(h.takeActions() == ["finished 1 OK"])
        h.message(1, size: 3)
        h.send(.endStream, stream: 1)
        #expect(h.takeBytes().isEmpty)
        #expect(h.takeActions().isEmpty)
    }

    /// §5.3: a server stream's messages go as written, then TRAILERS.
    @Test func aServerStreamSendsItsMessagesThenTrailers() throws {
        var h = H.connected()
        h.open(1, "t.T/ServerStream")
        h.message(1, size: 0, flags: .endStream)
        _ = h.takeActions()
        #expect(try h.machine.trySend(stream: 1, EchoMessage(text: "hi"), frames: &h.output))
        #expect(try h.machine.trySend(stream: 1, EchoMessage(text: "hi", count: 1), frames: &h.output))
        h.machine.finish(stream: 1, trailers: Trailers(code: .ok), now: h.now, frames: &h.output, actions: &h.actions)
        #expect(h.takeBytes() == hex("00000004 02 00 00000001 12026869 00000006 02 00 00000001 120268691801 00000000 03 00 00000001"))
        #expect(throws: RPCError.self) { try h.machine.trySend(stream: 1, EchoMessage(), frames: &h.output) }
    }

    /// §6.1: the deadline counts from receipt; when it passes, the handler is stopped and the
    /// client gets TRAILERS DEADLINE_EXCEEDED. The machine reports the next deadline left.
    @Test func aPassedDeadlineEndsTheCall() {
        var h = H.connected()
        let start = h.now
        h.open(1, "t.T/ClientStream", timeoutMicroseconds: 1_000)
        h.open(3, "t.T/ClientStream", timeoutMicroseconds: 5_000)
        h.open(5, "t.T/ClientStream")
        _ = h.takeActions()
        #expect(h.machine.expireDeadlines(now: start + 999_999, frames: &h.output, actions: &h.actions) == start + 1_000_000)
        #expect(h.takeActions().isEmpty)
        #expect(h.machine.expireDeadlines(now: start + 1_000_000, frames: &h.output, actions: &h.actions) == start + 5_000_000)
        let trailers = H.trailers(1, in: h.takeFrames())
        #expect(trailers?.status == .deadlineExceeded)
        #expect(trailers?.message == "the deadline passed before the call finished")
        #expect(h.takeActions() == ["abandon 1 DEADLINE_EXCEEDED", "finished 1 DEADLINE_EXCEEDED"])
        #expect(h.machine.expireDeadlines(now: start + 6_000_000, frames: &h.output, actions: &h.actions) == nil)
        #expect(h.machine.streams.keys.sorted() == [5], "a call without a deadline is not ended by one")
    }

    /// §8: a handler's answer for a call already over (cancelled, expired) goes nowhere.
    @Test func answersForEndedCallsAreDropped() {
        var h = H.connected()
        h.open(1, "t.T/ClientStream")
        h.send(.cancel, stream: 1)
        _ = h.takeActions()
        h.machine.finish(stream: 1, response: EchoMessage(text: "late"), now: h.now, frames: &h.output, actions: &h.actions)
        h.machine.finish(stream: 1, trailers: Trailers(code: .internal), now: h.now, frames: &h.output, actions: &h.actions)
        let outcome = h.machine.sendOrWait(stream: 1, ByteBuffer(bytes: [1]), now: h.now, frames: &h.output, actions: &h.actions)
        guard case .failed(let error) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(error.code == .cancelled)
        #expect(h.takeBytes().isEmpty)
        #expect(h.takeActions().isEmpty)
    }

    /// §8: when the connection goes, every open call fails with UNAVAILABLE and gives back what
    /// it held.
    @Test func closingTheConnectionFailsEveryCall() {
        var h = H.connected()
        h.open(1, "t.T/ClientStream")
        h.open(3)
        _ = h.takeActions()
        h.machine.connectionClosed(now: h.now, actions: &h.actions)
        #expect(Set(h.takeActions()) == ["abandon 1 UNAVAILABLE", "finished 1 UNAVAILABLE", "abandon 3 UNAVAILABLE", "finished 3 UNAVAILABLE"])
        #expect(h.budget.runningCalls == 0)
        #expect(h.machine.closed)
    }
}
