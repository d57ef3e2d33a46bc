import DequeModule
import JCSkillsProtocol
import Logging
import NIOCore
import NIOSSL
import NIOTLS

/// The client side of one connection on a NIO channel: TLS's outcome, timers, the calls waiting
/// for a stream and the callers' continuations around the protocol, which
/// ``ClientConnectionStateMachine`` decides (Protocol/SPEC.md §2–§10). All frames of a loop pass
/// go out in one flush.
final class ClientConnectionHandler: ActionDriver {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    typealias Machine = ClientConnectionStateMachine<ClientStream>

    private let configuration: ClientConfiguration
    /// How messages name the server: `host:port`, or `name:port (address)` for a resolved name.
    private let peer: String
    /// Told once when this connection can take no new calls (GOAWAY or close).
    private let onUnusable: @Sendable (any Channel) -> Void
    private let handshake: EventLoopPromise<Void>
    private(set) var context: ChannelHandlerContext?
    /// The channel's loop, kept past the handler's removal (callers' events may still arrive).
    private var eventLoop: (any EventLoop)?
    /// The machine, its actions and the output go unchecked for overlapping access: see
    /// ``ActionDriver`` for why none can overlap.
    @exclusivity(unchecked) private var machine: Machine
    /// Reused for every event, so that the machine's answers cost no allocation.
    @exclusivity(unchecked) var actions: [ClientConnectionAction<ClientStream>] = []
    var performing = false
    private var waitingCalls: Deque<() -> Void> = []
    @exclusivity(unchecked) var output = FrameOutput()
    private var closed = false
    private var closeReason: RPCError?
    /// Calls the server ended while their callers may still be sending (``ClientConnectionAction/endedByServer(_:_:)``).
    private var endedByServer: [UInt32: RPCError] = [:]
    private var keepaliveTimer: RepeatedTask?
    private var pingTimeout: Scheduled<Void>?
    private var deadlines = DeadlineTimer()
    /// Made once per connection, not per call.
    private var expireDeadlinesCallback: @Sendable () -> Void = {}

    init(configuration: ClientConfiguration, peer: String, handshake: EventLoopPromise<Void>, onUnusable: @escaping @Sendable (any Channel) -> Void) {
        self.configuration = configuration
        self.peer = peer
        self.handshake = handshake
        self.onUnusable = onUnusable
        self.machine = Machine(
            localSettings: configuration.settings, wireLimits: configuration.wireLimits, peerName: peer,
            now: Int64(clamping: NIODeadline.now().uptimeNanoseconds))
        actions.reserveCapacity(8)
    }

    /// The machine's clock: the event loop's, in monotonic nanoseconds (a testing loop's is
    /// virtual, so that keepalive and deadlines can be tested without waiting for them).
    private var now: Int64 { Int64(clamping: (eventLoop?.now ?? .now()).uptimeNanoseconds) }

    var isUsable: Bool { machine.isUsable }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.eventLoop = context.eventLoop
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        expireDeadlinesCallback = { handler.value.expireDeadlines() }
        output.buffer = context.channel.allocator.buffer(capacity: 4096)
        machine.lastRead = now  // nothing read yet: keepalive counts from here, on the loop's clock
    }

    /// The context holds this handler and this handler held the context and a callback
    /// holding itself: without letting go of both, every connection's handler (about 6 KB with
    /// what it keeps) outlived it.
    func handlerRemoved(context: ChannelHandlerContext) {
        handshake.fail(closeReason ?? RPCError(.unavailable, "connection to \(peer) closed before its handshake"))
        expireDeadlinesCallback = {}
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        machine.start(frames: &output.buffer)
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
        guard context != nil else { return }
        machine.keepaliveTick(now: now, intervalNanoseconds: interval.nanoseconds, frames: &output.buffer, actions: &actions)
        afterEvent()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case TLSUserEvent.handshakeCompleted(let negotiated) = event {
            if negotiated != ConnectionPreface.alpn {
                fail(RPCError(.unavailable, "\(peer) does not speak \(ConnectionPreface.alpn) (ALPN: \(negotiated ?? "none"))"))
            } else {
                serverIdentified { PeerIdentity.principal(from: try? context.pipeline.syncOperations.nioSSL_peerCertificate()) }
            }
        } else if let inProcess = event as? InProcessPeer {
            serverIdentified { inProcess.principal }
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// The handshake's end: the server is who the configuration expects (the principal is read
    /// only when it matters), or the connection fails.
    private func serverIdentified(_ principal: () -> Principal) {
        if let expected = configuration.expectedServerIdentity, case let identity = principal().identity, identity != expected {
            fail(RPCError(.unauthenticated, "\(peer) presented identity \(identity), expected \(expected)"))
        } else {
            handshake.succeed(())
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(RPCError(.unavailable, "connection to \(peer) failed: \(error)"))
    }

    func channelInactive(context: ChannelHandlerContext) {
        keepaliveTimer?.cancel()
        deadlines.cancel()
        pingTimeout?.cancel()
        let reason = closeReason ?? RPCError(.unavailable, "connection to \(peer) closed")
        closed = true
        handshake.fail(reason)
        machine.connectionClosed(reason, actions: &actions)
        performActions()
        startWaitingCalls()
        onUnusable(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        output.reading = true
        machine.receive(unwrapInboundIn(data), now: now)
        while machine.processNextFrame(frames: &output.buffer, actions: &actions) {
            afterEvent()
        }
        afterEvent()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        output.reading = false
        flushOutput()
        context.fireChannelReadComplete()
    }

    // MARK: Calls

    /// Runs the queued starts now; on a connection that can take no calls they fail as not processed.
    private func startWaitingCalls() {
        let waiting = waitingCalls
        waitingCalls.removeAll()
        for start in waiting { start() }
    }

    /// Opens a stream for `call`. For unary and server-streaming calls `request` is the one
    /// request and the stream is half-closed at once.
    func start(
        path: String, headers: CallHeadersForm, kind: CallKind, request: (any WireMessage)?, deadline: NIODeadline?,
        call stream: ClientStream, responseWaiter: ResponseSink?
    ) {
        guard !stream.cancelled else {
            let failure = CallFailure(error: RPCError(.cancelled, "the call was cancelled"), notProcessed: true)
            responseWaiter?.fail(failure)
            stream.inbound?.finish(failure.error)
            return
        }
        let outcome = machine.open(
            call: stream, kind: kind, headers: headers, request: request,
            deadline: deadline.map { Int64(clamping: $0.uptimeNanoseconds) }, frames: &output.buffer, actions: &actions)
        switch outcome {
        case .opened(let id):
            // Before the actions of opening are performed (a deadline already passed ends the call).
            stream.responseWaiter = responseWaiter
            stream.streamID = id
            if let deadline, let eventLoop {
                deadlines.track(deadline, on: eventLoop, expireDeadlinesCallback)
            }
            afterEvent()
        case .full:
            // Past the server's concurrency limit, calls wait here in order rather than be refused.
            waitingCalls.append { [self] in
                start(path: path, headers: headers, kind: kind, request: request, deadline: deadline,
                      call: stream, responseWaiter: responseWaiter)
            }
        case .unusable:
            let failure = CallFailure(error: closeReason ?? RPCError(.unavailable, "connection to \(peer) is closing"), notProcessed: true)
            responseWaiter?.fail(failure)
            stream.inbound?.finish(failure.error)
        }
    }

    /// Fails every call whose deadline has passed (telling the server) and re-aims the timer.
    private func expireDeadlines() {
        let next = machine.expireDeadlines(now: now, frames: &output.buffer, actions: &actions)
        if let eventLoop {
            deadlines.fired(nextDeadline: next.map { NIODeadline.uptimeNanoseconds(UInt64($0)) }, on: eventLoop, expireDeadlinesCallback)
        }
        afterEvent()
    }

    func send(_ call: ClientStream, _ message: ByteBuffer, _ continuation: UnsafeContinuation<Void, any Error>) {
        switch machine.send(stream: call.streamID, message, frames: &output.buffer, actions: &actions) {
        case .sent:
            afterEvent()
            continuation.resume()
        case .waiting:
            call.writerWaiter = continuation  // the machine's call for this stream
            afterEvent()
        case .notActive:
            // A message after the call ended: why it ended (the server's status; UNAVAILABLE when
            // the connection closed), not a cancellation nobody asked for.
            let reason = endedByServer[call.streamID]
                ?? (closed ? closeReason ?? RPCError(.unavailable, "connection to \(peer) closed")
                           : RPCError(.cancelled, "the call is no longer active"))
            if reason.code == .ok {
                continuation.resume()  // the call has its outcome; the message is dropped
            } else {
                continuation.resume(throwing: reason)
            }
        }
    }

    func halfClose(_ call: ClientStream) {
        endedByServer.removeValue(forKey: call.streamID)
        machine.halfClose(stream: call.streamID, frames: &output.buffer)
        if output.buffer.readableBytes > 0 { scheduleFlush() }
    }

    /// The caller gave up: tell the server and fail the call locally.
    func cancel(_ call: ClientStream) {
        call.cancelled = true
        endedByServer.removeValue(forKey: call.streamID)
        machine.cancel(stream: call.streamID, frames: &output.buffer, actions: &actions)
        afterEvent()
    }

    func grantCredit(stream id: UInt32, _ credit: Int) {
        machine.grantCredit(stream: id, credit, frames: &output.buffer)
        if output.buffer.readableBytes > 0 { scheduleFlush() }
    }

    // MARK: The machine's actions

    /// One action of the machine (``ActionDriver``).
    func perform(_ action: Action) {
        switch action {
        case .succeed(let stream, let response):
            if let waiter = stream.responseWaiter {
                stream.responseWaiter = nil
                waiter.succeed(response)
            }
            stream.releaseWriter()
        case .responseMissing(let stream):
            if let waiter = stream.responseWaiter {
                stream.responseWaiter = nil
                waiter.fail(CallFailure(error: RPCError(.internal, "the server finished without a response"), notProcessed: false))
            }
            stream.releaseWriter()
        case .fail(let stream, let error, let notProcessed):
            stream.fail(CallFailure(error: error, notProcessed: notProcessed))
        case .deliver(let stream, let message, let credit):
            stream.inbound?.deliver(message, credit: credit)
        case .fragmentArrived(let stream, let credit):
            stream.inbound?.fragmentArrived(credit: credit)
        case .responsesEnded(let stream):
            stream.inbound?.finish()
            stream.releaseWriter()
        case .resumeWriter(let stream):
            if let waiter = stream.writerWaiter {
                stream.writerWaiter = nil
                waiter.resume()
            }
        case .endedByServer(let id, let error):
            // Forgotten when the caller half-closes or cancels; the table is cleared if it
            // ever holds more than 1,024 calls whose callers never did.
            if endedByServer.count >= 1_024 { endedByServer.removeAll() }
            endedByServer[id] = error
        case .startWaitingCalls:
            if machine.isUsable {
                while machine.hasFreeSlot, let next = waitingCalls.popFirst() { next() }
            } else {
                startWaitingCalls()  // each fails as not processed
            }
        case .goAwayReceived:
            if let channel = context?.channel { onUnusable(channel) }
        case .pingSent:
            flushOutput()
            pingTimeout = eventLoop?.assumeIsolated().scheduleTask(in: configuration.keepaliveTimeout) { [self] in
                fail(RPCError(.unavailable, "\(peer) did not answer a keepalive PING"))
            }
        case .pingAcknowledged:
            pingTimeout?.cancel()
            pingTimeout = nil
        case .protocolError(let error):
            fail(RPCError(.internal, "protocol error from \(peer): \(error)"))
        case .close:
            close()
        }
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
        machine.markClosed()
        flushOutput()
        context?.close(promise: nil)
    }
}
