import JCSkillsProtocol
import NIOCore

/// The server's side of one connection (Protocol/SPEC.md §2–§10) as a state machine: bytes, the
/// handlers' answers, timers and writability go in; frames come out in the output buffer the
/// caller passes, everything else as ``ServerConnectionAction``s in the order to perform them.
/// It does no I/O, reads no clock and starts no task, so each rule can be checked byte by byte
/// (Tests/RPCTests/StateMachine); ``ServerConnectionHandler`` drives it on a NIO channel.
///
/// Time is monotonic nanoseconds given as a value. Which method a HEADERS frame names and
/// whether the caller may call it are the driver's to decide: ``processNextFrame`` hands the
/// driver an ``OpenRequest``, which it answers with ``accept`` or ``refuse`` before going on.
struct ServerConnectionStateMachine<Call> {
    typealias Action = ServerConnectionAction<Call>
    typealias Stream = ServerStreamState<Call>

    /// A HEADERS frame that passed the connection's checks and waits for the driver's decision.
    struct OpenRequest {
        let streamID: UInt32
        let headers: CallHeadersForm
        /// END_STREAM on HEADERS: the client half-closes at once (Protocol/SPEC.md §3.2.2).
        let endStream: Bool
    }

    enum FrameResult {
        /// No whole frame is buffered (or the connection is closed).
        case needMoreBytes
        case handled
        case open(OpenRequest)
    }

    let limits: ServerConnectionLimits
    /// Shared by all connections of a server: its calls and buffered bytes (Protocol/SPEC.md §8).
    let budget: ServerBudget
    var preface = PrefaceMatcher()
    var parser: FrameParser
    var peerSettings: Settings?
    var streams: [UInt32: Stream] = [:]
    /// The highest stream this connection accepted to process (what GOAWAY reports).
    var lastStreamID: UInt32 = 0
    /// The method of the last call the driver accepted: HEADERS naming it again with no metadata
    /// but a request id are read as ``CallHeadersForm/usual(_:)``, making no strings.
    var usualMethod: String?
    /// The highest stream the client opened, including streams ignored after our GOAWAY.
    var highestOpenedStreamID: UInt32 = 0
    var goAwaySent = false
    var closed = false
    /// Whether the socket takes more: responses wait while it does not (Protocol/SPEC.md §9,
    /// "the other direction"). The driver keeps it current.
    var writable = true
    /// When the connection last had no calls; the sweep checks it rather than a timer being
    /// cancelled and re-armed around every call.
    var idleSince: Int64
    /// Bytes held for this connection's calls (``ServerStreamState/heldBytes``).
    var bufferedBytes = 0

    init(limits: ServerConnectionLimits, budget: ServerBudget, now: Int64) {
        self.limits = limits
        self.budget = budget
        self.parser = FrameParser(maximumFrameSize: limits.settings.maximumFrameSize)
        self.idleSince = now
    }

    /// The server's SETTINGS, sent at once, without waiting for the client (Protocol/SPEC.md §2.3).
    func start(frames: inout ByteBuffer) {
        frames.writeFrame(.settings, stream: 0, message: limits.settings)
    }

    // MARK: Reading

    /// Bytes arrived: the preface is checked as it comes, the rest is kept for
    /// ``processNextFrame``. A wrong preface closes the connection without a GOAWAY (§2.2).
    mutating func receive(_ bytes: ByteBuffer, frames: inout ByteBuffer, actions: inout [Action]) {
        guard !closed else { return }
        var bytes = bytes
        if !preface.isComplete {
            guard preface.consume(&bytes) else {
                return protocolError(.badPreface, frames: &frames, actions: &actions)
            }
        }
        parser.append(bytes)
    }

    /// Handles the next whole frame received, if any. One frame at a time, so that the driver
    /// can answer a HEADERS and flush a large batch of output before the next.
    mutating func processNextFrame(now: Int64, frames: inout ByteBuffer, actions: inout [Action]) -> FrameResult {
        guard !closed else { return .needMoreBytes }
        do {
            guard let frame = try parser.next() else { return .needMoreBytes }
            if let request = try handle(frame, now: now, frames: &frames, actions: &actions) {
                return .open(request)
            }
            return .handled
        } catch {
            protocolError(error, frames: &frames, actions: &actions)
            return .needMoreBytes
        }
    }

    private mutating func handle(_ frame: Frame, now: Int64, frames: inout ByteBuffer, actions: inout [Action]) throws(FrameError) -> OpenRequest? {
        // §2.3: the client's SETTINGS comes first, whatever follows, unknown types included.
        guard peerSettings != nil || frame.type == .settings else {
            throw .unexpectedFrame("\(frame.type) before SETTINGS")
        }
        switch frame.type {
        case .settings:
            guard frame.streamID == 0 else { throw .unexpectedFrame("SETTINGS on stream \(frame.streamID)") }
            guard peerSettings == nil else { throw .unexpectedFrame("a second SETTINGS") }
            let settings = try FrameRules.settings(frame)
            guard settings.protocolVersion == ConnectionPreface.protocolVersion else {
                throw .unexpectedFrame("protocol version \(settings.protocolVersion); this server speaks \(ConnectionPreface.protocolVersion)")
            }
            peerSettings = settings
            actions.append(.settingsReceived)
        case .headers:
            return try open(frame, frames: &frames)
        case .message:
            try receiveMessage(frame, now: now, frames: &frames, actions: &actions)
        case .endStream:
            // As for MESSAGE (§3.3): a stream never opened is a violation, a finished one's late frame is not.
            guard frame.streamID <= highestOpenedStreamID else { throw .unexpectedFrame("END_STREAM on unopened stream \(frame.streamID)") }
            halfClose(frame.streamID, now: now, frames: &frames, actions: &actions)
        case .cancel:
            // §6.2: nothing more is sent on the stream, not even TRAILERS.
            if let stream = streams.removeValue(forKey: frame.streamID) {
                let reason = (try? CancelReason(buffer: frame.payload)) ?? CancelReason()
                let message = reason.message.isEmpty ? "cancelled by the client" : reason.message
                end(stream, abandon: (reason.status, message), trailers: nil, now: now, frames: &frames, actions: &actions)
                streamEnded(now: now, actions: &actions)
            }
        case .windowUpdate:
            if let index = streams.creditReceived(try FrameRules.windowUpdateCredit(frame), stream: frame.streamID) {
                streams.values[index].active = true
                drain(at: index, now: now, frames: &frames, actions: &actions)
            }
        case .ping:
            try FrameRules.checkPing(frame)
            if !frame.flags.contains(.ack) {
                frames.writeFrame(.ping, flags: .ack, stream: 0, payload: frame.payload)
            }
        case .goAway:
            // §10.2: the client is leaving: finish what is running, then close.
            goAwaySent = true
            if streams.isEmpty { close(actions: &actions) }
        case .trailers:
            throw .unexpectedFrame("TRAILERS from a client")
        default:
            break  // §3.1: unknown frame types are ignored.
        }
        return nil
    }

    // MARK: Opening calls

    /// §3.3 and §8: the checks the connection makes on HEADERS before the driver looks at the method.
    private mutating func open(_ frame: Frame, frames: inout ByteBuffer) throws(FrameError) -> OpenRequest? {
        let id = frame.streamID
        guard id % 2 == 1, id > highestOpenedStreamID else {
            throw .unexpectedFrame("HEADERS on stream \(id) (must be odd and increasing)")
        }
        highestOpenedStreamID = id
        // §10.2: above our GOAWAY's last stream: ignored (its later frames too); the client retries elsewhere.
        if goAwaySent { return nil }
        lastStreamID = id
        guard frame.payload.readableBytes <= Int(limits.settings.maximumMetadataSize) else {
            refuse(id, .resourceExhausted, "call metadata exceeds \(limits.settings.maximumMetadataSize) bytes", frames: &frames)
            return nil
        }
        let headers: CallHeadersForm
        if let method = usualMethod, let usual = UsualCallHeaders.read(frame.payload, method: method, limits: limits.wireLimits) {
            headers = .usual(usual)
        } else {
            do {
                headers = .general(try CallHeaders(buffer: frame.payload, limits: limits.wireLimits))
            } catch {
                throw .malformedPayload(.headers, "\(error)")
            }
        }
        guard streams.count < Int(limits.settings.maximumConcurrentStreams) else {
            refuse(id, .resourceExhausted, "more than \(limits.settings.maximumConcurrentStreams) concurrent calls", frames: &frames)
            return nil
        }
        return OpenRequest(streamID: id, headers: headers, endStream: frame.flags.contains(.endStream))
    }

    /// The driver serves the call `request` asked for, with `call` as what it keeps for the
    /// handler. False, and the call refused, when the server already runs its limit of calls.
    mutating func accept(
        _ request: OpenRequest, call: Call, kind: CallKind, deadline: Int64?, now: Int64,
        frames: inout ByteBuffer, actions: inout [Action]
    ) -> Bool {
        guard budget.admitCall() else {
            refuse(request.streamID, .resourceExhausted, "the server is running its limit of \(budget.maximumCalls) calls", frames: &frames)
            return false
        }
        usualMethod = request.headers.method
        // §2.3: a stream keeps the credit it started with; no retroactive change.
        let peer = peerSettings ?? .protocolDefaults
        streams[request.streamID] = Stream(
            id: request.streamID, call: call, kind: kind, now: now, deadline: deadline,
            receiveWindow: Int(limits.settings.initialWindowSize), sendWindow: Int(peer.initialWindowSize),
            maximumMessageSize: Int(limits.settings.maximumMessageSize))
        // §5.4: a streaming handler starts at HEADERS and reads its requests as they come.
        if kind.streamsRequests { actions.append(.startHandler(call, request: nil)) }
        if request.endStream { halfClose(request.streamID, now: now, frames: &frames, actions: &actions) }
        return true
    }

    /// Answers a call the server will not serve with TRAILERS only (§8): unknown method, policy.
    func refuse(_ id: UInt32, _ code: StatusCode, _ message: String, frames: inout ByteBuffer) {
        frames.writeFrame(.trailers, stream: id, message: Trailers(code: code, message: message))
    }

    // MARK: Connection lifecycle

    /// Graceful (§10.2): no new calls; the connection closes when the last call in flight ends.
    mutating func goAway(_ code: StatusCode, message: String, frames: inout ByteBuffer, actions: inout [Action]) {
        guard !closed else { return }
        if !goAwaySent {
            goAwaySent = true
            frames.writeFrame(.goAway, stream: 0, message: GoAway(lastStreamID: lastStreamID, code: code, message: message))
            actions.append(.flush)
        }
        if streams.isEmpty { close(actions: &actions) }
    }

    /// §8: GOAWAY with the violation's code, then close; no GOAWAY to a peer that never sent the preface.
    mutating func protocolError(_ error: FrameError, frames: inout ByteBuffer, actions: inout [Action]) {
        actions.append(.protocolError(error))
        if !goAwaySent && preface.isComplete {
            goAwaySent = true
            frames.writeFrame(.goAway, stream: 0, message: GoAway(lastStreamID: lastStreamID, code: error.statusCode, message: error.description))
        }
        close(actions: &actions)
    }

    mutating func close(actions: inout [Action]) {
        guard !closed else { return }
        closed = true
        actions.append(.close)
    }

    /// The driver closed the connection for a reason of its own (TLS, handshake timeout).
    mutating func markClosed() { closed = true }

    /// The connection is gone: every call still open fails with UNAVAILABLE (§8).
    mutating func connectionClosed(now: Int64, actions: inout [Action]) {
        closed = true
        for stream in streams.values {
            release(stream)
            actions.append(.abandon(stream.call, .unavailable, "the connection closed"))
            actions.append(.callFinished(stream.call, .unavailable, nanoseconds: now - stream.started))
        }
        streams.removeAll()
    }
}
