import Foundation
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// Keeps each finished import's ``ImportTally`` for the data-quality view (docs/QUALITY.md).
///
/// Imports are idempotent row by row — a row whose person or enterprise is in already counts
/// as already registered — so a retried import writes nothing twice, but its answer differs
/// from the first. The figures follow the call's idempotency key: the first finished import
/// under a key is recorded, and a retry under the same key (the client lost the answer) finds
/// that record and adds nothing. An import that failed records nothing; its retry records the
/// whole file, and rows the failed attempt had committed count there as already registered.
struct ImportRecords: Sendable {
    let store: Store
    let clock: @Sendable () -> Date

    /// Records `tally` unless an import of the same kind by the same principal under the same
    /// key is recorded already; returns whether it was recorded.
    @discardableResult
    func record(_ tally: ImportTally, context: ServerContext) async throws -> Bool {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        let principal = AuditFieldLimits.cut(context.principal.identity, to: AuditFieldLimits.principal)
        let key = context.idempotencyKey.map { AuditFieldLimits.cut($0, to: AuditFieldLimits.requestID) }
        return try await store.transaction(context.audit) { tx in
            let inserted = try await tx.raw("""
                INSERT INTO quality_imports (kind, principal, idempotency_key, at_ms)
                VALUES (\(bind: tally.kind), \(bind: principal), \(bind: key), \(bind: now))
                ON CONFLICT (principal, kind, idempotency_key) DO NOTHING RETURNING id
                """).first()
            guard let id = try inserted?.decode(column: "id", as: Int64.self) else {
                try await tx.audit(entity: "import", id: nil, detail: "\(tally.kind) import retried under the same key: figures kept from the first")
                return false
            }
            for (county, counts) in tally.counties {
                try await tx.raw("""
                    INSERT INTO quality_import_counties (import_id, county, received, accepted, already_registered, rejected)
                    VALUES (\(bind: id), \(bind: county), \(bind: Int64(counts.received)), \(bind: Int64(counts.accepted)),
                            \(bind: Int64(counts.alreadyRegistered)), \(bind: Int64(counts.rejected)))
                    """).run()
            }
            for (county, reasons) in tally.rejections {
                for (reason, rows) in reasons {
                    try await tx.raw("""
                        INSERT INTO quality_rejections (import_id, county, reason, row_count)
                        VALUES (\(bind: id), \(bind: county), \(bind: reason), \(bind: Int64(rows)))
                        """).run()
                }
            }
            try await tx.audit(entity: "import", id: String(id), detail: "\(tally.kind) import figures recorded")
            return true
        }
    }
}
