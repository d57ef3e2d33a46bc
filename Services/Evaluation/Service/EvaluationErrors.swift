import JCSkillsProtocol

/// A malformed field of a request: INVALID_ARGUMENT, naming the field.
struct RuleViolation: Error, Sendable, RPCErrorConvertible {
    let field: String
    let reason: String

    var rpcError: RPCError { RPCError(.invalidArgument, "\(field): \(reason)") }
}

/// A well-formed request that a programme rule forbids: FAILED_PRECONDITION, the message
/// starting with the rule's name so callers (and tests) can tell which rule refused.
struct RuleRefusal: Error, Sendable, RPCErrorConvertible {
    /// Names of the rules, as they appear in refusals.
    static let institutionActive = "institution_active"
    static let filedScope = "filed_scope"
    static let enterpriseBodyStaff = "enterprise_body_staff"
    static let enterpriseBodyEmployees = "enterprise_body_employees"
    static let levelForKind = "level_for_kind"

    let rule: String
    let reason: String

    var rpcError: RPCError { RPCError(.failedPrecondition, "\(rule): \(reason)") }
}
