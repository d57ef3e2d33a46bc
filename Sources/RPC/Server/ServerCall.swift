import JCSkillsProtocol
import NIOCore

/// A handler task's handle on its call: everything it does to the connection goes through
/// here and runs on the connection's event loop (the task usually already is). Also what the
/// call's ``ServerContext`` reads (``CallFacts``) and what the connection's machine keeps for the
/// stream, so that a call costs one object, made when its HEADERS arrive and kept by the
/// machine and the handler's task (as a second object for the machine it cost an allocation
/// and a few retains and releases a call: BENCHMARKS.md, "CPU per call").
///
/// `@unchecked Sendable`: every stored property is a `let` of a Sendable type but ``task`` and
/// ``writerWaiter``, which only the connection's handler touches, on its event loop.
final class ServerCall: CallFacts, @unchecked Sendable {
    let connection: NIOLoopBound<ServerConnectionHandler>
    let streamID: UInt32
    let registered: RegisteredMethod
    /// Client-streaming and bidirectional calls: the requests for the handler to take.
    let inbound: InboundMessages?
    /// The server's limits and auditor, read where needed: copied into every call, the auditor
    /// alone cost a few retains and releases a call (BENCHMARKS.md, "CPU per call").
    let shared: ServerShared
    /// Set only when the server has a tracer (Sources/RPC/Tracing/ServerCallSpan.swift).
    let span: ServerCallSpan?
    /// The handler's task (the connection's; a traced copy's stays nil).
    var task: Task<Void, Never>?
    /// A handler's `send` waiting for credit or for the socket.
    var writerWaiter: UnsafeContinuation<Void, any Error>?

    init(connection: NIOLoopBound<ServerConnectionHandler>, streamID: UInt32, caller: ConnectionPeer, method: RegisteredMethod,
         deadline: NIODeadline?, sentMetadata: [MetadataEntry]?, requestID: RequestIDValue, inbound: InboundMessages?,
         shared: ServerShared, span: ServerCallSpan? = nil) {
        self.connection = connection
        self.streamID = streamID
        self.registered = method
        self.inbound = inbound
        self.shared = shared
        self.span = span
        super.init(caller: caller, method: method.path, deadline: deadline, sentMetadata: sentMetadata, requestID: requestID)
    }

    var context: ServerContext { ServerContext(facts: self) }

    /// The same call, reporting its outcome to `span`.
    func traced(by span: ServerCallSpan) -> ServerCall {
        ServerCall(connection: connection, streamID: streamID, caller: caller, method: registered, deadline: deadline,
                   sentMetadata: sentMetadata, requestID: requestIDValue, inbound: inbound, shared: shared, span: span)
    }

    var eventLoop: any EventLoop { connection.eventLoop }
    var limits: WireLimits { shared.configuration.wireLimits }

    func decode<M: WireMessage>(_ type: M.Type, _ buffer: ByteBuffer?) throws -> M {
        guard let buffer else { throw RPCError(.internal, "no request message") }
        do {
            return try M(buffer: buffer, limits: limits)
        } catch {
            throw RPCError(.invalidArgument, "the request could not be decoded: \(error)")
        }
    }

    func requests<M: WireMessage>(_ type: M.Type) -> MessageStream<M> {
        MessageStream(inbound: inbound!, limits: limits, decodeFailure: .invalidArgument)
    }

    /// The response, then TRAILERS OK. On the connection's loop (an answer at once, a handler
    /// that never waited) the response goes into the frame as it is: boxed as `any WireMessage`
    /// to cross to the loop, it was one of the server's allocations a call (BENCHMARKS.md,
    /// "CPU per call").
    func finish<Response: WireMessage>(response: Response) {
        guard eventLoop.inEventLoop else {
            let (connection, id, answer) = (connection, streamID, response as any WireMessage)
            return eventLoop.execute { connection.value.finish(stream: id, response: answer) }
        }
        connection.value.finish(stream: streamID, response: response)
    }

    func finishStream() {
        connection.runOrExecute(streamID) { connection, id in connection.finish(stream: id, trailers: Trailers(code: .ok)) }
    }

    /// Ends the call with the status `error` maps to; a PERMISSION_DENIED goes to the auditor
    /// first (every refusal is audited, whether a policy or the handler refused).
    func finish(error: any Error) async {
        let trailers = ServerCall.trailers(for: error, context: context)
        span?.failed(trailers.status, error)
        if trailers.status == .permissionDenied {
            await shared.auditor.refused(principal: context.principal, method: context.method, requestID: context.requestID,
                                  reason: trailers.message)
        }
        connection.runOrExecute((streamID, trailers)) { connection, end in connection.finish(stream: end.0, trailers: end.1) }
    }

    /// ``finish(error:)`` from the event loop, outside any task (so never traced: a traced call
    /// answers in its task): a refusal waits for the auditor in a task of its own; any other
    /// error ends the call here and now.
    func finishAtOnce(error: any Error) {
        let trailers = ServerCall.trailers(for: error, context: context)
        guard trailers.status != .permissionDenied else {
            Task.immediate(executorPreference: connection.value.executor) { await self.finish(error: error) }
            return
        }
        connection.value.finish(stream: streamID, trailers: trailers)
    }

    func send(_ message: any WireMessage) async throws {
        if eventLoop.inEventLoop, try connection.value.trySend(stream: streamID, message) {
            return
        }
        let buffer = ByteBuffer.encoding(message)
        let connection = connection
        let id = streamID
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
                eventLoop.runOrExecute { connection.value.sendOrWait(stream: id, buffer, continuation) }
            }
        } onCancel: {
            eventLoop.execute { connection.value.failWriter(stream: id) }
        }
    }

    /// What the caller sees for an error a handler threw. Errors that are not RPC errors stay in
    /// the server's log; the caller gets INTERNAL with the request id to quote.
    static func trailers(for error: any Error, context: ServerContext) -> Trailers {
        if let convertible = error as? any RPCErrorConvertible {
            let rpc = convertible.rpcError
            return Trailers(code: rpc.code, message: rpc.message, metadata: rpc.metadata)
        }
        if error is CancellationError {
            return Trailers(code: .cancelled, message: "the call was cancelled")
        }
        context.logger.error("handler failed", metadata: ["error": "\(String(reflecting: error))"])
        return Trailers(code: .internal, message: "internal error (request id \(context.requestID))")
    }
}
