import JCSkillsProtocol

/// A field of a request that breaks a rule: INVALID_ARGUMENT naming the field and why, and the
/// row error of an import (`column` = the field).
public struct RuleViolation: Error, Sendable, RPCErrorConvertible {
    public let field: String
    public let reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var rpcError: RPCError { RPCError(.invalidArgument, "\(field): \(reason)") }
}
