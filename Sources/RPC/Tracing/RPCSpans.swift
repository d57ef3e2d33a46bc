import JCSkillsProtocol
import Tracing

/// What a call's span says about it, after OpenTelemetry's RPC conventions: the system, the
/// service and the method, the status code, and whether it counts as an error.
enum RPCSpans {
    static let system = "jcskills"
    /// Named like `rpc.grpc.status_code`: the same numbers (Protocol/SPEC.md §11).
    static let statusCodeAttribute = "rpc.jcskills.status_code"

    static func describe(_ span: any Span, path: String, principal: String? = nil, requestID: String? = nil) {
        let slash = path.lastIndex(of: "/")
        span.updateAttributes { attributes in
            attributes["rpc.system"] = system
            attributes["rpc.service"] = slash.map { String(path[..<$0]) } ?? path
            attributes["rpc.method"] = slash.map { String(path[path.index(after: $0)...]) } ?? path
            if let principal { attributes["jcskills.principal"] = principal }
            if let requestID { attributes["jcskills.request_id"] = requestID }
        }
    }

    /// Ends the span with the call's status. A client counts every failure as an error; a
    /// server only those that are its own fault, as the conventions ask (a refusal is the
    /// server doing its job).
    static func end(_ span: any Span, kind: SpanKind, code: StatusCode, error: (any Error)?) {
        span.attributes[statusCodeAttribute] = Int64(code.rawValue)
        if code != .ok, kind == .client || serverFaults.contains(code) {
            if let error { span.recordError(error) }
            span.setStatus(SpanStatus(code: .error, message: code.name))
        }
        span.end()
    }

    static let serverFaults: Set<StatusCode> = [.unknown, .deadlineExceeded, .unimplemented, .internal, .unavailable, .dataLoss]

    /// The status a caller sees for an error thrown by a call or by the code around it.
    static func code(of error: any Error) -> StatusCode {
        if let convertible = error as? any RPCErrorConvertible { return convertible.rpcError.code }
        if error is CancellationError { return .cancelled }
        return .unknown
    }
}
