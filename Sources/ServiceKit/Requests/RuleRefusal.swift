import JCSkillsMessages
import JCSkillsProtocol

/// A well-formed request that a programme rule forbids: FAILED_PRECONDITION, the message
/// starting with the rule's name so callers (and tests) can tell which rule refused, whatever
/// the language of the reason after it. Each service names its rules in an extension.
public struct RuleRefusal: Error, Sendable, RPCErrorConvertible {
    public let rule: String
    /// In the caller's language.
    public let reason: String

    public init(rule: String, reason: Message) {
        self.rule = rule
        self.reason = reason.forCaller
    }

    public var rpcError: RPCError { RPCError(.failedPrecondition, "\(rule): \(reason)") }
}
