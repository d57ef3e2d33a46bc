import DequeModule
import JCSkillsProtocol
import Logging
import NIOCore
import NIOSSL
import NIOTLS

/// The client side of one connection: opens streams, matches frames to calls, and writes all
/// frames of a loop pass in one flush.
final class ClientConnectionHandler: BatchedFrameWriter {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let configuration: ClientConfiguration
    private let localSettings: Settings
    private let endpoint: Endpoint
    /// Told once when this connection can take no new calls (GOAWAY or close).
    private let onUnusable: @Sendable (any Channel) -> Void
    private let handshake: EventLoopPromise<Void>
    private(set) var context: ChannelHandlerContext!
    private var parser: FrameParser
    private var peerSettings = Settings.protocolDefaults
    private var streams: [UInt32: ClientStream] = [:]
    private var waitingCalls: Deque<() -> Void> = []
    private var nextStreamID: UInt32 = 1
    var output = FrameOutput()
    private var goAwayReceived = false
    private var closed = false
    private var closeReason: RPCError?
    /// Calls the server ended while their callers may still be sending (``remember(_:for:)``).
    private var endedByServer: [UInt32: RPCError] = [:]
    private var lastRead = NIODeadline.now()
    private var keepaliveTimer: RepeatedTask?
    private var pingTimeout: Scheduled<Void>?
    private var pingsSent: UInt64 = 0
    private var deadlines = DeadlineTimer()
    /// Made once per connection, not per call.
    private var expireDeadlinesCallback: @Sendable () -> Void = {}

    init(configuration: ClientConfiguration, endpoint: Endpoint, handshake: EventLoopPromise<Void>, onUnusable: @escaping @Sendable (any Channel) -> Void) {
        self.configuration = configuration
        self.localSettings = configuration.settings
        self.endpoint = endpoint
        self.handshake = handshake
        self.onUnusable = onUnusable
        self.parser = FrameParser(maximumFrameSize: configuration.maximumFrameSize)
    }

    /// The last id it opens is 2^32 − 3: the next, 2^32 − 1, is the largest there is (SPEC.md
    /// §3.3), and a counter past it would overflow; a new connection takes over.
    var isUsable: Bool { !closed && !goAwayReceived && nextStreamID < UInt32.max }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        expireDeadlinesCallback = { handler.value.expireDeadlines() }
        output.buffer = context.channel.allocator.buffer(capacity: 4096)
    }

    /// The context holds this handler and this handler held the context and a callback
    /// holding itself: without letting go of both, every connection's handler (about 6 KB with
    /// what it keeps) outlived it.
    func handlerRemoved(context: ChannelHandlerContext) {
        handshake.fail(closeReason ?? RPCError(.unavailable, "connection to \(endpoint) closed before its handshake"))
        expireDeadlinesCallback = {}
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        output.buffer.writeBytes(ConnectionPreface.bytes)
        output.buffer.writeFrame(.settings, stream: 0, message: localSettings)
        flushOutput()
        if let interval = configuration.keepaliveInterval {
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            keepaliveTimer = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
                handler.value.checkLiveness(interval: interval)
            }
        }
        context.fireChannelActive()
    }

    /// Sends a PING when calls are open and the peer has been silent; a PING left unanswered
    /// closes the connection, so calls to a hung peer fail instead of waiting out their deadlines.
    private func checkLiveness(interval: TimeAmount) {
        guard !closed, !streams.isEmpty, pingTimeout == nil, NIODeadline.now() - lastRead >= interval else { return }
        pingsSent += 1
        var payload = context.channel.allocator.buffer(capacity: 8)
        payload.writeInteger(pingsSent)
        output.buffer.writeFrame(.ping, stream: 0, payload: payload)
        flushOutput()
        pingTimeout = context.eventLoop.assumeIsolated().scheduleTask(in: configuration.keepaliveTimeout) { [self] in
            fail(RPCError(.unavailable, "\(endpoint) did not answer a keepalive PING"))
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case TLSUserEvent.handshakeCompleted(let negotiated) = event {
            if negotiated != ConnectionPreface.alpn {
                fail(RPCError(.unavailable, "\(endpoint) does not speak \(ConnectionPreface.alpn) (ALPN: \(negotiated ?? "none"))"))
            } else if let expected = configuration.expectedServerIdentity {
                let certificate = try? context.pipeline.syncOperations.nioSSL_peerCertificate()
                let principal = PeerIdentity.principal(from: certificate)
                if principal.identity != expected {
                    fail(RPCError(.unauthenticated, "\(endpoint) presented identity \(principal.identity), expected \(expected)"))
                } else {
                    handshake.succeed(())
                }
            } else {
                handshake.succeed(())
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(RPCError(.unavailable, "connection to \(endpoint) failed: \(error)"))
    }

    func channelInactive(context: ChannelHandlerContext) {
        keepaliveTimer?.cancel()
        deadlines.cancel()
        pingTimeout?.cancel()
        let reason = closeReason ?? RPCError(.unavailable, "connection to \(endpoint) closed")
        closed = true
        handshake.fail(reason)
        let open = streams
        streams.removeAll()
        for stream in open.values { stream.fail(CallFailure(error: reason, notProcessed: false)) }
        startWaitingCalls()
        onUnusable(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        output.reading = true
        lastRead = .now()
        parser.append(unwrapInboundIn(data))
        do {
            while !closed, let frame = try parser.next() {
                try handle(frame)
            }
        } catch {
            fail(RPCError(.internal, "protocol error from \(endpoint): \(error)"))
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        output.reading = false
        flushOutput()
        context.fireChannelReadComplete()
    }

    // MARK: Frames

    private func handle(_ frame: Frame) throws {
        switch frame.type {
        case .settings:
            do {
                peerSettings = try Settings(buffer: frame.payload).normalized
            } catch {
                throw FrameError.malformedPayload(.settings, "\(error)")
            }
        case .message:
            guard let stream = streams[frame.streamID] else { return }
            let outcome: MessageAssembler.Outcome
            do {
                outcome = try stream.receive.receive(frame)
            } catch .windowExceeded {
                throw FrameError.unexpectedFrame("MESSAGE beyond the flow-control window")
            } catch {
                return abandon(stream, RPCError(.resourceExhausted, "a response exceeds \(configuration.maximumMessageSize) bytes"))
            }
            switch outcome {
            case .fragment(let credit):
                if let inbound = stream.inbound {
                    inbound.fragmentArrived(credit: credit)
                } else {
                    grantCredit(stream: stream.id, credit)  // the one response: bounded by the message limit
                }
            case .message(let message, let credit):
                if let inbound = stream.inbound {
                    inbound.deliver(message, credit: credit)
                } else if stream.response == nil {
                    stream.response = message
                } else {
                    abandon(stream, RPCError(.internal, "the server sent more than one response to a single-response call"))
                }
            }
        case .trailers:
            guard let stream = streams.removeValue(forKey: frame.streamID) else { return }
            let trailers: Trailers
            do {
                trailers = try Trailers(buffer: frame.payload, limits: configuration.wireLimits)
            } catch {
                throw FrameError.malformedPayload(.trailers, "\(error)")
            }
            complete(stream, trailers)
        case .cancel:
            guard let stream = streams.removeValue(forKey: frame.streamID) else { return }
            let reason = (try? CancelReason(buffer: frame.payload)) ?? CancelReason()
            let error = RPCError(reason.status, reason.message.isEmpty ? "the server cancelled the call" : reason.message)
            remember(error, for: stream)
            stream.fail(CallFailure(error: error, notProcessed: false))
            streamEnded()
        case .windowUpdate:
            guard frame.payload.readableBytes == 4, let credit = frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt32.self) else {
                throw FrameError.malformedPayload(.windowUpdate, "payload must be 4 bytes")
            }
            if let stream = streams[frame.streamID] {
                stream.send.grant(Int(credit))
                drain(stream)
            }
        case .ping:
            try FrameRules.checkPing(frame)
            if frame.flags.contains(.ack) {
                pingTimeout?.cancel()
                pingTimeout = nil
            } else {
                output.buffer.writeFrame(.ping, flags: .ack, stream: 0, payload: frame.payload)
                scheduleFlush()
            }
        case .goAway:
            let goAway = (try? GoAway(buffer: frame.payload)) ?? GoAway()
            goAwayReceived = true
            onUnusable(context.channel)
            // Calls above the server's last stream were never seen: any of them may be retried.
            let refused = streams.filter { $0.key > goAway.lastStreamID }
            for (id, stream) in refused {
                streams[id] = nil
                stream.fail(CallFailure(error: RPCError(.unavailable, "\(endpoint) is shutting down: \(goAway.message)"), notProcessed: true))
            }
            startWaitingCalls()
            if streams.isEmpty { close() }
        default:
            break
        }
    }

    private func complete(_ stream: ClientStream, _ trailers: Trailers) {
        if trailers.status == .ok {
            if let inbound = stream.inbound {
                inbound.finish()
                if let waiter = stream.writerWaiter {
                    stream.writerWaiter = nil
                    waiter.resume(throwing: RPCError(.ok, "the call already finished"))
                }
            } else if let waiter = stream.responseWaiter {
                stream.responseWaiter = nil
                if let response = stream.response {
                    waiter.succeed(response)
                } else {
                    waiter.fail(CallFailure(error: RPCError(.internal, "the server finished without a response"), notProcessed: false))
                }
            }
        } else {
            let error = RPCError(trailers.status, trailers.message, metadata: trailers.metadata)
            remember(error, for: stream)
            stream.fail(CallFailure(error: error, notProcessed: false))
        }
        streamEnded()
    }

    /// Keeps why the server ended a call whose caller may still be sending: its next `send`
    /// then throws the server's status (RESOURCE_EXHAUSTED, INVALID_ARGUMENT…) rather than a
    /// CANCELLED nobody asked for. Forgotten when the caller half-closes or cancels; the table
    /// is cleared if it ever holds more than 1,024 calls whose callers never did.
    private func remember(_ error: RPCError, for stream: ClientStream) {
        guard !stream.halfClosed, stream.kind == .clientStreaming || stream.kind == .bidirectionalStreaming else { return }
        if endedByServer.count >= 1_024 { endedByServer.removeAll() }
        endedByServer[stream.id] = error
    }

    private func streamEnded() {
        while streams.count < Int(peerSettings.maximumConcurrentStreams), let next = waitingCalls.popFirst() {
            next()
        }
        if streams.isEmpty && goAwayReceived { close() }
    }

    // MARK: Calls

    /// Runs the queued starts now; on a connection that can take no calls they fail as not processed.
    private func startWaitingCalls() {
        let waiting = waitingCalls
        waitingCalls.removeAll()
        for start in waiting { start() }
    }

    /// Opens a stream. For unary and server-streaming calls `request` is the one request and
    /// the stream is half-closed at once.
    func start<Request: WireMessage>(
        path: String, headers: CallHeaders, kind: CallKind, request: Request?, deadline: NIODeadline?,
        token: CallToken, responseWaiter: ResponseSink?, inbound: InboundMessages?
    ) {
        guard !token.cancelled else {
            let failure = CallFailure(error: RPCError(.cancelled, "the call was cancelled"), notProcessed: true)
            responseWaiter?.fail(failure)
            inbound?.finish(failure.error)
            return
        }
        guard isUsable else {
            let failure = CallFailure(error: closeReason ?? RPCError(.unavailable, "connection to \(endpoint) is closing"), notProcessed: true)
            responseWaiter?.fail(failure)
            inbound?.finish(failure.error)
            return
        }
        // Past the server's concurrency limit, calls wait here in order rather than be refused.
        guard streams.count < Int(peerSettings.maximumConcurrentStreams) else {
            waitingCalls.append { [self] in
                start(path: path, headers: headers, kind: kind, request: request, deadline: deadline,
                      token: token, responseWaiter: responseWaiter, inbound: inbound)
            }
            return
        }
        let id = nextStreamID
        nextStreamID += 2
        token.streamID = id
        let stream = ClientStream(
            id: id, kind: kind, receiveWindow: Int(localSettings.initialWindowSize),
            sendWindow: Int(peerSettings.initialWindowSize), maximumMessageSize: Int(configuration.maximumMessageSize))
        stream.responseWaiter = responseWaiter
        stream.inbound = inbound
        streams[id] = stream
        output.buffer.writeFrame(.headers, stream: id, message: headers)
        if let request {
            stream.halfClosed = true
            let size = request.encodedSize()
            if stream.send.fitsDirectly(size, maximumFrameSize: Int(peerSettings.maximumFrameSize)) {
                stream.send.consumeDirect(size)
                output.buffer.writeFrame(.message, flags: .endStream, stream: id, message: request, encodedSize: size)
            } else {
                stream.send.enqueue(ByteBuffer.encoding(request), endStream: true)
                drain(stream)
            }
        }
        if let deadline {
            stream.deadline = deadline
            deadlines.track(deadline, on: context.eventLoop, expireDeadlinesCallback)
        }
        scheduleFlush()
    }

    /// Fails every call whose deadline has passed (telling the server) and re-aims the timer.
    private func expireDeadlines() {
        let now = NIODeadline.now()
        var next: NIODeadline?
        for stream in Array(streams.values) {
            guard let deadline = stream.deadline else { continue }
            if deadline <= now {
                streams.removeValue(forKey: stream.id)
                sendCancel(stream.id, CancelReason(code: .deadlineExceeded, message: "the client's deadline passed"))
                stream.fail(CallFailure(error: RPCError(.deadlineExceeded, "no answer from \(endpoint) before the deadline"), notProcessed: false))
            } else if next == nil || deadline < next! {
                next = deadline
            }
        }
        deadlines.fired(nextDeadline: next, on: context.eventLoop, expireDeadlinesCallback)
        streamEnded()
    }

    func send(token: CallToken, _ message: ByteBuffer, _ continuation: UnsafeContinuation<Void, any Error>) {
        guard let stream = streams[token.streamID], !stream.halfClosed else {
            // A message after the call ended: why it ended (the server's status; UNAVAILABLE when
            // the connection closed), not a cancellation nobody asked for.
            let reason = endedByServer[token.streamID]
                ?? (closed ? closeReason ?? RPCError(.unavailable, "connection to \(endpoint) closed")
                           : RPCError(.cancelled, "the call is no longer active"))
            return continuation.resume(throwing: reason)
        }
        stream.send.enqueue(message)
        if drain(stream) {
            continuation.resume()
        } else {
            stream.writerWaiter = continuation
        }
    }

    func halfClose(token: CallToken) {
        endedByServer.removeValue(forKey: token.streamID)
        guard let stream = streams[token.streamID], !stream.halfClosed else { return }
        stream.halfClosed = true
        output.buffer.writeFrame(.endStream, stream: stream.id, payload: ByteBuffer())
        scheduleFlush()
    }

    /// The caller gave up: tell the server and fail the call locally.
    func cancel(token: CallToken) {
        token.cancelled = true
        endedByServer.removeValue(forKey: token.streamID)
        guard let stream = streams.removeValue(forKey: token.streamID) else { return }
        sendCancel(stream.id, CancelReason(code: .cancelled, message: "the client cancelled the call"))
        stream.fail(CallFailure(error: RPCError(.cancelled, "the call was cancelled"), notProcessed: false))
        streamEnded()
    }

    func grantCredit(stream id: UInt32, _ credit: Int) {
        guard credit > 0, let stream = streams[id] else { return }
        stream.receive.granted(credit)
        writeWindowUpdate(stream: id, credit: credit)
    }

    @discardableResult
    private func drain(_ stream: ClientStream) -> Bool {
        let done = stream.send.drain(into: &output.buffer, stream: stream.id, maximumFrameSize: Int(peerSettings.maximumFrameSize))
        scheduleFlush()
        if done, let waiter = stream.writerWaiter {
            stream.writerWaiter = nil
            waiter.resume()
        }
        return done
    }

    private func abandon(_ stream: ClientStream, _ error: RPCError) {
        streams[stream.id] = nil
        sendCancel(stream.id, CancelReason(code: error.code, message: error.message))
        stream.fail(CallFailure(error: error, notProcessed: false))
        streamEnded()
    }

    private func sendCancel(_ id: UInt32, _ reason: CancelReason) {
        output.buffer.writeFrame(.cancel, stream: id, message: reason)
        scheduleFlush()
    }

    // MARK: Connection

    private func fail(_ error: RPCError) {
        if closeReason == nil { closeReason = error }
        handshake.fail(error)
        close()
    }

    func close() {
        guard !closed else { return }
        closed = true
        flushOutput()
        context.close(promise: nil)
    }
}
