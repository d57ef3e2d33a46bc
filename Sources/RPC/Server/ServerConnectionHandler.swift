import JCSkillsExecutors
import JCSkillsProtocol
import Logging
import NIOCore
import NIOSSL
import NIOTLS
import Tracing

/// One client connection on a NIO channel: TLS's outcome, timers and the handlers' tasks around
/// the protocol, which ``ServerConnectionStateMachine`` decides (Protocol/SPEC.md §2–§10). The
/// machine writes its frames into ``output``; everything of a loop pass goes out in one flush
/// (docs/ANCHORS.md §2).
final class ServerConnectionHandler: ActionDriver {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    typealias Machine = ServerConnectionStateMachine<ServerCall>

    let shared: ServerShared
    let executor: EventLoopTaskExecutor
    private(set) var context: ChannelHandlerContext?
    /// The machine, its actions and the output go unchecked for overlapping access: see
    /// ``ActionDriver`` for why none can overlap.
    @exclusivity(unchecked) private var machine: Machine
    /// Reused for every event, so that the machine's answers cost no allocation.
    @exclusivity(unchecked) var actions: [ServerConnectionAction<ServerCall>] = []
    var performing = false
    /// Who is at the other end; every call's context shares it.
    private var caller: ConnectionPeer {
        didSet { lastAllowed = nil }
    }
    /// The method this connection's peer last called and was allowed to: a connection mostly
    /// calls one method over and over, and the policy's answer depends on the method and the
    /// peer alone, so a repeat skips the look-up and the check (BENCHMARKS.md, "CPU per call").
    private var lastAllowed: RegisteredMethod?
    @exclusivity(unchecked) var output = FrameOutput()
    private var handshakeTimer: Scheduled<Void>?
    private var sweepTimer: Scheduled<Void>?
    private var deadlines = DeadlineTimer()
    /// Made once per connection, not per call.
    private var expireDeadlinesCallback: @Sendable () -> Void = {}
    private var closed = false
    private var registrationID: Int?

    init(shared: ServerShared, eventLoop: any EventLoop) {
        self.shared = shared
        self.executor = EventLoopTaskExecutor(eventLoop)
        self.machine = Machine(limits: shared.limits, budget: shared.budget, now: Int64(clamping: eventLoop.now.uptimeNanoseconds))
        self.caller = .unidentified(address: "unknown", logger: shared.logger)
        actions.reserveCapacity(8)
    }

    private var logger: Logger { shared.logger }

    /// The machine's clock: the event loop's, in monotonic nanoseconds (a testing loop's is
    /// virtual, so that the timeouts can be tested without waiting for them).
    private var now: Int64 { Int64(clamping: executor.eventLoop.now.uptimeNanoseconds) }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let handler = NIOLoopBound(self, eventLoop: executor.eventLoop)
        expireDeadlinesCallback = { handler.value.expireDeadlines() }
        output.buffer = context.channel.allocator.buffer(capacity: 4096)
        caller = .unidentified(address: context.channel.remoteAddress?.description ?? "unknown", logger: logger)
    }

    /// The context holds this handler and this handler held the context and a callback
    /// holding itself: without letting go of both, every connection's handler (about 6 KB with
    /// what it keeps) outlived it.
    func handlerRemoved(context: ChannelHandlerContext) {
        expireDeadlinesCallback = {}
        self.context = nil
        machine.writable = false
    }

    func channelActive(context: ChannelHandlerContext) {
        registrationID = shared.connections.add(NIOLoopBound(self, eventLoop: executor.eventLoop), channel: context.channel)
        handshakeTimer = context.eventLoop.assumeIsolated().scheduleTask(in: shared.configuration.handshakeTimeout) { [self] in
            logger.info("closing connection: no TLS handshake and SETTINGS in time", metadata: ["peer": "\(caller.address)"])
            close()
        }
        machine.writable = context.channel.isWritable
        machine.start(frames: &output.buffer)
        scheduleFlush()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        handshakeTimer?.cancel()
        sweepTimer?.cancel()
        deadlines.cancel()
        machine.connectionClosed(now: now, actions: &actions)
        performActions()
        if let registrationID { shared.connections.remove(registrationID) }
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case TLSUserEvent.handshakeCompleted(let negotiated) = event {
            guard negotiated == ConnectionPreface.alpn else {
                logger.info("closing connection: ALPN \(negotiated ?? "none") is not \(ConnectionPreface.alpn)", metadata: ["peer": "\(caller.address)"])
                close()
                return
            }
            let certificate = try? context.pipeline.syncOperations.nioSSL_peerCertificate()
            caller = caller.identified(as: PeerIdentity.principal(from: certificate))
        } else if let peer = event as? InProcessPeer {
            caller = caller.identified(as: peer.principal)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // TLS refusals (unknown CA, expired certificate, no certificate, not TLS at all) land here.
        logger.info("connection error", metadata: ["peer": "\(caller.address)", "error": "\(error)"])
        close()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        output.reading = true
        machine.writable = context.channel.isWritable
        machine.receive(unwrapInboundIn(data), frames: &output.buffer, actions: &actions)
        performActions()
        let now = self.now
        while true {
            let result = machine.processNextFrame(now: now, frames: &output.buffer, actions: &actions)
            if case .open(let request) = result { open(request, now: now) }
            afterEvent()
            if case .needMoreBytes = result { return }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        output.reading = false
        flushOutput()
        context.fireChannelReadComplete()
    }

    /// The socket has taken what was waiting: the streams whose responses waited for it go on,
    /// one at a time, until it backs up again (so that what is written past the watermark is
    /// at most one stream's share).
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        machine.writable = context.channel.isWritable
        if machine.writable {
            let now = self.now
            for id in machine.streamsWaitingToSend {
                guard machine.writable else { break }
                machine.drain(stream: id, now: now, frames: &output.buffer, actions: &actions)
                performActions()
                flushOutput()
            }
        }
        context.fireChannelWritabilityChanged()
    }

    /// The machine's `writable` follows the channel's through the events that change it: the
    /// channel's activation and writability events, each read and each flush (here), and the
    /// handler's removal. So answering and sending need not ask the channel, which cost a retain
    /// and a release of it each time (BENCHMARKS.md, "CPU per call").
    func didFlush() {
        machine.writable = channelWritable
    }

    /// False once the handler is removed: a call's task that answers after its connection
    /// closed finds the machine closed and nothing to write to.
    private var channelWritable: Bool { context?.channel.isWritable ?? false }

    // MARK: Calls

    /// A HEADERS frame the machine let through: the method, the caller's right to call it, and
    /// what the handler will need.
    private func open(_ request: Machine.OpenRequest, now: Int64) {
        let id = request.streamID
        let headers = request.headers
        // The caller's request id, if it gave one a log line can carry.
        let givenRequestID: RequestIDValue?
        let sentMetadata: [MetadataEntry]?
        switch headers {
        case .usual(let usual):
            givenRequestID = usual.requestID.map(RequestIDValue.number)
            sentMetadata = usual.requestID == nil ? [] : nil
        case .general(let general):
            givenRequestID = RequestIDs.accepted(general.metadata.first { $0.key == MetadataKey.requestID }?.value).map(RequestIDValue.text)
            sentMetadata = general.metadata
        }
        let caller = self.caller
        let method: RegisteredMethod
        if let last = lastAllowed, last.path == headers.method {
            method = last
        } else {
            guard let found = shared.router.methods[headers.method] else {
                return machine.refuse(id, .unimplemented, "unknown method \(headers.method)", frames: &output.buffer)
            }
            let principal = caller.principal
            guard found.policy.allows(principal) else {
                shared.auditor.denied(principal: principal, method: found.path, requestID: givenRequestID?.text, reason: "policy allows \(found.policy)")
                found.metrics.callFinished(code: .permissionDenied, nanoseconds: 0)
                return machine.refuse(id, .permissionDenied, "\(principal.identity) may not call \(found.path)", frames: &output.buffer)
            }
            method = found
            lastAllowed = found
        }
        // §6.1: the deadline counts from receipt.
        let deadline: NIODeadline? = headers.timeoutMicroseconds == 0
            ? nil : .uptimeNanoseconds(UInt64(now)) + .microseconds(Int64(clamping: headers.timeoutMicroseconds))
        var inbound: InboundMessages?
        if method.kind.streamsRequests {
            let connection = NIOLoopBound(self, eventLoop: executor.eventLoop)
            inbound = InboundMessages { credit in
                connection.eventLoop.runOrExecute { connection.value.grantCredit(stream: id, credit) }
            }
        }
        // A bound value of its own rather than the one above: passing that one on cost a retain
        // and a release of each of its two references a call (BENCHMARKS.md, "CPU per call").
        let call = ServerCall(
            connection: NIOLoopBound(self, eventLoop: executor.eventLoop), streamID: id, caller: caller, method: method,
            deadline: deadline, sentMetadata: sentMetadata, requestID: givenRequestID ?? .number(RequestIDs.nextNumber()),
            inbound: inbound, shared: shared)
        guard machine.accept(
            request, call: call, kind: method.kind, deadline: deadline.map { Int64(clamping: $0.uptimeNanoseconds) },
            now: now, frames: &output.buffer, actions: &actions)
        else { return }
        method.metrics.callStarted()
        if let deadline {
            deadlines.track(deadline, on: executor.eventLoop, expireDeadlinesCallback)
        }
    }

    private func start(_ call: ServerCall, request: ByteBuffer?) {
        let method = call.registered
        let tracer = shared.configuration.tracer
        // A call that streams requests is an import: thousands of rows a message and a
        // transaction each. It runs on the shared pool, not on this loop, where its work held up
        // the loop's other calls and the answers to its own calls to other services (a class
        // list's registry look-ups waited behind its writes: docs/NUMBERS.md, "The demo data").
        let preference: any TaskExecutor = method.kind.streamsRequests ? globalConcurrentExecutor : executor
        let inherited = CallScope.Inherited(served: call.context, executor: preference)
        // The scope is bound around the task's creation, which copies it into the task: bound
        // inside, its push and pop cost three executor switches a call (BENCHMARKS.md, "CPU per call").
        call.task = CallScope.$current.withValue(inherited) { () -> Task<Void, Never>? in
            // A handler that can answer from memory answers here, in the scope but with no
            // task (BENCHMARKS.md, "CPU per call"); what it leaves goes on in a task. Not under
            // a tracer: the span needs the task's context.
            var rest: (@Sendable () async -> Void)?
            if tracer == nil, let answerAtOnce = method.answerAtOnce {
                guard let unanswered = answerAtOnce(call, request) else { return nil }
                rest = unanswered
            }
            // A call that streams requests starts on the shared pool. Every other call starts
            // here and now, on this loop, and runs until it first waits: a handler that answers
            // without waiting writes its answer in this same read pass and costs no trip through
            // the loop's queue (docs/ARCHITECTURE.md, "Server connection"). What the handler
            // causes before it first waits (its call ended, say) is an action performed after
            // this one returns (``ActionDriver``), so `.abandon` finds the task.
            return method.kind.streamsRequests
                ? Task(executorPreference: preference) { await serveCall(call, request, method, tracer) }
                : Task.immediate(executorPreference: preference) { [rest] in
                    if let rest { return await rest() }
                    await serveCall(call, request, method, tracer)
                }
        }
    }

    /// Ends every call whose deadline has passed and aims the timer at the next deadline.
    private func expireDeadlines() {
        let next = machine.expireDeadlines(now: now, frames: &output.buffer, actions: &actions)
        deadlines.fired(nextDeadline: next.map { NIODeadline.uptimeNanoseconds(UInt64($0)) }, on: executor.eventLoop, expireDeadlinesCallback)
        afterEvent()
    }

    // MARK: Answers (from the handlers' tasks, on this event loop)

    /// The response written into its frame as it is (``ServerCall/finish(response:)``).
    func finish<Response: WireMessage>(stream id: UInt32, response: Response) {
        machine.finish(stream: id, responseSize: response.encodedSize(), now: now, frames: &output.buffer, actions: &actions) {
            response.writeFields(to: &$0)
        }
        afterEvent()
    }

    func finish(stream id: UInt32, trailers: Trailers) {
        machine.finish(stream: id, trailers: trailers, now: now, frames: &output.buffer, actions: &actions)
        afterEvent()
    }

    /// Writes a streamed message now if the window allows; false if it must wait.
    func trySend(stream id: UInt32, _ message: any WireMessage) throws -> Bool {
        guard try machine.trySend(stream: id, message, frames: &output.buffer) else { return false }
        scheduleFlush()
        return true
    }

    func sendOrWait(stream id: UInt32, _ buffer: ByteBuffer, _ continuation: UnsafeContinuation<Void, any Error>) {
        let outcome = machine.sendOrWait(stream: id, buffer, now: now, frames: &output.buffer, actions: &actions)
        if case .waiting = outcome { machine.streams[id]?.call.writerWaiter = continuation }
        afterEvent()
        switch outcome {
        case .sent: continuation.resume()
        case .waiting: break
        case .failed(let error): continuation.resume(throwing: error)
        }
    }

    func failWriter(stream id: UInt32) {
        guard let stream = machine.writerCancelled(stream: id), let waiter = stream.writerWaiter else { return }
        stream.writerWaiter = nil
        waiter.resume(throwing: RPCError(.cancelled, "the call was cancelled"))
    }

    func grantCredit(stream id: UInt32, _ credit: Int) {
        machine.grantCredit(stream: id, credit, frames: &output.buffer)
        if output.buffer.readableBytes > 0 { scheduleFlush() }
    }

    // MARK: The machine's actions

    /// One action of the machine (``ActionDriver``).
    func perform(_ action: Action) {
        switch action {
        case .startHandler(let stream, let request):
            start(stream, request: request)
        case .deliver(let stream, let message, let credit):
            stream.inbound?.deliver(message, credit: credit)
        case .fragmentArrived(let stream, let credit):
            stream.inbound?.fragmentArrived(credit: credit)
        case .requestsEnded(let stream):
            stream.inbound?.finish()
        case .abandon(let stream, let code, let message):
            // The reason first, then the cancellation: a handler waiting for a message or for
            // credit learns why its call ended (UNAVAILABLE when the connection was lost, the
            // CANCEL's code), not the CANCELLED that cancelling its task would wake it with.
            let error = RPCError(code, message)
            stream.inbound?.finish(error)
            if let waiter = stream.writerWaiter {
                stream.writerWaiter = nil
                waiter.resume(throwing: error)
            }
            stream.task?.cancel()
        case .resumeWriter(let stream):
            if let waiter = stream.writerWaiter {
                stream.writerWaiter = nil
                waiter.resume()
            }
        case .callFinished(let stream, let code, let nanoseconds):
            stream.registered.metrics.callFinished(code: code, nanoseconds: nanoseconds)
        case .expired(let stream, let message):
            logger.info("ending call: \(message)", metadata: ["peer": "\(caller.address)", "method": "\(stream.registered.path)"])
        case .settingsReceived:
            handshakeTimer?.cancel()
            handshakeTimer = nil
            armSweep()
        case .protocolError(let error):
            logger.info("protocol error, closing connection", metadata: ["peer": "\(caller.address)", "error": "\(error)"])
        case .flush:
            flushOutput()
        case .close:
            close()
        }
    }

    // MARK: Connection lifecycle

    /// One timer per connection, a few times per timeout (SPEC.md §8): it costs nothing per call.
    private func armSweep() {
        guard !closed else { return }
        sweepTimer = executor.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(shared.limits.sweepIntervalNanoseconds)) { [self] in
            machine.sweep(now: now, frames: &output.buffer, actions: &actions)
            afterEvent()
            armSweep()
        }
    }

    /// Graceful: no new calls; the connection closes when the last call in flight finishes.
    func goAway(code: StatusCode, message: String) {
        machine.goAway(code, message: message, frames: &output.buffer, actions: &actions)
        afterEvent()
    }

    func close() {
        guard !closed else { return }
        closed = true
        machine.markClosed()
        flushOutput()
        context?.close(promise: nil)
    }
}

/// A call's task: its handler, with the caller's deadline, request id and language in scope.
@inline(__always)
private func serveCall(_ call: ServerCall, _ request: ByteBuffer?, _ method: RegisteredMethod, _ tracer: (any Tracer)?) async {
    if let tracer { return await ServerCallSpan.serve(call, request, method, tracer) }
    await method.invoke(call, request)
}
