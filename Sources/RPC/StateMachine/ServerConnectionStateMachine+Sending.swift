import JCSkillsProtocol
import NIOCore

/// The handlers' answers: responses under the peer's credit and the socket's pace (Protocol/SPEC.md
/// §9), TRAILERS after them, and the credit the server gives back.
extension ServerConnectionStateMachine {
    /// What became of a message a handler's `send` could not write at once.
    enum SendOutcome {
        case sent
        /// Queued; ``ServerConnectionAction/resumeWriter(_:)`` comes when it has gone out.
        case waiting
        case failed(RPCError)
    }

    var peerMaximumFrameSize: Int { Int(peerSettings?.maximumFrameSize ?? Settings.defaultMaximumFrameSize) }

    /// A single-response call's answer held as an existential (the byte-by-byte tests' way in; the driver
    /// writes through the overload below).
    mutating func finish(stream id: UInt32, response: any WireMessage, now: Int64, frames: inout ByteBuffer, actions: inout [Action]) {
        finish(stream: id, responseSize: response.encodedSize(), now: now, frames: &frames, actions: &actions) { response.writeFields(to: &$0) }
    }

    /// A single-response call's answer: the response and TRAILERS OK, at once when the window and
    /// the socket allow (the common case), else queued with the TRAILERS behind it.
    ///
    /// The response comes as its size and a closure that writes it, neither a generic parameter
    /// nor an existential: the callers are generic over services' types in other modules, where
    /// nothing here is specialized, and a generic parameter made this whole path run
    /// unspecialized, copying stream states through value witnesses on every call; an
    /// existential boxed the response, an allocation a call (BENCHMARKS.md, "CPU per call").
    mutating func finish(
        stream id: UInt32, responseSize size: Int, now: Int64, frames: inout ByteBuffer, actions: inout [Action],
        writeResponse: (inout WireWriter) -> Void
    ) {
        guard let index = streams.index(forKey: id) else { return }
        let maximumFrameSize = peerMaximumFrameSize
        if writable, streams.read(at: index, { $0.send.fitsDirectly(size, maximumFrameSize: maximumFrameSize) }) {
            streams.values[index].send.consumeDirect(size)
            frames.writeFrame(.message, stream: id, encodedSize: size, fields: writeResponse)
            complete(at: index, Trailers(code: .ok), now: now, frames: &frames, actions: &actions)
        } else {
            var buffer = ByteBufferAllocator().buffer(capacity: size)
            buffer.writeWireMessage(encodedSize: size, fields: writeResponse)
            streams.values[index].send.enqueue(buffer)
            if let refusal = charge(at: index) {
                return fail(id, .resourceExhausted, refusal, now: now, frames: &frames, actions: &actions)
            }
            streams.values[index].pendingTrailers = Trailers(code: .ok)
            drain(at: index, now: now, frames: &frames, actions: &actions)
        }
    }

    /// The handler ended the call with `trailers`; an OK waits for the queued responses.
    mutating func finish(stream id: UInt32, trailers: Trailers, now: Int64, frames: inout ByteBuffer, actions: inout [Action]) {
        guard let index = streams.index(forKey: id) else { return }
        if trailers.status == .ok && !streams.read(at: index, { $0.send.isEmpty }) {
            streams.values[index].pendingTrailers = trailers  // sent once the queued messages have gone
        } else {
            complete(at: index, trailers, now: now, frames: &frames, actions: &actions)
        }
    }

    /// Writes a streamed message now if the window and the socket allow; false if it must wait.
    mutating func trySend(stream id: UInt32, _ message: any WireMessage, frames: inout ByteBuffer) throws(RPCError) -> Bool {
        guard let index = streams.index(forKey: id) else { throw RPCError(.cancelled, "the call is no longer active") }
        let size = message.encodedSize()
        let maximumFrameSize = peerMaximumFrameSize
        guard writable, streams.read(at: index, { $0.send.fitsDirectly(size, maximumFrameSize: maximumFrameSize) }) else { return false }
        streams.values[index].active = true
        streams.values[index].send.consumeDirect(size)
        frames.writeFrame(.message, stream: id, message: message, encodedSize: size)
        return true
    }

    /// Queues an encoded message and writes what credit allows. The handler waits while anything
    /// waits, so at most one message per stream is held, and it counts against the budgets (§8).
    mutating func sendOrWait(stream id: UInt32, _ message: ByteBuffer, now: Int64, frames: inout ByteBuffer, actions: inout [Action]) -> SendOutcome {
        guard let index = streams.index(forKey: id) else { return .failed(RPCError(.cancelled, "the call is no longer active")) }
        streams.values[index].send.enqueue(message)
        if let refusal = charge(at: index) {
            fail(id, .resourceExhausted, refusal, now: now, frames: &frames, actions: &actions)
            return .failed(RPCError(.resourceExhausted, refusal))
        }
        if drain(at: index, now: now, frames: &frames, actions: &actions) { return .sent }
        streams.values[index].writerWaiting = true
        return .waiting
    }

    /// The handler's waiting `send` was cancelled: the call it belongs to, if it still waits.
    mutating func writerCancelled(stream id: UInt32) -> Call? {
        guard let index = streams.index(forKey: id), streams.read(at: index, { $0.writerWaiting }) else { return nil }
        streams.values[index].writerWaiting = false
        return streams.read(at: index, { $0.call })
    }

    /// Streams with responses waiting, for the driver to drain one at a time once the socket takes
    /// more (so that what is written past the watermark is at most one stream's share).
    var streamsWaitingToSend: [UInt32] { streams.compactMap { $0.value.send.isEmpty ? nil : $0.key } }

    /// Sends what `stream`'s window allows while the socket takes more.
    mutating func drain(stream id: UInt32, now: Int64, frames: inout ByteBuffer, actions: inout [Action]) {
        guard let index = streams.index(forKey: id) else { return }
        drain(at: index, now: now, frames: &frames, actions: &actions)
    }

    /// Returns true when nothing waits any more (the stream may then have ended, its TRAILERS sent).
    @discardableResult
    mutating func drain(at index: [UInt32: Stream].Index, now: Int64, frames: inout ByteBuffer, actions: inout [Action]) -> Bool {
        guard writable || streams.read(at: index, { $0.send.isEmpty }) else { return false }
        streams.values[index].active = true
        let (done, wakeWriter) = streams.drainSend(at: index, into: &frames, maximumFrameSize: peerMaximumFrameSize)
        _ = charge(at: index)  // what went out is no longer held
        guard done else { return false }
        if wakeWriter { actions.append(.resumeWriter(streams.read(at: index, { $0.call }))) }
        if let trailers = streams.read(at: index, { $0.pendingTrailers }) {
            complete(at: index, trailers, now: now, frames: &frames, actions: &actions)
        }
        return true
    }

    /// §9: returns `credit` bytes of window to the peer on `stream`, if it is still open.
    mutating func grantCredit(stream id: UInt32, _ credit: Int, frames: inout ByteBuffer) {
        streams.grantCredit(stream: id, credit, frames: &frames)
    }
}
