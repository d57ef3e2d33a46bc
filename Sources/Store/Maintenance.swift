import SQLKit

/// What one purge removed.
public struct PurgeReport: Sendable, Hashable {
    /// Idempotency keys past their lifetime.
    public var idempotencyKeys: Int
    /// Audit rows past the retention period.
    public var auditRows: Int
}

extension Store {
    /// Deletes this service's expired idempotency keys and its audit rows older than the
    /// retention period, and records the audit deletion in the audit log itself.
    ///
    /// Runs at open and every ``StoreConfiguration/maintenanceInterval``; call it directly
    /// when periodic purging is off. Safe to run from several replicas at once.
    @discardableResult
    public func purgeExpired() async throws -> PurgeReport {
        let cutoff = now.unixMilliseconds
        // Alone: a purge may delete many rows (see WriteGrouping.alone).
        return try await writeTransaction(.alone) { db in
            let expired = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("jcs_idempotency")
                .where("service", .equal, service)
                .where("expires_ms", .lessThanOrEqual, cutoff)
            let keys = try await expired.first(decodingColumn: "n", as: Int.self) ?? 0
            if keys > 0 {
                try await db.delete(from: "jcs_idempotency")
                    .where("service", .equal, service)
                    .where("expires_ms", .lessThanOrEqual, cutoff)
                    .run()
            }
            let rows = try await AuditLog.purge(on: db, service: service, dialect: dialect)
            if rows > 0 {
                let context = AuditContext(principal: "jcskills-store", method: "store.PurgeAuditLog",
                                           requestID: "maintenance-\(cutoff)")
                try await AuditLog.append(
                    on: db, service: service, at: now, context: context, entity: AuditLog.table, entityID: nil,
                    outcome: "OK", detail: "deleted \(rows) rows past the \(configuration.auditRetentionDays)-day retention")
            }
            return PurgeReport(idempotencyKeys: keys, auditRows: rows)
        }
    }
}
