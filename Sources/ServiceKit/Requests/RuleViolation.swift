import JCSkillsMessages
import JCSkillsProtocol

/// A field of a request that breaks a rule: INVALID_ARGUMENT naming the field and why, and the
/// row error of an import (`column` = the field). The field is the protocol's name in either
/// language; the reason is the caller's.
public struct RuleViolation: Error, Sendable, RPCErrorConvertible {
    public let field: String
    /// In the caller's language.
    public let reason: String

    public init(field: String, reason: Message) {
        self.field = field
        self.reason = reason.forCaller
    }

    public var rpcError: RPCError { RPCError(.invalidArgument, "\(field): \(reason)") }
}
