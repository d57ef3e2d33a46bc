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

    init(path: String, kind: CallKind, policy: AccessPolicy, metrics: MethodMetrics, invoke: @escaping @Sendable (ServerCall, ByteBuffer?) async -> Void) {
        self.path = path
        self.kind = kind
        self.policy = policy
        self.metrics = metrics
        self.invoke = invoke
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
        _ invoke: @escaping @Sendable (ServerCall, ByteBuffer?) async -> Void
    ) {
        let path = method.path
        precondition(methods[path] == nil, "\(path) registered twice")
        methods[path] = RegisteredMethod(path: path, kind: method.kind, policy: policy, metrics: MethodMetrics(path: path), invoke: invoke)
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

/// Sends a stream of responses. `send` waits while the caller's flow-control window is full,
/// so a slow reader slows the handler down instead of filling the server's memory.
public struct ResponseWriter<Response: WireMessage>: Sendable {
    let call: ServerCall

    public func send(_ response: Response) async throws {
        try await call.send(response)
    }
}
