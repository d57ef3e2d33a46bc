import JCSkillsProtocol

extension Store {
    /// Appends one audit row in its own transaction: for events that are not part of a write,
    /// such as a call refused by the access policy (`PERMISSION_DENIED`) before any
    /// transaction began.
    ///
    /// Rows written inside a transaction use ``StoreTransaction/audit(entity:id:detail:)``
    /// instead, so they commit or vanish with the write they describe.
    ///
    /// - Parameters:
    ///   - outcome: the call's status; stored by name (`PERMISSION_DENIED`).
    ///   - entity, id, detail: as for ``StoreTransaction/audit(entity:id:detail:)``; never personal data.
    public func recordAudit(
        _ context: AuditContext, outcome: StatusCode, entity: String? = nil, id: String? = nil, detail: String? = nil
    ) async throws {
        try await writeTransaction { db in
            try await AuditLog.append(on: db, service: service, at: now, context: context, entity: entity,
                                      entityID: id, outcome: outcome.name, detail: detail)
        }
    }

    /// One page of this service's audit rows matching `query`, newest first.
    ///
    /// Meant for the auditor role; the caller's access policy decides who may call it.
    ///
    /// - Throws: ``StoreError/Kind/invalidArgument`` for a page size outside 1…1,000.
    public func auditLog(_ query: AuditQuery = AuditQuery()) async throws -> AuditPage {
        try await read { db in try await AuditLog.query(on: db, service: service, query) }
    }
}
