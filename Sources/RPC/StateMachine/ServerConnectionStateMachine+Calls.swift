import JCSkillsProtocol
import NIOCore

/// Requests, half-closes, the ends of calls and the timeouts that end them.
extension ServerConnectionStateMachine {
    mutating func receiveMessage(_ frame: Frame, now: Int64, frames: inout ByteBuffer, actions: inout [Action]) throws(FrameError) {
        try FrameRules.checkMessageFlags(frame)
        let id = frame.streamID
        guard let index = streams.index(forKey: id) else {
            // §3.3: a call we already finished, abandoned or ignored after GOAWAY: its late frames are dropped.
            guard id <= highestOpenedStreamID else { throw .unexpectedFrame("MESSAGE on unopened stream \(id)") }
            return
        }
        streams.values[index].active = true
        let outcome: MessageAssembler.Outcome
        do {
            outcome = try streams.values[index].receive.receive(frame)
        } catch .windowExceeded {
            throw .unexpectedFrame("MESSAGE beyond the flow-control window on stream \(id)")  // §9
        } catch {
            return fail(id, .resourceExhausted, "a message exceeds \(limits.settings.maximumMessageSize) bytes", now: now, frames: &frames, actions: &actions)
        }
        if case .message(let message, _) = outcome, case .awaitingRequest(nil) = streams.read(at: index, { $0.phase }),
           message.readableBytes > frame.payload.readableBytes {
            streams.values[index].requestBytes = message.capacity  // assembled from fragments: stays charged
        }
        if let refusal = charge(at: index) {
            return fail(id, .resourceExhausted, refusal, now: now, frames: &frames, actions: &actions)
        }
        switch outcome {
        case .fragment(let credit):
            if streams.read(at: index, { $0.kind.streamsRequests }) {
                actions.append(.fragmentArrived(streams.read(at: index, { $0.call }), credit: credit))
            } else {
                grantCredit(stream: id, credit, frames: &frames)  // §9: the one request is bounded by the message limit
            }
        case .message(let message, let credit):
            switch streams.read(at: index, { $0.phase }) {
            case .awaitingRequest(nil):
                streams.values[index].phase = .awaitingRequest(message)
            case .awaitingRequest:
                let kind = streams.read(at: index, { $0.kind })
                return fail(id, .invalidArgument, "\(kind) call with more than one request message", now: now, frames: &frames, actions: &actions)
            case .running where !streams.read(at: index, { $0.clientHalfClosed }):
                actions.append(.deliver(streams.read(at: index, { $0.call }), message, credit: credit))
            case .running:
                return fail(id, .invalidArgument, "a message after the client's end of stream", now: now, frames: &frames, actions: &actions)
            }
        }
        if frame.flags.contains(.endStream) { halfClose(id, now: now, frames: &frames, actions: &actions) }
    }

    /// §5.6: the client sends no more requests; a second half-close is ignored.
    mutating func halfClose(_ id: UInt32, now: Int64, frames: inout ByteBuffer, actions: inout [Action]) {
        guard let index = streams.index(forKey: id), !streams.read(at: index, { $0.clientHalfClosed }) else { return }
        streams.values[index].clientHalfClosed = true
        switch streams.read(at: index, { $0.phase }) {
        case .awaitingRequest(let request?):
            // §5.2: the handler starts when the request is whole and the client has half-closed.
            streams.values[index].phase = .running
            actions.append(.startHandler(streams.read(at: index, { $0.call }), request: request))
        case .awaitingRequest(nil):
            fail(id, .invalidArgument, "the call ended without its request message", now: now, frames: &frames, actions: &actions)
        case .running:
            actions.append(.requestsEnded(streams.read(at: index, { $0.call })))
        }
    }

    /// Counts what the stream holds (``ServerStreamState/heldBytes``) against the connection's
    /// and the server's budgets; the reason to fail the call when a growth would pass either.
    /// A shrink always succeeds.
    mutating func charge(at index: [UInt32: Stream].Index) -> String? {
        let delta = streams.read(at: index, { $0.heldBytes - $0.chargedBytes })
        guard delta != 0 else { return nil }
        let limit = limits.maximumBufferedBytesPerConnection
        if delta > 0 && bufferedBytes + delta > limit {
            return "requests and responses held for this connection's calls would exceed \(limit) bytes"
        }
        guard budget.chargeBuffered(delta) else {
            return "the server holds its limit of \(budget.maximumBufferedBytes) bytes for calls' requests and waiting responses"
        }
        bufferedBytes += delta
        streams.values[index].chargedBytes += delta
        return nil
    }

    /// Gives back the call's slot and whatever it held; once per stream, as it leaves `streams`.
    mutating func release(_ stream: Stream) {
        if stream.chargedBytes != 0 {
            _ = budget.chargeBuffered(-stream.chargedBytes)
            bufferedBytes -= stream.chargedBytes
        }
        budget.callEnded()
    }

    /// The bookkeeping of every end of a call, in the order the driver must see it: the budgets,
    /// the handler stopped (if it must be), the TRAILERS (if any are sent), the call's metrics.
    mutating func end(
        _ stream: Stream, abandon: (StatusCode, String)?, trailers: Trailers?, now: Int64,
        frames: inout ByteBuffer, actions: inout [Action]
    ) {
        release(stream)
        if let (code, message) = abandon { actions.append(.abandon(stream.call, code, message)) }
        if let trailers { frames.writeFrame(.trailers, stream: stream.id, message: trailers) }
        let code = trailers?.status ?? abandon?.0 ?? .ok
        actions.append(.callFinished(stream.call, code, nanoseconds: now - stream.started))
    }

    /// Ends a call the server cannot serve, before or while its handler runs (§8).
    mutating func fail(_ id: UInt32, _ code: StatusCode, _ message: String, now: Int64, frames: inout ByteBuffer, actions: inout [Action]) {
        guard let stream = streams.removeValue(forKey: id) else { return }
        end(stream, abandon: (code, message), trailers: Trailers(code: code, message: message), now: now, frames: &frames, actions: &actions)
        streamEnded(now: now, actions: &actions)
    }

    /// The handler's answer ends the call.
    mutating func complete(at index: [UInt32: Stream].Index, _ trailers: Trailers, now: Int64, frames: inout ByteBuffer, actions: inout [Action]) {
        let stream = streams.remove(at: index).value
        end(stream, abandon: nil, trailers: trailers, now: now, frames: &frames, actions: &actions)
        streamEnded(now: now, actions: &actions)
    }

    /// §10.2: after a GOAWAY the connection closes with its last call.
    mutating func streamEnded(now: Int64, actions: inout [Action]) {
        guard streams.isEmpty else { return }
        if goAwaySent { close(actions: &actions) } else { idleSince = now }
    }

    // MARK: Timers

    /// §6.1: ends every call whose deadline has passed with TRAILERS DEADLINE_EXCEEDED; returns
    /// the earliest deadline left, for the driver's one timer.
    mutating func expireDeadlines(now: Int64, frames: inout ByteBuffer, actions: inout [Action]) -> Int64? {
        let (expired, next) = streams.deadlineScan(now: now)
        for id in expired {
            let stream = streams.removeValue(forKey: id)!
            end(stream, abandon: (.deadlineExceeded, "deadline exceeded"),
                trailers: Trailers(code: .deadlineExceeded, message: "the deadline passed before the call finished"),
                now: now, frames: &frames, actions: &actions)
        }
        streamEnded(now: now, actions: &actions)
        return next
    }

    /// Run every ``ServerConnectionLimits/sweepIntervalNanoseconds``: ends what has waited too
    /// long (§8): the connection without calls (idle timeout: GOAWAY OK "idle"), a request that
    /// does not arrive (request timeout), a call without a deadline on which nothing moves
    /// (call idle timeout). It costs nothing per call; a timeout may act up to a quarter late.
    mutating func sweep(now: Int64, frames: inout ByteBuffer, actions: inout [Action]) {
        if streams.isEmpty {
            if now - idleSince >= limits.idleTimeoutNanoseconds { goAway(.ok, message: "idle", frames: &frames, actions: &actions) }
            return
        }
        var expired: [(UInt32, String)] = []
        var index = streams.startIndex
        while index != streams.endIndex {
            let id = streams.keys[index]
            if case .awaitingRequest = streams.read(at: index, { $0.phase }), now - streams.read(at: index, { $0.started }) >= limits.requestTimeoutNanoseconds {
                expired.append((id, "the request did not arrive within the server's request timeout (\(limits.requestTimeoutDescription))"))
            } else if streams.read(at: index, { $0.deadline }) == nil {
                if streams.read(at: index, { $0.active }) {
                    streams.values[index].active = false
                    streams.values[index].quietSince = now
                } else if now - streams.read(at: index, { $0.quietSince }) >= limits.callIdleTimeoutNanoseconds {
                    expired.append((id, "nothing was sent either way for the server's call idle timeout (\(limits.callIdleTimeoutDescription)) and the call has no deadline"))
                }
            }
            streams.formIndex(after: &index)
        }
        for (id, message) in expired {
            guard let call = streams[id]?.call else { continue }
            actions.append(.expired(call, message))
            fail(id, .deadlineExceeded, message, now: now, frames: &frames, actions: &actions)
        }
        streamEnded(now: now, actions: &actions)
    }
}
