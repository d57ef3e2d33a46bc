import JCSkillsProtocol
import NIOCore

/// The client's side of one connection (Protocol/SPEC.md §2–§10) as a state machine, the
/// counterpart of ``ServerConnectionStateMachine``: bytes, the callers' calls and messages and
/// timers go in; frames come out in the output buffer the caller passes, everything else as
/// ``ClientConnectionAction``s. No I/O, no clock, no task; ``ClientConnectionHandler`` drives it.
struct ClientConnectionStateMachine<Call> {
    typealias Action = ClientConnectionAction<Call>
    typealias Stream = ClientStreamState<Call>

    /// What this side advertises and enforces on what it receives (§2.3).
    let localSettings: Settings
    let wireLimits: WireLimits
    /// The server, as messages name it.
    let peerName: String
    var parser: FrameParser
    /// §2.3: the defaults until the server's SETTINGS arrives; calls may start before it.
    var peerSettings = Settings.protocolDefaults
    var streams: [UInt32: Stream] = [:]
    var nextStreamID: UInt32 = 1
    var goAwayReceived = false
    var closed = false
    /// Keepalive (§10.1): when something was last read, and whether a PING awaits its answer.
    var lastRead: Int64
    var pingOutstanding = false
    var pingsSent: UInt64 = 0

    init(localSettings: Settings, wireLimits: WireLimits, peerName: String, now: Int64) {
        self.localSettings = localSettings
        self.wireLimits = wireLimits
        self.peerName = peerName
        self.parser = FrameParser(maximumFrameSize: localSettings.maximumFrameSize)
        self.lastRead = now
    }

    /// §3.3: the last id it opens is 2^32 − 3: the next, 2^32 − 1, is the largest there is, and
    /// a counter past it would overflow; a new connection takes over.
    var isUsable: Bool { !closed && !goAwayReceived && nextStreamID < UInt32.max }

    /// §8, §13 note 5: past the server's concurrency limit, calls wait rather than be refused.
    var hasFreeSlot: Bool { streams.count < Int(peerSettings.maximumConcurrentStreams) }

    /// §2.2, §2.3: the preface, then this side's SETTINGS, before anything else.
    func start(frames: inout ByteBuffer) {
        frames.writeBytes(ConnectionPreface.bytes)
        frames.writeFrame(.settings, stream: 0, message: localSettings)
    }

    // MARK: Reading

    mutating func receive(_ bytes: ByteBuffer, now: Int64) {
        lastRead = now
        parser.append(bytes)
    }

    /// Handles the next whole frame received; false when none is buffered (or the connection is closed).
    mutating func processNextFrame(frames: inout ByteBuffer, actions: inout [Action]) -> Bool {
        guard !closed else { return false }
        do {
            guard let frame = try parser.next() else { return false }
            try handle(frame, frames: &frames, actions: &actions)
            return true
        } catch {
            // §8: a client detecting a violation just closes the connection.
            actions.append(.protocolError(error))
            close(actions: &actions)
            return false
        }
    }

    private mutating func handle(_ frame: Frame, frames: inout ByteBuffer, actions: inout [Action]) throws(FrameError) {
        switch frame.type {
        case .settings:
            // §2.3: the reference client applies each SETTINGS it receives.
            peerSettings = try FrameRules.settings(frame)
        case .message:
            try receiveMessage(frame, frames: &frames, actions: &actions)
        case .trailers:
            guard let stream = streams.removeValue(forKey: frame.streamID) else { return }
            let trailers: Trailers
            do {
                trailers = try Trailers(buffer: frame.payload, limits: wireLimits)
            } catch {
                throw .malformedPayload(.trailers, "\(error)")
            }
            complete(stream, trailers, actions: &actions)
        case .cancel:
            // §6.2: the server may end a call with CANCEL instead of TRAILERS.
            guard let stream = streams.removeValue(forKey: frame.streamID) else { return }
            let reason = (try? CancelReason(buffer: frame.payload)) ?? CancelReason()
            let error = RPCError(reason.status, reason.message.isEmpty ? "the server cancelled the call" : reason.message)
            remember(error, for: stream, actions: &actions)
            actions.append(.fail(stream.call, error, notProcessed: false))
            streamEnded(actions: &actions)
        case .windowUpdate:
            if let index = streams.creditReceived(try FrameRules.windowUpdateCredit(frame), stream: frame.streamID) {
                drain(at: index, frames: &frames, actions: &actions)
            }
        case .ping:
            try FrameRules.checkPing(frame)
            if frame.flags.contains(.ack) {
                pingOutstanding = false
                actions.append(.pingAcknowledged)
            } else {
                frames.writeFrame(.ping, flags: .ack, stream: 0, payload: frame.payload)
            }
        case .goAway:
            receiveGoAway(frame, actions: &actions)
        default:
            break  // §3.1: unknown frame types are ignored.
        }
    }

    private mutating func receiveMessage(_ frame: Frame, frames: inout ByteBuffer, actions: inout [Action]) throws(FrameError) {
        // §3.3: frames for a stream this side has closed are ignored.
        guard let index = streams.index(forKey: frame.streamID) else { return }
        let outcome: MessageAssembler.Outcome
        do {
            outcome = try streams.values[index].receive.receive(frame)
        } catch .windowExceeded {
            throw .unexpectedFrame("MESSAGE beyond the flow-control window")  // §9
        } catch {
            // §8: CANCEL RESOURCE_EXHAUSTED, detected before the whole message is buffered.
            let maximum = localSettings.maximumMessageSize
            return abandon(frame.streamID, RPCError(.resourceExhausted, "a response exceeds \(maximum) bytes"), frames: &frames, actions: &actions)
        }
        // The call is read only for the actions that name it: a reference taken for nothing
        // costs its retain and release on every message.
        switch outcome {
        case .fragment(let credit):
            if streams.read(at: index, { $0.kind.streamsResponses }) {
                actions.append(.fragmentArrived(streams.read(at: index, { $0.call }), credit: credit))
            } else {
                streams.grantCredit(stream: frame.streamID, credit, frames: &frames)  // §9: the one response is bounded by the message limit
            }
        case .message(let message, let credit):
            if streams.read(at: index, { $0.kind.streamsResponses }) {
                actions.append(.deliver(streams.read(at: index, { $0.call }), message, credit: credit))
            } else if streams.read(at: index, { $0.response }) == nil {
                streams.values[index].response = message
            } else {
                // §5.2, §6.2: a second response is INTERNAL, and the call is cancelled.
                abandon(frame.streamID, RPCError(.internal, "the server sent more than one response to a single-response call"), frames: &frames, actions: &actions)
            }
        }
    }

    /// §10.2: no new stream; calls above the server's last stream were never seen (any may be
    /// retried); the connection closes when the rest have finished.
    private mutating func receiveGoAway(_ frame: Frame, actions: inout [Action]) {
        let goAway = (try? GoAway(buffer: frame.payload)) ?? GoAway()
        goAwayReceived = true
        actions.append(.goAwayReceived)
        let refused = streams.keys.filter { $0 > goAway.lastStreamID }
        for id in refused {
            let stream = streams.removeValue(forKey: id)!
            actions.append(.fail(stream.call, RPCError(.unavailable, "\(peerName) is shutting down: \(goAway.message)"), notProcessed: true))
        }
        actions.append(.startWaitingCalls)
        if streams.isEmpty { close(actions: &actions) }
    }

    /// TRAILERS ended the call (§3.2.4).
    private mutating func complete(_ stream: Stream, _ trailers: Trailers, actions: inout [Action]) {
        if trailers.status == .ok {
            remember(.callAlreadyFinished, for: stream, actions: &actions)
            if stream.kind.streamsResponses {
                actions.append(.responsesEnded(stream.call))
            } else if let response = stream.response {
                actions.append(.succeed(stream.call, response))
            } else {
                actions.append(.responseMissing(stream.call))
            }
        } else {
            let error = RPCError(trailers.status, trailers.message, metadata: trailers.metadata)
            remember(error, for: stream, actions: &actions)
            actions.append(.fail(stream.call, error, notProcessed: false))
        }
        streamEnded(actions: &actions)
    }

    /// Keeps why the server ended a call whose caller may still be sending: its next `send`
    /// then reports the server's status — or, after an OK, that the call already finished —
    /// rather than a CANCELLED nobody asked for.
    private func remember(_ error: RPCError, for stream: Stream, actions: inout [Action]) {
        guard !stream.halfClosed, stream.kind.streamsRequests else { return }
        actions.append(.endedByServer(stream.id, error))
    }

    mutating func streamEnded(actions: inout [Action]) {
        actions.append(.startWaitingCalls)
        if streams.isEmpty && goAwayReceived { close(actions: &actions) }
    }

    mutating func close(actions: inout [Action]) {
        guard !closed else { return }
        closed = true
        actions.append(.close)
    }

    /// The driver closed the connection for a reason of its own (TLS, identity, keepalive).
    mutating func markClosed() { closed = true }

    /// The connection is gone: every call still open fails with `reason`.
    mutating func connectionClosed(_ reason: RPCError, actions: inout [Action]) {
        closed = true
        for stream in streams.values {
            actions.append(.fail(stream.call, reason, notProcessed: false))
        }
        streams.removeAll()
    }
}
