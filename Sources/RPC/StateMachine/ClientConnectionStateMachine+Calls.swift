import JCSkillsProtocol
import NIOCore

/// The callers' side: opening streams, sending under the server's credit (Protocol/SPEC.md §9),
/// half-closing, cancelling, deadlines and keepalive.
extension ClientConnectionStateMachine {
    enum OpenOutcome {
        case opened(UInt32)
        /// No slot for a new stream: the call should wait for one (``ClientConnectionAction/startWaitingCalls``).
        case full
        /// The connection takes no new call (closed, GOAWAY, ids used up).
        case unusable
    }

    enum SendOutcome {
        case sent
        /// Queued; ``ClientConnectionAction/resumeWriter(_:)`` comes when it has gone out.
        case waiting
        /// The stream is over or half-closed: the driver knows why.
        case notActive
    }

    /// Opens a stream (§3.3: odd, increasing ids). For unary and server-streaming calls `request`
    /// is the one request, sent at once with END_STREAM (§5.2). An existential: kept generic
    /// down to here it saved its box but, run unspecialized, cost more retains than the box
    /// (BENCHMARKS.md note 36).
    mutating func open(
        call: Call, kind: CallKind, headers: CallHeadersForm, request: (any WireMessage)?, deadline: Int64?, frames: inout ByteBuffer, actions: inout [Action]
    ) -> OpenOutcome {
        guard isUsable else { return .unusable }
        guard hasFreeSlot else { return .full }
        let id = nextStreamID
        nextStreamID += 2
        // §2.3: a stream keeps the credit it started with.
        streams[id] = Stream(
            id: id, call: call, kind: kind, deadline: deadline, receiveWindow: Int(localSettings.initialWindowSize),
            sendWindow: Int(peerSettings.initialWindowSize), maximumMessageSize: Int(localSettings.maximumMessageSize))
        frames.writeHeadersFrame(stream: id, headers)
        if let request {
            let index = streams.index(forKey: id)!
            streams.values[index].halfClosed = true
            let size = request.encodedSize()
            if streams.read(at: index, { $0.send.fitsDirectly(size, maximumFrameSize: Int(peerSettings.maximumFrameSize)) }) {
                streams.values[index].send.consumeDirect(size)
                frames.writeFrame(.message, flags: .endStream, stream: id, message: request, encodedSize: size)
            } else {
                streams.values[index].send.enqueue(ByteBuffer.encoding(request), endStream: true)
                drain(at: index, frames: &frames, actions: &actions)
            }
        }
        return .opened(id)
    }

    /// A request of a streaming call: written as credit allows, the caller waiting for the rest.
    mutating func send(stream id: UInt32, _ message: ByteBuffer, frames: inout ByteBuffer, actions: inout [Action]) -> SendOutcome {
        guard let index = streams.index(forKey: id), !streams.read(at: index, { $0.halfClosed }) else { return .notActive }
        streams.values[index].send.enqueue(message)
        if drain(at: index, frames: &frames, actions: &actions) { return .sent }
        streams.values[index].writerWaiting = true
        return .waiting
    }

    /// §3.2.9, §5.6: the END_STREAM frame; a second half-close is ignored.
    mutating func halfClose(stream id: UInt32, frames: inout ByteBuffer) {
        guard let index = streams.index(forKey: id), !streams.read(at: index, { $0.halfClosed }) else { return }
        streams.values[index].halfClosed = true
        frames.writeEndStream(stream: id)
    }

    /// §6.2: the caller gave up: CANCEL to the server, the call failed locally.
    mutating func cancel(stream id: UInt32, frames: inout ByteBuffer, actions: inout [Action]) {
        guard let stream = streams.removeValue(forKey: id) else { return }
        frames.writeFrame(.cancel, stream: id, message: CancelReason(code: .cancelled, message: "the client cancelled the call"))
        actions.append(.fail(stream.call, RPCError(.cancelled, "the call was cancelled"), notProcessed: false))
        streamEnded(actions: &actions)
    }

    /// Ends a call this side cannot go on with (§8): CANCEL with the reason, the call failed.
    mutating func abandon(_ id: UInt32, _ error: RPCError, frames: inout ByteBuffer, actions: inout [Action]) {
        guard let stream = streams.removeValue(forKey: id) else { return }
        frames.writeFrame(.cancel, stream: id, message: CancelReason(code: error.code, message: error.message))
        actions.append(.fail(stream.call, error, notProcessed: false))
        streamEnded(actions: &actions)
    }

    /// §9: returns `credit` bytes of window to the server on `stream`, if it is still open.
    mutating func grantCredit(stream id: UInt32, _ credit: Int, frames: inout ByteBuffer) {
        streams.grantCredit(stream: id, credit, frames: &frames)
    }

    /// Sends what the stream's credit allows; true when nothing waits any more.
    @discardableResult
    mutating func drain(at index: [UInt32: Stream].Index, frames: inout ByteBuffer, actions: inout [Action]) -> Bool {
        let (done, wakeWriter) = streams.drainSend(at: index, into: &frames, maximumFrameSize: Int(peerSettings.maximumFrameSize))
        if wakeWriter { actions.append(.resumeWriter(streams.read(at: index, { $0.call }))) }
        return done
    }

    // MARK: Timers

    /// §6.1: fails every call whose deadline has passed, telling the server with CANCEL
    /// DEADLINE_EXCEEDED; returns the earliest deadline left, for the driver's one timer.
    mutating func expireDeadlines(now: Int64, frames: inout ByteBuffer, actions: inout [Action]) -> Int64? {
        let (expired, next) = streams.deadlineScan(now: now)
        for id in expired {
            let stream = streams.removeValue(forKey: id)!
            frames.writeFrame(.cancel, stream: id, message: CancelReason(code: .deadlineExceeded, message: "the client's deadline passed"))
            actions.append(.fail(stream.call, RPCError(.deadlineExceeded, "no answer from \(peerName) before the deadline"), notProcessed: false))
        }
        streamEnded(actions: &actions)
        return next
    }

    /// §10.1: while calls are open and nothing was read for `interval`, a PING (its payload a
    /// counter); the driver closes the connection if no ACK comes in time.
    mutating func keepaliveTick(now: Int64, intervalNanoseconds: Int64, frames: inout ByteBuffer, actions: inout [Action]) {
        guard !closed, !streams.isEmpty, !pingOutstanding, now - lastRead >= intervalNanoseconds else { return }
        pingsSent += 1
        pingOutstanding = true
        frames.writePing(pingsSent)
        actions.append(.pingSent)
    }
}
