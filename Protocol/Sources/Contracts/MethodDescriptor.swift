/// The four shapes of a call (SPEC.md §5).
public enum CallKind: UInt8, Sendable, Hashable {
    /// One request, one response.
    case unary
    /// One request, a stream of responses.
    case serverStreaming
    /// A stream of requests, one response.
    case clientStreaming
    /// Streams both ways, interleaved as the handler chooses.
    case bidirectionalStreaming
}

/// A method of a service contract: its wire name, its shape, and its message types.
///
/// Contracts live in `Protocol/` so that a service and its callers share one declaration:
/// ```swift
/// public enum HealthService {
///     public static let check = Method<HealthCheckRequest, HealthCheckResponse>(
///         service: "jcskills.Health", name: "Check", kind: .unary, isIdempotent: true)
/// }
/// ```
public struct Method<Request: WireMessage, Response: WireMessage>: Sendable, Hashable {
    /// One reference for what a method is: callers pass a method on every call, and a copy of
    /// its strings cost a retain and a release for each (BENCHMARKS.md, note 37).
    private let descriptor: MethodDescriptor

    /// Dotted service name, e.g. `"jcskills.registry.Registry"`.
    public var service: String { descriptor.service }
    /// Method name, e.g. `"VerifyPerson"`.
    public var name: String { descriptor.name }
    public var kind: CallKind { descriptor.kind }
    /// Whether repeating the call has no further effect, so a client may retry it on another
    /// endpoint after a failure. Writes are idempotent only through an idempotency key.
    public var isIdempotent: Bool { descriptor.isIdempotent }
    /// `"<service>/<name>"`, the string sent in HEADERS.
    public var path: String { descriptor.path }

    public init(service: String, name: String, kind: CallKind, isIdempotent: Bool = false) {
        descriptor = MethodDescriptor(service: service, name: name, kind: kind, isIdempotent: isIdempotent)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.path == rhs.path && lhs.kind == rhs.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }
}

/// What a ``Method`` is, apart from its message types.
private final class MethodDescriptor: Sendable {
    let service: String
    let name: String
    let kind: CallKind
    let isIdempotent: Bool
    let path: String

    init(service: String, name: String, kind: CallKind, isIdempotent: Bool) {
        self.service = service
        self.name = name
        self.kind = kind
        self.isIdempotent = isIdempotent
        self.path = "\(service)/\(name)"
    }
}

/// Metadata keys with a meaning to the runtime (SPEC.md §6.3).
public enum MetadataKey {
    /// A caller-chosen id that follows the call through logs, audit rows and downstream calls.
    public static let requestID = "request-id"
    /// Makes a write safe to retry: a repeat with the same key returns the first result.
    public static let idempotencyKey = "idempotency-key"
    /// The language the caller reads (`zh` or `en`): the services write their refusals in it,
    /// English when it is absent or names another.
    public static let acceptLanguage = "accept-language"
    /// The W3C trace context of the caller's span: `00-<trace id>-<span id>-<flags>`. A
    /// malformed one is ignored (SPEC.md §6.4).
    public static let traceParent = "traceparent"
    /// Vendors' trace state beside ``traceParent``; read only with a valid one.
    public static let traceState = "tracestate"
}
