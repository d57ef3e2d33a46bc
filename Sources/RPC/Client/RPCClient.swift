import JCSkillsProtocol
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Calls methods on a service over the JCSkills protocol.
///
/// One client holds one multiplexed connection per endpoint, shared by all calls — and per
/// address, for an endpoint given as a name that resolves to several (replicas; ``ReplicaSet``).
/// Calls go round-robin over the connections, skipping those that recently failed to connect.
/// A call that fails with UNAVAILABLE is retried on the next one when that is safe: the method
/// is idempotent, the call carries an idempotency key, or the server never saw it.
///
/// ```swift
/// let client = try RPCClient(endpoints: [Endpoint("127.0.0.1:7101")!], configuration: .init(tls: files))
/// let health = try await client.unary(HealthService.check, HealthCheckRequest())
/// ```
public final class RPCClient: Sendable {
    public let endpoints: [Endpoint]
    public let configuration: ClientConfiguration
    private let replicas: ReplicaSet
    private let cursor = Atomic<Int>(0)

    public convenience init(endpoints: [Endpoint], configuration: ClientConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws {
        precondition(!endpoints.isEmpty, "a client needs at least one endpoint")
        let revoked = try configuration.tls.revokedSerials.map(RevokedSerialsFile.init(path:))
        self.init(endpoints: endpoints, transport: .tls(try configuration.tls.makeClientContext(), revoked: revoked),
                  configuration: configuration, group: group)
    }

    /// A client of `server` in this process: the same connection, frames and calls as over the
    /// network, through a socket pair instead of TCP and TLS; the server takes every call as made
    /// by `identity`, as it would the identity in a certificate. `configuration.tls` is not read.
    /// For tests of what services do, where handshakes, certificates and ports add only time.
    public convenience init(
        inProcess server: RPCServer, as identity: Principal, configuration: ClientConfiguration,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        let endpoint = Endpoint(host: "in-process/\(server.configuration.serverName)", port: server.configuration.port)
        self.init(endpoints: [endpoint], transport: .inProcess(server, identity), configuration: configuration, group: group)
    }

    private init(endpoints: [Endpoint], transport: ClientTransport, configuration: ClientConfiguration, group: any EventLoopGroup) {
        self.endpoints = endpoints
        self.configuration = configuration
        var resolving = true
        if case .inProcess = transport { resolving = false }
        self.replicas = ReplicaSet(
            endpoints: endpoints, resolve: configuration.nameResolver ?? SystemNameResolver.resolve,
            interval: configuration.resolveInterval, resolving: resolving
        ) { address, name in
            ClientConnection(endpoint: address, name: name, configuration: configuration, transport: transport, group: group)
        }
    }

    /// Closes every connection. Calls in flight fail with UNAVAILABLE.
    public func close() async {
        await replicas.close()
    }

    // MARK: Calls

    public func unary<Request, Response>(_ method: Method<Request, Response>, _ request: Request, options: CallOptions = .defaults) async throws -> Response {
        if let tracer = configuration.tracer, !options.isTraced { return try await traced(tracer, method, options) { try await unary(method, request, options: $0) } }
        let buffer = try await unaryWithRetries(path: method.path, idempotent: method.isIdempotent, options: options, request: request)
        return try decode(Response.self, buffer)
    }

    /// Calls a server-streaming method; `body` reads the responses. Returning from `body` early
    /// cancels the call.
    public func serverStreaming<Request, Response, Result: Sendable>(
        _ method: Method<Request, Response>, _ request: Request, options: CallOptions = .defaults,
        _ body: (MessageStream<Response>) async throws -> Result
    ) async throws -> Result {
        if let tracer = configuration.tracer, !options.isTraced { return try await traced(tracer, method, options) { try await serverStreaming(method, request, options: $0, body) } }
        let plan = try makePlan(path: method.path, options)
        let handle = try await streamingHandle()
        let (stream, inbound) = makeStreamingCall(handle)
        let call = plan
        handle.eventLoop.runOrExecute {
            handle.handler.value.start(path: method.path, headers: call.headers(), kind: .serverStreaming, request: request,
                                       deadline: call.deadline, call: stream, responseWaiter: nil)
        }
        return try await run(handle, stream) {
            try await body(MessageStream(inbound: inbound, limits: self.configuration.wireLimits, decodeFailure: .internal))
        }
    }

    /// Calls a client-streaming method: `body` sends the requests; the response comes when
    /// `body` returns (the request stream is closed then).
    public func clientStreaming<Request, Response>(
        _ method: Method<Request, Response>, options: CallOptions = .defaults,
        _ body: (RequestWriter<Request>) async throws -> Void
    ) async throws -> Response {
        if let tracer = configuration.tracer, !options.isTraced { return try await traced(tracer, method, options) { try await clientStreaming(method, options: $0, body) } }
        let plan = try makePlan(path: method.path, options)
        let handle = try await streamingHandle()
        let stream = ClientStream()
        let buffer: ByteBuffer = try await run(handle, stream) {
            let response = handle.eventLoop.makePromise(of: ByteBuffer.self)
            handle.eventLoop.runOrExecute {
                handle.handler.value.start(path: method.path, headers: plan.headers(), kind: .clientStreaming, request: nil,
                                           deadline: plan.deadline, call: stream, responseWaiter: .promise(response))
            }
            let writer = RequestWriter<Request>(handle: handle, call: stream)
            // The server may answer before the body has sent everything (SPEC.md §5.4): the
            // writer then drops what the body still sends, and the answer is the call's.
            do {
                try await body(writer)
                writer.finish()
            } catch {
                handle.eventLoop.execute { handle.handler.value.cancel(stream) }
                _ = try? await response.futureResult.get()
                throw error
            }
            return try await response.futureResult.get()
        }
        return try decode(Response.self, buffer)
    }

    /// Calls a bidirectional method: `body` gets a writer for requests and the stream of
    /// responses. The request side closes when `body` returns; returning before the responses
    /// end cancels the call.
    public func bidirectionalStreaming<Request, Response, Result: Sendable>(
        _ method: Method<Request, Response>, options: CallOptions = .defaults,
        _ body: (RequestWriter<Request>, MessageStream<Response>) async throws -> Result
    ) async throws -> Result {
        if let tracer = configuration.tracer, !options.isTraced { return try await traced(tracer, method, options) { try await bidirectionalStreaming(method, options: $0, body) } }
        let plan = try makePlan(path: method.path, options)
        let handle = try await streamingHandle()
        let (stream, inbound) = makeStreamingCall(handle)
        handle.eventLoop.runOrExecute {
            handle.handler.value.start(path: method.path, headers: plan.headers(), kind: .bidirectionalStreaming, request: nil,
                                       deadline: plan.deadline, call: stream, responseWaiter: nil)
        }
        return try await run(handle, stream) {
            let writer = RequestWriter<Request>(handle: handle, call: stream)
            let result = try await body(writer, MessageStream(inbound: inbound, limits: self.configuration.wireLimits, decodeFailure: .internal))
            writer.finish()
            return result
        }
    }

    // MARK: Internals

    private func decode<M: WireMessage>(_ type: M.Type, _ buffer: ByteBuffer) throws -> M {
        do {
            return try M(buffer: buffer, limits: configuration.wireLimits)
        } catch {
            throw RPCError(.internal, "the response could not be decoded: \(error)")
        }
    }

    /// A call whose responses stream, with the stream they arrive on. Reading a message gives
    /// its credit back to the server on the call's stream; the grant holds the call weakly, as
    /// the call holds its messages (both for the call's life, not beyond it).
    private func makeStreamingCall(_ handle: ConnectionHandle) -> (ClientStream, InboundMessages) {
        let handler = handle.handler
        let stream = ClientStream()
        let inbound = InboundMessages { [weak stream] credit in
            guard let stream else { return }
            handler.eventLoop.runOrExecute { handler.value.grantCredit(stream: stream.streamID, credit) }
        }
        stream.inbound = inbound
        return (stream, inbound)
    }

    /// Runs a streaming call's body; cancels the stream if the body ends early or the task is cancelled.
    private func run<T>(_ handle: ConnectionHandle, _ stream: ClientStream, _ body: () async throws -> T) async throws -> T {
        let handler = handle.handler
        do {
            let result = try await withTaskCancellationHandler {
                try await body()
            } onCancel: {
                handler.eventLoop.execute { handler.value.cancel(stream) }
            }
            handler.eventLoop.execute { handler.value.cancel(stream) }  // no-op if the call already ended
            return result
        } catch let failure as CallFailure {
            throw failure.error
        } catch {
            handler.eventLoop.execute { handler.value.cancel(stream) }
            throw error
        }
    }

    /// The plan is read here, not in the closure that starts the call: a copy of it there cost
    /// its references' retains and releases a call (BENCHMARKS.md, "CPU per call").
    private func startSingleResponse(_ handle: ConnectionHandle, _ plan: borrowing CallPlan, kind: CallKind, request: any WireMessage) async throws -> ByteBuffer {
        let stream = ClientStream()
        let handler = handle.handler
        let path = plan.path
        let headers = plan.headers()
        let deadline = plan.deadline
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<ByteBuffer, any Error>) in
                // Spelled out rather than `runOrExecute`: the closure, and its context, is made
                // only for a caller off the loop.
                if handler.eventLoop.inEventLoop {
                    handler.value.start(path: path, headers: headers, kind: kind, request: request,
                                        deadline: deadline, call: stream, responseWaiter: .continuation(continuation))
                } else {
                    handler.eventLoop.execute {
                        handler.value.start(path: path, headers: headers, kind: kind, request: request,
                                            deadline: deadline, call: stream, responseWaiter: .continuation(continuation))
                    }
                }
            }
        } onCancel: {
            handler.eventLoop.execute { handler.value.cancel(stream) }
        }
    }

    /// Sends a unary call, again on another connection while the failure allows it. Calls
    /// ``startSingleResponse`` directly: through a closure, each call paid an executor switch
    /// when it returned (BENCHMARKS.md, "CPU per call").
    /// Not generic, and given only the method's path and whether it is idempotent: copies of
    /// the method and the options, generic values here, cost retains and releases a call.
    private func unaryWithRetries(
        path: String, idempotent: Bool, options: borrowing CallOptions, request: any WireMessage
    ) async throws -> ByteBuffer {
        let plan = try makePlan(path: path, options)
        let idempotencyKey = options.idempotencyKey != nil
        var attempts = 0
        while true {
            attempts += 1
            do {
                let handle = try await pickConnection().handle()
                return try await startSingleResponse(handle, plan, kind: .unary, request: request)
            } catch let failure as CallFailure {
                let retryable = failure.isSafeToRetry(idempotent: idempotent, idempotencyKey: idempotencyKey)
                let timeLeft = plan.deadline.map { $0 > .now() } ?? true
                guard retryable, attempts < configuration.maximumAttempts, timeLeft, !Task.isCancelled else {
                    throw failure.error
                }
            }
        }
    }

    /// A ready connection for a streaming call, which is not retried: its failure is the
    /// caller's ``RPCError``, like every other failure of the call.
    private func streamingHandle() async throws -> ConnectionHandle {
        do {
            return try await pickConnection().handle()
        } catch let failure as CallFailure {
            throw failure.error
        }
    }

    private func pickConnection() async throws -> ClientConnection {
        let connections = try await replicas.current()
        let start = cursor.wrappingAdd(1, ordering: .relaxed).oldValue
        for offset in 0..<connections.count {
            let connection = connections[(start &+ offset) % connections.count]
            if !connection.isBackingOff { return connection }
        }
        return connections[start % connections.count]
    }

    private func makePlan(path: String, _ options: borrowing CallOptions) throws -> CallPlan {
        let inherited = CallScope.current
        var deadline: NIODeadline?
        if let timeout = options.timeout {
            deadline = .now() + timeout.timeAmount
        } else if let inheritedDeadline = inherited?.deadline {
            deadline = inheritedDeadline
        } else if let timeout = configuration.defaultTimeout {
            deadline = .now() + timeout.timeAmount
        }
        // A tighter deadline from the call being served always wins: the caller upstream will
        // not wait longer than that.
        if let inheritedDeadline = inherited?.deadline, let chosen = deadline, inheritedDeadline < chosen {
            deadline = inheritedDeadline
        }
        if let deadline, deadline <= .now() {
            throw RPCError(.deadlineExceeded, "the deadline passed before the call to \(path) was made")
        }
        var metadata = options.metadata + configuration.metadata
        // A call made while serving another answers in the language of the caller upstream, whose
        // user may read the refusal it passes on.
        if let language = inherited?.acceptLanguage, !metadata.contains(where: { $0.key == MetadataKey.acceptLanguage }) {
            metadata.append(MetadataEntry(MetadataKey.acceptLanguage, language))
        }
        let requestID = options.requestID.map(RequestIDValue.text) ?? inherited?.requestIDValue ?? .number(RequestIDs.nextNumber())
        return CallPlan(path: path, deadline: deadline, metadata: metadata, requestID: requestID, idempotencyKey: options.idempotencyKey)
    }
}

/// What every attempt of one call sends.
struct CallPlan: Sendable {
    let path: String
    let deadline: NIODeadline?
    /// The metadata sent before the request id: the call's options', the client's, the
    /// language inherited from the call being served.
    let metadata: [MetadataEntry]
    let requestID: RequestIDValue
    /// Sent after the request id.
    let idempotencyKey: String?

    /// The usual call — no metadata but a request id the runtime made or passed on — goes in
    /// the form that makes no strings (Protocol/Sources/Frames/UsualCallHeaders.swift).
    func headers() -> CallHeadersForm {
        let timeout = UInt64(deadline.map { max(1, ($0 - .now()).nanoseconds / 1000) } ?? 0)
        if metadata.isEmpty, idempotencyKey == nil, case .number(let id) = requestID {
            return .usual(UsualCallHeaders(method: path, timeoutMicroseconds: timeout, requestID: id))
        }
        var entries = metadata
        entries.append(MetadataEntry(MetadataKey.requestID, requestID.text))
        if let idempotencyKey {
            entries.append(MetadataEntry(MetadataKey.idempotencyKey, idempotencyKey))
        }
        return .general(CallHeaders(method: path, timeoutMicroseconds: timeout, metadata: entries))
    }
}

/// Sends a stream of requests. `send` waits while the server's flow-control window is full.
/// Once the server has ended the call without an error, `send` returns at once and the message
/// is dropped (the call has its outcome); after an error it throws that error.
public struct RequestWriter<Request: WireMessage>: Sendable {
    let handle: ConnectionHandle
    let call: ClientStream

    public func send(_ request: Request) async throws {
        let buffer = ByteBuffer.encoding(request)
        let handler = handle.handler
        let call = call
        try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
            handler.eventLoop.runOrExecute { handler.value.send(call, buffer, continuation) }
        }
    }

    /// No more requests (called for you when the call's body returns).
    public func finish() {
        let handler = handle.handler
        let call = call
        handler.eventLoop.runOrExecute { handler.value.halfClose(call) }
    }
}
