import JCSkillsRPC
import JCSkillsStore

extension ServerContext {
    /// Who is writing, for the audit log.
    public var audit: AuditContext { AuditContext(principal: principal.identity, method: method, requestID: requestID) }
}
