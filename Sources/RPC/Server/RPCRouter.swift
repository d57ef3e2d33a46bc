import JCSkillsProtocol
import NIOCore

/// A method ready to serve: its access policy, its metrics and its type-erased handler.
/// A class: every call holds its method, and copying a struct of a dozen references cost a
/// dozen retains and releases each time (BENCHMARKS.md, "CPU per call").
final class RegisteredMethod: Sendable {
    let path: String
    let kind: CallKind
    let policy: AccessPolicy
    let metrics: MethodMetrics
    /// Runs the handler. `request` is the one request of a unary or server-streaming call;
    /// streaming requests arrive through `call.inbound`.
    let invoke: @Sendable (ServerCall, ByteBuffer?) async -> Void
    /// Answers a unary call on the connection's event loop, with no task, when it can; else
    /// returns what is left to do, for the call's task.
    let answerAtOnce: AnswerAtOnce?

    typealias AnswerAtOnce = @Sendable (ServerCall, ByteBuffer?) -> (@Sendable () async -> Void)?

    init(path: String, kind: CallKind, policy: AccessPolicy, metrics: MethodMetrics,
         invoke: @escaping @Sendable (ServerCall, ByteBuffer?) async -> Void,
         answerAtOnce: AnswerAtOnce? = nil) {
        self.path = path
        self.kind = kind
        self.policy = policy
        self.metrics = metrics
        self.invoke = invoke
        self.answerAtOnce = answerAtOnce
    }
}

/// A department's service: the methods it adds to a server.
public protocol RPCService: Sendable {
    func register(in router: inout RPCRouter)
}

/// The methods a server answers, each with the policy deciding who may call it.
public struct RPCRouter: Sendable {
    var methods: [String: RegisteredMethod] = [:]
    /// Kept apart from ``methods`` so the dispatch table holds only what a call needs.
    private var describedMethods: [String: RPCMethodDescriptor] = [:]

    public init() {}

    /// Paths of every registered method, sorted.
    public var paths: [String] { methods.keys.sorted() }

    /// Every registered method with its message types and policy, sorted by path.
    public var descriptors: [RPCMethodDescriptor] {
        describedMethods.keys.sorted().map { describedMethods[$0]! }
    }

    private mutating func add<Request, Response>(
        _ method: Method<Request, Response>, _ policy: AccessPolicy,
        answerAtOnce: RegisteredMethod.AnswerAtOnce? = nil,
        _ invoke: @escaping @Sendable (ServerCall, ByteBuffer?) async -> Void
    ) {
        let path = method.path
        precondition(methods[path] == nil, "\(path) registered twice")
        methods[path] = RegisteredMethod(
            path: path, kind: method.kind, policy: policy, metrics: MethodMetrics(path: path), invoke: invoke, answerAtOnce: answerAtOnce)
        describedMethods[path] = RPCMethodDescriptor(method, policy: policy)
    }

    public mutating func unary<Request, Response>(
        _ method: Method<Request, Response>, policy: AccessPolicy,
        _ handler: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) {
        precondition(method.kind == .unary)
        add(method, policy) { call, buffer in
            do {
                let request = try call.decode(Request.self, buffer)
                let response = try await handler(request, call.context)
                call.finish(response: response)
            } catch {
                await call.finish(error: error)
            }
        }
    }

    /// A unary method whose answer is often at hand: `immediate` runs on the connection's event
    /// loop as the request arrives, with no task and no thread switch, and returns the response,
    /// or nil to hand the call to `handler`, which runs as any unary handler does. For answers
    /// from memory (a status, a cached figure, an echo); `immediate` must not block. A server with
    /// a tracer runs both in the call's task, under its span (docs/ARCHITECTURE.md, "Server
    /// connection").
    public mutating func unary<Request, Response>(
        _ method: Method<Request, Response>, policy: AccessPolicy,
        immediate: @escaping @Sendable (Request, ServerContext) throws -> Response?,
        otherwise handler: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) {
        precondition(method.kind == .unary)
        // The same two steps either way; they differ in how an error ends the call: at once on
        // the loop, or awaited in the call's task (a tracer's).
        let answerAtOnce: RegisteredMethod.AnswerAtOnce = { call, buffer in
            do {
                let request = try call.decode(Request.self, buffer)
                guard let response = try immediate(request, call.context) else { return { await answer(call, request, handler) } }
                call.finish(response: response)
            } catch {
                call.finishAtOnce(error: error)
            }
            return nil
        }
        add(method, policy, answerAtOnce: answerAtOnce) { call, buffer in
            do {
                let request = try call.decode(Request.self, buffer)
                guard let response = try immediate(request, call.context) else { return await answer(call, request, handler) }
                call.finish(response: response)
            } catch {
                await call.finish(error: error)
            }
        }
    }

    public mutating func serverStreaming<Request, Response>(
        _ method: Method<Request, Response>, policy: AccessPolicy,
        _ handler: @escaping @Sendable (Request, ResponseWriter<Response>, ServerContext) async throws -> Void
    ) {
        precondition(method.kind == .serverStreaming)
        add(method, policy) { call, buffer in
            do {
                let request = try call.decode(Request.self, buffer)
                try await handler(request, ResponseWriter(call: call), call.context)
                call.finishStream()
            } catch {
                await call.finish(error: error)
            }
        }
    }

    public mutating func clientStreaming<Request, Response>(
        _ method: Method<Request, Response>, policy: AccessPolicy,
        _ handler: @escaping @Sendable (MessageStream<Request>, ServerContext) async throws -> Response
    ) {
        precondition(method.kind == .clientStreaming)
        add(method, policy) { call, _ in
            do {
                let response = try await handler(call.requests(Request.self), call.context)
                call.finish(response: response)
            } catch {
                await call.finish(error: error)
            }
        }
    }

    public mutating func bidirectionalStreaming<Request, Response>(
        _ method: Method<Request, Response>, policy: AccessPolicy,
        _ handler: @escaping @Sendable (MessageStream<Request>, ResponseWriter<Response>, ServerContext) async throws -> Void
    ) {
        precondition(method.kind == .bidirectionalStreaming)
        add(method, policy) { call, _ in
            do {
                try await handler(call.requests(Request.self), ResponseWriter(call: call), call.context)
                call.finishStream()
            } catch {
                await call.finish(error: error)
            }
        }
    }

    public mutating func add(_ service: some RPCService) {
        service.register(in: &self)
    }
}

/// Ends `call` with what `handler` answers to `request`, or with the error it throws.
private func answer<Request, Response: WireMessage>(
    _ call: ServerCall, _ request: Request, _ handler: @Sendable (Request, ServerContext) async throws -> Response
) async {
    do {
        call.finish(response: try await handler(request, call.context))
    } catch {
        await call.finish(error: error)
    }
}

/// Sends a stream of responses. `send` waits while the caller's flow-control window is full,
/// so a slow reader slows the handler down instead of filling the server's memory.
public struct ResponseWriter<Response: WireMessage>: Sendable {
    let call: ServerCall

    public func send(_ response: Response) async throws {
        try await call.send(response)
    }
}
