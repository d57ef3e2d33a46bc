import JCSkillsProtocol
import Logging
import NIOCore
import NIOSSL
import NIOTLS

/// One client connection: reads frames, runs calls as tasks on this connection's event loop,
/// and writes every response of a loop pass in one flush (Protocol/SPEC.md §3, docs/ANCHORS.md §2).
final class ServerConnectionHandler: BatchedFrameWriter {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let shared: ServerShared
    let executor: EventLoopTaskExecutor
    private(set) var context: ChannelHandlerContext!
    private var parser: FrameParser
    private var prefaceMatched = 0
    private var peerSettings: Settings?
    private var principal: Principal?
    private var peer = "unknown"
    var streams: [UInt32: ServerStream] = [:]
    /// The highest stream this connection accepted to process (what GOAWAY reports).
    private var lastStreamID: UInt32 = 0
    /// The highest stream the client opened, including streams ignored after our GOAWAY.
    private var highestOpenedStreamID: UInt32 = 0
    var output = FrameOutput()
    private var goAwaySent = false
    private var handshakeTimer: Scheduled<Void>?
    private var sweepTimer: Scheduled<Void>?
    /// When the connection last had no calls; the sweep checks it rather than a timer being
    /// cancelled and re-armed around every call (two timer operations per call at low load).
    private var idleSince = NIODeadline.now()
    /// Bytes of unfinished request messages held for this connection's calls.
    private var bufferedBytes = 0
    private var deadlines = DeadlineTimer()
    /// Made once per connection, not per call.
    private var expireDeadlinesCallback: @Sendable () -> Void = {}
    private var closed = false
    private var registrationID: Int?

    init(shared: ServerShared, eventLoop: any EventLoop) {
        self.shared = shared
        self.executor = EventLoopTaskExecutor(eventLoop)
        self.parser = FrameParser(maximumFrameSize: shared.configuration.maximumFrameSize)
    }

    private var logger: Logger { shared.logger }
    private var localSettings: Settings { shared.settings }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        expireDeadlinesCallback = { handler.value.expireDeadlines() }
        output.buffer = context.channel.allocator.buffer(capacity: 4096)
        peer = context.channel.remoteAddress?.description ?? "unknown"
    }

    /// The context holds this handler and this handler held the context and a callback
    /// holding itself: without letting go of both, every connection's handler (about 6 KB with
    /// what it keeps) outlived it.
    func handlerRemoved(context: ChannelHandlerContext) {
        expireDeadlinesCallback = {}
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        registrationID = shared.connections.add(NIOLoopBound(self, eventLoop: context.eventLoop), channel: context.channel)
        handshakeTimer = context.eventLoop.assumeIsolated().scheduleTask(in: shared.configuration.handshakeTimeout) { [self] in
            logger.info("closing connection: no TLS handshake and SETTINGS in time", metadata: ["peer": "\(peer)"])
            close()
        }
        output.buffer.writeFrame(.settings, stream: 0, message: localSettings)
        scheduleFlush()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        handshakeTimer?.cancel()
        sweepTimer?.cancel()
        deadlines.cancel()
        for stream in streams.values {
            abandon(stream, code: .unavailable, message: "the connection closed")
            stream.method.metrics.callFinished(code: .unavailable, nanoseconds: (NIODeadline.now() - stream.started).nanoseconds)
        }
        streams.removeAll()
        if let registrationID { shared.connections.remove(registrationID) }
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case TLSUserEvent.handshakeCompleted(let negotiated) = event {
            guard negotiated == ConnectionPreface.alpn else {
                logger.info("closing connection: ALPN \(negotiated ?? "none") is not \(ConnectionPreface.alpn)", metadata: ["peer": "\(peer)"])
                close()
                return
            }
            let certificate = try? context.pipeline.syncOperations.nioSSL_peerCertificate()
            principal = PeerIdentity.principal(from: certificate)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // TLS refusals (unknown CA, expired certificate, no certificate, not TLS at all) land here.
        logger.info("connection error", metadata: ["peer": "\(peer)", "error": "\(error)"])
        close()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        output.reading = true
        if prefaceMatched < ConnectionPreface.bytes.count {
            guard matchPreface(&bytes) else {
                return protocolError(.badPreface)
            }
        }
        parser.append(bytes)
        do {
            while !closed, let frame = try parser.next() {
                try handle(frame)
            }
        } catch let error as FrameError {
            protocolError(error)
        } catch {
            protocolError(.unexpectedFrame("\(error)"))
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        output.reading = false
        flushOutput()
        context.fireChannelReadComplete()
    }

    private func matchPreface(_ bytes: inout ByteBuffer) -> Bool {
        let expected = ConnectionPreface.bytes
        while prefaceMatched < expected.count, let byte = bytes.readInteger(as: UInt8.self) {
            guard byte == expected[prefaceMatched] else { return false }
            prefaceMatched += 1
        }
        return true
    }

    // MARK: Frames

    private func handle(_ frame: Frame) throws {
        guard peerSettings != nil || frame.type == .settings else {
            throw FrameError.unexpectedFrame("\(frame.type) before SETTINGS")
        }
        switch frame.type {
        case .settings:
            guard frame.streamID == 0 else { throw FrameError.unexpectedFrame("SETTINGS on stream \(frame.streamID)") }
            guard peerSettings == nil else { throw FrameError.unexpectedFrame("a second SETTINGS") }
            let settings: Settings
            do {
                settings = try Settings(buffer: frame.payload).normalized
            } catch {
                throw FrameError.malformedPayload(.settings, "\(error)")
            }
            guard settings.protocolVersion == ConnectionPreface.protocolVersion else {
                throw FrameError.unexpectedFrame("protocol version \(settings.protocolVersion); this server speaks \(ConnectionPreface.protocolVersion)")
            }
            peerSettings = settings
            handshakeTimer?.cancel()
            handshakeTimer = nil
            armSweep()
        case .headers: try openStream(frame)
        case .message: try receiveMessage(frame)
        case .endStream:
            // As for MESSAGE: a stream never opened is a violation, a finished one's late frame is not.
            guard frame.streamID <= highestOpenedStreamID else { throw FrameError.unexpectedFrame("END_STREAM on unopened stream \(frame.streamID)") }
            halfClose(frame.streamID)
        case .cancel:
            if let stream = streams.removeValue(forKey: frame.streamID) {
                let reason = (try? CancelReason(buffer: frame.payload)) ?? CancelReason()
                abandon(stream, code: reason.status, message: reason.message.isEmpty ? "cancelled by the client" : reason.message)
                stream.method.metrics.callFinished(code: reason.status, nanoseconds: (NIODeadline.now() - stream.started).nanoseconds)
                streamEnded()
            }
        case .windowUpdate:
            guard frame.payload.readableBytes == 4, let credit = frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt32.self) else {
                throw FrameError.malformedPayload(.windowUpdate, "payload must be 4 bytes")
            }
            if let stream = streams[frame.streamID] {
                stream.active = true
                stream.send.grant(Int(credit))
                drain(stream)
            }
        case .ping:
            try FrameRules.checkPing(frame)
            if !frame.flags.contains(.ack) {
                output.buffer.writeFrame(.ping, flags: .ack, stream: 0, payload: frame.payload)
                scheduleFlush()
            }
        case .goAway:
            // The client is leaving: finish what is running, then close.
            goAwaySent = true
            if streams.isEmpty { close() }
        case .trailers:
            throw FrameError.unexpectedFrame("TRAILERS from a client")
        default:
            break  // Unknown frame types are ignored (SPEC.md §3.1).
        }
    }

    private func openStream(_ frame: Frame) throws {
        let id = frame.streamID
        guard id % 2 == 1, id > highestOpenedStreamID else {
            throw FrameError.unexpectedFrame("HEADERS on stream \(id) (must be odd and increasing)")
        }
        highestOpenedStreamID = id
        // Above our GOAWAY's last stream: ignored (its later frames too); the client retries elsewhere.
        if goAwaySent { return }
        lastStreamID = id
        guard frame.payload.readableBytes <= Int(localSettings.maximumMetadataSize) else {
            return refuse(id, .resourceExhausted, "call metadata exceeds \(localSettings.maximumMetadataSize) bytes")
        }
        let headers: CallHeaders
        do {
            headers = try CallHeaders(buffer: frame.payload, limits: shared.configuration.wireLimits)
        } catch {
            throw FrameError.malformedPayload(.headers, "\(error)")
        }
        guard streams.count < Int(localSettings.maximumConcurrentStreams) else {
            return refuse(id, .resourceExhausted, "more than \(localSettings.maximumConcurrentStreams) concurrent calls")
        }
        let requestID = RequestIDs.accepted(headers.metadata.first { $0.key == MetadataKey.requestID }?.value)
        guard let method = shared.router.methods[headers.method] else {
            return refuse(id, .unimplemented, "unknown method \(headers.method)")
        }
        let principal = self.principal ?? Principal(kind: .unidentified, identity: "unknown")
        guard method.policy.allows(principal) else {
            shared.auditor.denied(principal: principal, method: method.path, requestID: requestID, reason: "policy allows \(method.policy)")
            method.metrics.callFinished(code: .permissionDenied, nanoseconds: 0)
            return refuse(id, .permissionDenied, "\(principal.identity) may not call \(method.path)")
        }
        let deadline: NIODeadline? = headers.timeoutMicroseconds == 0
            ? nil : .now() + .microseconds(Int64(clamping: headers.timeoutMicroseconds))
        let context = ServerContext(
            principal: principal, method: method.path, deadline: deadline, metadata: headers.metadata,
            requestID: requestID ?? ServerShared.makeRequestID(), peer: peer, logger: logger)
        guard shared.budget.admitCall() else {
            return refuse(id, .resourceExhausted, "the server is running its limit of \(shared.budget.maximumCalls) calls")
        }
        let peerSettings = self.peerSettings ?? .protocolDefaults
        let stream = ServerStream(
            id: id, method: method, context: context,
            receiveWindow: Int(localSettings.initialWindowSize), sendWindow: Int(peerSettings.initialWindowSize),
            maximumMessageSize: Int(localSettings.maximumMessageSize))
        streams[id] = stream
        method.metrics.callStarted()
        if let deadline {
            deadlines.track(deadline, on: self.context.eventLoop, expireDeadlinesCallback)
        }
        if method.kind == .clientStreaming || method.kind == .bidirectionalStreaming {
            let connection = NIOLoopBound(self, eventLoop: self.context.eventLoop)
            stream.inbound = InboundMessages { credit in
                connection.eventLoop.runOrExecute { connection.value.grantCredit(stream: id, credit) }
            }
            start(stream, request: nil)
        }
        if frame.flags.contains(.endStream) { halfClose(id) }
    }

    private func receiveMessage(_ frame: Frame) throws {
        try FrameRules.checkMessageFlags(frame)
        guard let stream = streams[frame.streamID] else {
            // A call we already finished, abandoned or ignored after GOAWAY: its late frames are dropped.
            guard frame.streamID <= highestOpenedStreamID else { throw FrameError.unexpectedFrame("MESSAGE on unopened stream \(frame.streamID)") }
            return
        }
        stream.active = true
        let outcome: MessageAssembler.Outcome
        do {
            outcome = try stream.receive.receive(frame)
        } catch .windowExceeded {
            throw FrameError.unexpectedFrame("MESSAGE beyond the flow-control window on stream \(stream.id)")
        } catch {
            return fail(stream, .resourceExhausted, "a message exceeds \(localSettings.maximumMessageSize) bytes")
        }
        if case .message(let message, _) = outcome, case .awaitingRequest(nil) = stream.phase,
           message.readableBytes > frame.payload.readableBytes {
            stream.requestBytes = message.capacity  // assembled from fragments: stays charged
        }
        if let refusal = charge(stream) {
            return fail(stream, .resourceExhausted, refusal)
        }
        switch outcome {
        case .fragment(let credit):
            if let inbound = stream.inbound {
                inbound.fragmentArrived(credit: credit)
            } else {
                grantCredit(stream: stream.id, credit)  // the one request: bounded by the message limit
            }
        case .message(let message, let credit):
            switch stream.phase {
            case .awaitingRequest(nil):
                stream.phase = .awaitingRequest(message)
            case .awaitingRequest:
                return fail(stream, .invalidArgument, "\(stream.method.kind) call with more than one request message")
            case .running where !stream.clientHalfClosed:
                stream.inbound?.deliver(message, credit: credit)
            case .running:
                return fail(stream, .invalidArgument, "a message after the client's end of stream")
            }
        }
        if frame.flags.contains(.endStream) { halfClose(stream.id) }
    }

    /// Counts what the stream holds (``ServerStream/heldBytes``) against the connection's and
    /// the server's budgets; the reason to fail the call when a growth would pass either. A
    /// shrink always succeeds.
    private func charge(_ stream: ServerStream) -> String? {
        let delta = stream.heldBytes - stream.chargedBytes
        guard delta != 0 else { return nil }
        let limit = shared.configuration.maximumBufferedBytesPerConnection
        if delta > 0 && bufferedBytes + delta > limit {
            return "requests and responses held for this connection's calls would exceed \(limit) bytes"
        }
        guard shared.budget.chargeBuffered(delta) else {
            return "the server holds its limit of \(shared.budget.maximumBufferedBytes) bytes for calls' requests and waiting responses"
        }
        bufferedBytes += delta
        stream.chargedBytes += delta
        return nil
    }

    /// Gives back the call's slot and whatever it held; once per stream, however it ended.
    private func release(_ stream: ServerStream) {
        guard !stream.released else { return }
        stream.released = true
        if stream.chargedBytes != 0 {
            _ = shared.budget.chargeBuffered(-stream.chargedBytes)
            bufferedBytes -= stream.chargedBytes
            stream.chargedBytes = 0
        }
        shared.budget.callEnded()
    }

    private func halfClose(_ id: UInt32) {
        guard let stream = streams[id], !stream.clientHalfClosed else { return }
        stream.clientHalfClosed = true
        switch stream.phase {
        case .awaitingRequest(let request?):
            start(stream, request: request)
        case .awaitingRequest(nil):
            fail(stream, .invalidArgument, "the call ended without its request message")
        case .running:
            stream.inbound?.finish()
        }
    }

    private func start(_ stream: ServerStream, request: ByteBuffer?) {
        stream.phase = .running
        let call = ServerCall(
            connection: NIOLoopBound(self, eventLoop: context.eventLoop), streamID: stream.id,
            context: stream.context, inbound: stream.inbound, limits: shared.configuration.wireLimits, auditor: shared.auditor)
        let method = stream.method
        let inherited = CallScope.Inherited(deadline: stream.context.deadline, requestID: stream.context.requestID)
        stream.task = Task(executorPreference: executor) {
            await CallScope.$current.withValue(inherited) {
                await method.invoke(call, request)
            }
        }
    }

    /// Ends every call whose deadline has passed and aims the timer at the next deadline.
    private func expireDeadlines() {
        let now = NIODeadline.now()
        var next: NIODeadline?
        for stream in Array(streams.values) {
            guard let deadline = stream.context.deadline else { continue }
            if deadline <= now {
                streams.removeValue(forKey: stream.id)
                abandon(stream, code: .deadlineExceeded, message: "deadline exceeded")
                writeTrailers(stream.id, Trailers(code: .deadlineExceeded, message: "the deadline passed before the call finished"))
                stream.method.metrics.callFinished(code: .deadlineExceeded, nanoseconds: (now - stream.started).nanoseconds)
            } else if next == nil || deadline < next! {
                next = deadline
            }
        }
        deadlines.fired(nextDeadline: next, on: context.eventLoop, expireDeadlinesCallback)
        streamEnded()
    }


    // MARK: Answers

    func finish<M: WireMessage>(stream id: UInt32, response: M) {
        guard let stream = streams[id] else { return }
        let size = response.encodedSize()
        let frameLimit = Int(peerSettings?.maximumFrameSize ?? Settings.defaultMaximumFrameSize)
        if context.channel.isWritable, stream.send.fitsDirectly(size, maximumFrameSize: frameLimit) {
            stream.send.consumeDirect(size)
            output.buffer.writeFrame(.message, stream: id, message: response, encodedSize: size)
            complete(stream, Trailers(code: .ok))
        } else {
            var buffer = context.channel.allocator.buffer(capacity: size)
            buffer.writeWireMessage(response)
            stream.send.enqueue(buffer)
            if let refusal = charge(stream) {
                return fail(stream, .resourceExhausted, refusal)
            }
            stream.pendingTrailers = Trailers(code: .ok)
            drain(stream)
        }
    }

    func finish(stream id: UInt32, trailers: Trailers) {
        guard let stream = streams[id] else { return }
        if trailers.status == .ok && !stream.send.isEmpty {
            stream.pendingTrailers = trailers  // sent once the queued messages have gone
        } else {
            complete(stream, trailers)
        }
    }

    /// Writes a streamed message now if the window allows; false if it must wait.
    func trySend<M: WireMessage>(stream id: UInt32, _ message: M) throws -> Bool {
        guard let stream = streams[id] else { throw RPCError(.cancelled, "the call is no longer active") }
        let size = message.encodedSize()
        let frameLimit = Int(peerSettings?.maximumFrameSize ?? Settings.defaultMaximumFrameSize)
        guard context.channel.isWritable, stream.send.fitsDirectly(size, maximumFrameSize: frameLimit) else { return false }
        stream.active = true
        stream.send.consumeDirect(size)
        output.buffer.writeFrame(.message, stream: id, message: message, encodedSize: size)
        scheduleFlush()
        return true
    }

    func sendOrWait(stream id: UInt32, _ buffer: ByteBuffer, _ continuation: UnsafeContinuation<Void, any Error>) {
        guard let stream = streams[id] else {
            return continuation.resume(throwing: RPCError(.cancelled, "the call is no longer active"))
        }
        stream.send.enqueue(buffer)
        if let refusal = charge(stream) {
            fail(stream, .resourceExhausted, refusal)
            return continuation.resume(throwing: RPCError(.resourceExhausted, refusal))
        }
        if drain(stream) {
            continuation.resume()
        } else {
            stream.writerWaiter = continuation
        }
    }

    func failWriter(stream id: UInt32) {
        guard let waiter = streams[id]?.writerWaiter else { return }
        streams[id]?.writerWaiter = nil
        waiter.resume(throwing: RPCError(.cancelled, "the call was cancelled"))
    }

    /// Sends what the window allows while the socket takes more; returns true when nothing
    /// waits any more.
    @discardableResult
    private func drain(_ stream: ServerStream) -> Bool {
        guard context.channel.isWritable || stream.send.isEmpty else { return false }
        let frameLimit = Int(peerSettings?.maximumFrameSize ?? Settings.defaultMaximumFrameSize)
        stream.active = true
        let done = stream.send.drain(into: &output.buffer, stream: stream.id, maximumFrameSize: frameLimit)
        _ = charge(stream)  // what went out is no longer held
        scheduleFlush()
        guard done else { return false }
        if let waiter = stream.writerWaiter {
            stream.writerWaiter = nil
            waiter.resume()
        }
        if let trailers = stream.pendingTrailers {
            complete(stream, trailers)
        }
        return true
    }

    /// The socket has taken what was waiting: the streams whose responses waited for it go on,
    /// one at a time, until it backs up again (so that what is written past the watermark is
    /// at most one stream's share).
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            for stream in Array(streams.values) where !stream.send.isEmpty {
                guard context.channel.isWritable else { break }
                drain(stream)
                flushOutput()
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func grantCredit(stream id: UInt32, _ credit: Int) {
        guard credit > 0, let stream = streams[id] else { return }
        stream.receive.granted(credit)
        writeWindowUpdate(stream: id, credit: credit)
    }

    private func complete(_ stream: ServerStream, _ trailers: Trailers) {
        streams.removeValue(forKey: stream.id)
        release(stream)
        writeTrailers(stream.id, trailers)
        stream.method.metrics.callFinished(code: trailers.status, nanoseconds: (NIODeadline.now() - stream.started).nanoseconds)
        streamEnded()
    }

    private func writeTrailers(_ stream: UInt32, _ trailers: Trailers) {
        output.buffer.writeFrame(.trailers, stream: stream, message: trailers)
        scheduleFlush()
    }

    /// Ends a call the server cannot serve, before or while its handler runs.
    private func fail(_ stream: ServerStream, _ code: StatusCode, _ message: String) {
        streams.removeValue(forKey: stream.id)
        abandon(stream, code: code, message: message)
        writeTrailers(stream.id, Trailers(code: code, message: message))
        stream.method.metrics.callFinished(code: code, nanoseconds: (NIODeadline.now() - stream.started).nanoseconds)
        streamEnded()
    }

    private func refuse(_ id: UInt32, _ code: StatusCode, _ message: String) {
        writeTrailers(id, Trailers(code: code, message: message))
    }

    /// Stops a call's handler: its task is cancelled and anything it waits on fails.
    private func abandon(_ stream: ServerStream, code: StatusCode, message: String) {
        release(stream)
        // The reason first, then the cancellation: a handler waiting for a message or for credit
        // learns why its call ended (UNAVAILABLE when the connection was lost, the CANCEL's code),
        // not the CANCELLED that cancelling its task would wake it with.
        let error = RPCError(code, message)
        stream.inbound?.finish(error)
        if let waiter = stream.writerWaiter {
            stream.writerWaiter = nil
            waiter.resume(throwing: error)
        }
        stream.task?.cancel()
    }

    private func streamEnded() {
        if streams.isEmpty {
            if goAwaySent { close() } else { idleSince = .now() }
        }
    }

    // MARK: Connection lifecycle

    /// One timer per connection, a few times per timeout, ends what has waited too long: the
    /// connection without calls (idle timeout), a request that does not arrive (request
    /// timeout), a call without a deadline on which nothing moves (call idle timeout). It
    /// costs nothing per call; the price is that a timeout may run up to a quarter late.
    private func armSweep() {
        guard !closed else { return }
        let configuration = shared.configuration
        let shortest = min(configuration.idleTimeout, configuration.requestTimeout, configuration.callIdleTimeout)
        let interval: TimeAmount = .nanoseconds(max(shortest.nanoseconds / 4, 50_000_000))
        sweepTimer = context.eventLoop.assumeIsolated().scheduleTask(in: interval) { [self] in
            sweep()
            armSweep()
        }
    }

    private func sweep() {
        let configuration = shared.configuration
        let now = NIODeadline.now()
        if streams.isEmpty {
            if now - idleSince >= configuration.idleTimeout { goAway(code: .ok, message: "idle") }
            return
        }
        for stream in Array(streams.values) {
            if case .awaitingRequest = stream.phase, now - stream.started >= configuration.requestTimeout {
                expire(stream, "the request did not arrive within the server's request timeout (\(configuration.requestTimeout))")
            } else if stream.context.deadline == nil {
                if stream.active {
                    stream.active = false
                    stream.quietSince = now
                } else if now - stream.quietSince >= configuration.callIdleTimeout {
                    expire(stream, "nothing was sent either way for the server's call idle timeout (\(configuration.callIdleTimeout)) and the call has no deadline")
                }
            }
        }
        streamEnded()
    }

    /// Ends a call the server will not wait for any longer.
    private func expire(_ stream: ServerStream, _ message: String) {
        logger.info("ending call: \(message)", metadata: ["peer": "\(peer)", "method": "\(stream.method.path)"])
        fail(stream, .deadlineExceeded, message)
    }

    /// Graceful: no new calls; the connection closes when the last call in flight finishes.
    func goAway(code: StatusCode, message: String) {
        guard !closed else { return }
        if !goAwaySent {
            goAwaySent = true
            output.buffer.writeFrame(.goAway, stream: 0, message: GoAway(lastStreamID: lastStreamID, code: code, message: message))
            flushOutput()
        }
        if streams.isEmpty { close() }
    }

    private func protocolError(_ error: FrameError) {
        logger.info("protocol error, closing connection", metadata: ["peer": "\(peer)", "error": "\(error)"])
        if !goAwaySent && prefaceMatched == ConnectionPreface.bytes.count {
            goAwaySent = true
            output.buffer.writeFrame(.goAway, stream: 0, message: GoAway(lastStreamID: lastStreamID, code: error.statusCode, message: error.description))
            flushOutput()
        }
        close()
    }

    func close() {
        guard !closed else { return }
        closed = true
        flushOutput()
        context.close(promise: nil)
    }

}
