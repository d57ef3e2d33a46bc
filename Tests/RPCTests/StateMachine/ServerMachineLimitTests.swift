import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// The server's limits and timeouts, GOAWAY and draining, byte by byte: SPEC.md §8, §10.2.
@Suite("Server machine: limits, timeouts, GOAWAY and draining (SPEC.md §8, §10.2)", .timeLimit(.minutes(1)))
struct ServerMachineLimitTests {
    typealias H = ServerMachineHarness

    // MARK: Limits (§8)

    /// §8: past maximumConcurrentStreams the new stream gets TRAILERS RESOURCE_EXHAUSTED; a
    /// slot that frees up takes the next call.
    @Test func callsPastTheConcurrentStreamLimitAreRefused() {
        var h = H.connected { $0.maximumConcurrentStreams = 2 }
        h.open(1, "t.T/ClientStream")
        h.open(3, "t.T/ClientStream")
        h.open(5, "t.T/ClientStream")
        let trailers = H.trailers(5, in: h.takeFrames())
        #expect(trailers?.status == .resourceExhausted)
        #expect(trailers?.message == "more than 2 concurrent calls")
        #expect(h.takeActions() == ["start 1 request none", "start 3 request none"])
        h.send(.cancel, stream: 1)
        h.open(7, "t.T/ClientStream")
        #expect(h.takeActions() == ["abandon 1 CANCELLED", "finished 1 CANCELLED", "start 7 request none"])
    }

    /// §8: past the server's call limit (all connections together) the new stream gets TRAILERS
    /// RESOURCE_EXHAUSTED; the slot comes back when a call ends.
    @Test func callsPastTheServersCallLimitAreRefused() {
        var h = H.connected { $0.maximumCalls = 1 }
        h.open(1, "t.T/ClientStream")
        h.open(3, "t.T/ClientStream")
        let trailers = H.trailers(3, in: h.takeFrames())
        #expect(trailers?.status == .resourceExhausted)
        #expect(trailers?.message == "the server is running its limit of 1 calls")
        #expect(h.budget.runningCalls == 1)
        h.send(.cancel, stream: 1)
        #expect(h.budget.runningCalls == 0)
        h.open(5, "t.T/ClientStream")
        #expect(h.budget.runningCalls == 1)
    }

    /// §8: a message (all fragments together) above maximumMessageSize: TRAILERS
    /// RESOURCE_EXHAUSTED as soon as a fragment passes it; the connection goes on.
    @Test func aMessageAboveTheLimitIsRefusedAsItsFragmentsArrive() {
        var h = H.connected { $0.maximumMessageSize = 100 }
        h.open(1)
        h.message(1, size: 60, flags: .more)
        #expect(h.takeFrames().map(\.type) == [.windowUpdate])
        h.message(1, size: 60, flags: .more)
        let trailers = H.trailers(1, in: h.takeFrames())
        #expect(trailers?.status == .resourceExhausted)
        #expect(trailers?.message == "a message exceeds 100 bytes")
        #expect(h.takeActions() == ["abandon 1 RESOURCE_EXHAUSTED", "finished 1 RESOURCE_EXHAUSTED"])
        #expect(h.budget.buffered == 0)
        h.message(1, size: 10)  // the rest of it, late: ignored
        h.open(3)
        h.message(3, size: 100, flags: .endStream)
        #expect(h.takeActions() == ["start 3 request 100"])
    }

    /// §8: a partial message that would take the connection past its buffer limit ends its call
    /// with RESOURCE_EXHAUSTED; what it held is given back.
    @Test func partialMessagesAreBoundedPerConnection() {
        var h = H.connected { $0.maximumBufferedBytesPerConnection = 1_200 }
        h.open(1, "t.T/ClientStream")
        h.message(1, size: 400, flags: .more)  // held at the memory it takes: at least twice that
        let held = h.machine.bufferedBytes
        #expect(held >= 800 && held <= 1_200)
        h.open(3, "t.T/ClientStream")
        h.message(3, size: 200, flags: .more)
        let trailers = H.trailers(3, in: h.takeFrames())
        #expect(trailers?.status == .resourceExhausted)
        #expect(trailers?.message == "requests and responses held for this connection's calls would exceed 1200 bytes")
        #expect(h.machine.bufferedBytes == held)
        h.send(.cancel, stream: 1)
        #expect(h.machine.bufferedBytes == 0)
        #expect(h.budget.buffered == 0)
    }

    /// §8: the same for the server's limit over all its connections.
    @Test func partialMessagesAreBoundedPerServer() {
        var h = H.connected { $0.maximumBufferedBytes = 1_000 }
        h.open(1, "t.T/ClientStream")
        h.message(1, size: 600, flags: .more)
        let trailers = H.trailers(1, in: h.takeFrames())
        #expect(trailers?.status == .resourceExhausted)
        #expect(trailers?.message == "the server holds its limit of 1000 bytes for calls' requests and waiting responses")
        #expect(h.budget.buffered == 0)
    }

    /// §8: a response waiting for credit counts against the same limits; the call that would
    /// pass them ends with RESOURCE_EXHAUSTED and its writer learns why.
    @Test func waitingResponsesAreBounded() {
        var settings = Settings()
        settings.initialWindowSize = 10
        var h = H.connected(settings: settings) { $0.maximumBufferedBytesPerConnection = 100 }
        h.open(1, "t.T/Bidi")
        _ = h.takeActions()
        let outcome = h.machine.sendOrWait(stream: 1, ByteBuffer(bytes: H.payload(200)), now: h.now, frames: &h.output, actions: &h.actions)
        guard case .failed(let error) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(error.code == .resourceExhausted)
        #expect(H.trailers(1, in: h.takeFrames())?.status == .resourceExhausted)
        #expect(h.takeActions() == ["abandon 1 RESOURCE_EXHAUSTED", "finished 1 RESOURCE_EXHAUSTED"])
    }

    // MARK: Timeouts (§8)

    /// §8: a unary or server-streaming call whose request has not arrived whole within the
    /// request timeout gets TRAILERS DEADLINE_EXCEEDED, found by the sweep.
    @Test func theRequestTimeoutEndsACallWithoutItsRequest() {
        var h = H.connected { $0.requestTimeout = .seconds(30) }
        let start = h.now
        h.open(1)
        h.message(1, size: 10, flags: .more)
        _ = h.takeFrames()
        h.machine.sweep(now: start + 29_999_999_999, frames: &h.output, actions: &h.actions)
        #expect(h.takeBytes().isEmpty)
        h.machine.sweep(now: start + 30_000_000_000, frames: &h.output, actions: &h.actions)
        let trailers = H.trailers(1, in: h.takeFrames())
        #expect(trailers?.status == .deadlineExceeded)
        #expect(trailers?.message.contains("request timeout") == true)
        #expect(h.takeActions() == ["expired 1", "abandon 1 DEADLINE_EXCEEDED", "finished 1 DEADLINE_EXCEEDED"])
    }

    /// §8: a call without a deadline on which no frame went either way for the call idle
    /// timeout ends with DEADLINE_EXCEEDED; a frame resets the count; a call with a deadline is
    /// left to it.
    @Test func theCallIdleTimeoutEndsQuietCallsWithoutADeadline() {
        var h = H.connected { $0.callIdleTimeout = .seconds(10) }
        let start = h.now
        h.open(1, "t.T/ClientStream")
        h.open(3, "t.T/ClientStream", timeoutMicroseconds: 3_600_000_000)
        _ = h.takeActions()
        h.machine.sweep(now: start + 1, frames: &h.output, actions: &h.actions)  // active since HEADERS: now quiet
        h.now = start + 5_000_000_000
        h.message(1, size: 1)  // a frame: active again
        h.machine.sweep(now: start + 10_000_000_001, frames: &h.output, actions: &h.actions)
        #expect(h.takeBytes().isEmpty)
        h.machine.sweep(now: start + 20_000_000_001, frames: &h.output, actions: &h.actions)
        let trailers = H.trailers(1, in: h.takeFrames())
        #expect(trailers?.status == .deadlineExceeded)
        #expect(trailers?.message.contains("call idle timeout") == true)
        #expect(h.machine.streams.keys.sorted() == [3])
    }

    /// §8: a connection without calls for the idle timeout gets GOAWAY OK "idle" and closes.
    @Test func theIdleTimeoutSendsGoAwayAndCloses() {
        var h = H.connected { $0.idleTimeout = .seconds(300) }
        h.open(1)
        h.message(1, size: 1, flags: .endStream)
        h.now += 1_000_000_000
        h.machine.finish(stream: 1, trailers: Trailers(code: .ok), now: h.now, frames: &h.output, actions: &h.actions)
        _ = h.takeFrames()
        _ = h.takeActions()
        h.machine.sweep(now: h.now + 299_999_999_999, frames: &h.output, actions: &h.actions)
        #expect(h.takeBytes().isEmpty)
        h.machine.sweep(now: h.now + 300_000_000_000, frames: &h.output, actions: &h.actions)
        let goAway = H.goAway(in: h.takeFrames())
        #expect(goAway == GoAway(lastStreamID: 1, code: .ok, message: "idle"))
        #expect(h.takeActions() == ["flush", "close"])
    }

    /// §8: the sweep runs a few times per shortest timeout, never more often than every 50 ms.
    @Test func theSweepRunsAQuarterOfTheShortestTimeout() {
        #expect(H { $0.requestTimeout = .seconds(8) }.machine.limits.sweepIntervalNanoseconds == 2_000_000_000)
        #expect(H { $0.idleTimeout = .milliseconds(10) }.machine.limits.sweepIntervalNanoseconds == 50_000_000)
    }

    // MARK: GOAWAY and draining (§10.2)

    /// §10.2: the server's GOAWAY names the last stream it took; HEADERS above it are ignored
    /// (no TRAILERS) with all their frames; the calls below finish; then the connection closes.
    @Test func goAwayDrainsTheCallsInFlight() {
        var h = H.connected()
        h.open(1, "t.T/ClientStream")
        _ = h.takeActions()
        h.machine.goAway(.ok, message: "server shutting down", frames: &h.output, actions: &h.actions)
        #expect(H.goAway(in: h.takeFrames()) == GoAway(lastStreamID: 1, code: .ok, message: "server shutting down"))
        #expect(h.takeActions() == ["flush"])
        h.open(3)
        h.message(3, size: 5, flags: .endStream)
        h.send(.endStream, stream: 3)
        #expect(h.takeBytes().isEmpty)
        #expect(h.takeActions().isEmpty)
        #expect(!h.machine.closed)
        h.machine.goAway(.ok, message: "again", frames: &h.output, actions: &h.actions)
        #expect(h.takeBytes().isEmpty, "one GOAWAY")
        h.message(1, size: 2, flags: .endStream)
        #expect(h.takeActions() == ["deliver 1 2 credit 2", "requests ended 1"])
        h.machine.finish(stream: 1, response: EchoMessage(), now: h.now, frames: &h.output, actions: &h.actions)
        #expect(h.takeActions() == ["finished 1 OK", "close"])
    }

    /// §10.2: a GOAWAY on a connection without calls closes it at once.
    @Test func goAwayWithoutCallsCloses() {
        var h = H.connected()
        h.machine.goAway(.ok, message: "server shutting down", frames: &h.output, actions: &h.actions)
        #expect(h.takeActions() == ["flush", "close"])
        #expect(H.goAway(in: h.takeFrames())?.lastStreamID == 0)
    }

    /// §8, §10.2: lastStreamID counts refused calls too (the client must not retry them as unseen).
    @Test func lastStreamIDCountsRefusedCalls() {
        var h = H.connected()
        h.open(1, "t.T/Unknown")
        #expect(H.trailers(1, in: h.takeFrames())?.status == .unimplemented)
        h.send(.trailers, stream: 1)
        #expect(H.goAway(in: h.takeFrames())?.lastStreamID == 1)
    }
}
