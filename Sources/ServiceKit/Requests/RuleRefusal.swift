import JCSkillsProtocol

/// A well-formed request that a programme rule forbids: FAILED_PRECONDITION, the message
/// starting with the rule's name so callers (and tests) can tell which rule refused. Each
/// service names its rules in an extension.
public struct RuleRefusal: Error, Sendable, RPCErrorConvertible {
    public let rule: String
    public let reason: String

    public init(rule: String, reason: String) {
        self.rule = rule
        self.reason = reason
    }

    public var rpcError: RPCError { RPCError(.failedPrecondition, "\(rule): \(reason)") }
}
