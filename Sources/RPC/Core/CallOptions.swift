import JCSkillsProtocol
import NIOCore

/// Per-call settings on the client side.
public struct CallOptions: Sendable {
    /// How long the caller waits. nil: the deadline of the call being served, if this call is
    /// made from inside a handler (deadlines propagate), else ``ClientConfiguration/defaultTimeout``.
    public var timeout: Duration?
    /// Extra metadata sent with the call.
    public var metadata: [MetadataEntry]
    /// A request id; default: the id of the call being served, or a new random id.
    public var requestID: String?
    /// Makes a write safe to retry (docs/DESIGN.md §5): the server stores the first result under
    /// this key and returns it for any repeat.
    public var idempotencyKey: String?
    /// Set by the client's tracing (Sources/RPC/Tracing/ClientCallSpan.swift) once the call has
    /// its span and its `traceparent`.
    var isTraced = false

    public init(timeout: Duration? = nil, metadata: [MetadataEntry] = [], requestID: String? = nil, idempotencyKey: String? = nil) {
        self.timeout = timeout
        self.metadata = metadata
        self.requestID = requestID
        self.idempotencyKey = idempotencyKey
    }

    public static let defaults = CallOptions()
}

extension Duration {
    /// Whole nanoseconds, saturating.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return product.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }

    var timeAmount: TimeAmount { .nanoseconds(nanoseconds) }
}
