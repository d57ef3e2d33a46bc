/// Who is writing, through which call: the part of every audit row that comes from the RPC
/// layer rather than from the handler.
public struct AuditContext: Sendable, Hashable {
    /// The caller's identity, e.g. `jcskills://training` or `jcskills://county/140524`.
    public var principal: String
    /// The full method name, e.g. `registry.RegisterPerson`.
    public var method: String
    /// The request id from the call's metadata, for correlating logs across services.
    public var requestID: String

    public init(principal: String, method: String, requestID: String) {
        self.principal = principal
        self.method = method
        self.requestID = requestID
    }
}
