import JCSkillsProtocol

/// What a router knows about one of its methods, apart from the handler: enough to write the
/// method's contract (Protocol/contracts.json, SPEC.md §14) from the running code rather than
/// by hand.
public struct RPCMethodDescriptor: Sendable {
    /// Dotted service name, e.g. `"jcskills.registry.Registry"`.
    public let service: String
    /// Method name, e.g. `"RegisterPerson"`.
    public let name: String
    /// `"<service>/<name>"`, the string sent in HEADERS.
    public let path: String
    public let kind: CallKind
    public let isIdempotent: Bool
    public let requestType: any WireMessage.Type
    public let responseType: any WireMessage.Type
    public let policy: AccessPolicy

    init<Request, Response>(_ method: Method<Request, Response>, policy: AccessPolicy) {
        service = method.service
        name = method.name
        path = method.path
        kind = method.kind
        isIdempotent = method.isIdempotent
        requestType = Request.self
        responseType = Response.self
        self.policy = policy
    }

    /// Who may call the method, in words (``AccessPolicy/description``).
    public var access: String { policy.description }
}
