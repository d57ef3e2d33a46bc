import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// `ImportEnterprises` (fed by `jcskills registry import-enterprises`): a transaction per
/// message; a county office's rows outside its county are refused and audited
/// (``OutOfScopeRows``).
struct EnterpriseImport: Sendable {
    let store: Store
    let enterprises: EnterpriseRepository

    func run(_ batches: MessageStream<EnterpriseImportBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        let principal = context.principal
        do {
            for try await batch in batches {
                summary.received += UInt64(batch.rows.count)
                var refusals = OutOfScopeRows()
                var candidates: [(line: UInt32, enterprise: Enterprise, checkValid: Bool)] = []
                for row in batch.rows {
                    do {
                        let check = try EnterpriseRules.validate(row.enterprise)
                        guard RegistryAccess.mayWrite(principal, county: row.enterprise.county) else {
                            refusals.add(row.enterprise.creditCode)
                            throw RuleViolation(field: "county", reason: RegistryAccess.enterpriseRefusal(
                                principal, creditCode: row.enterprise.creditCode.uppercased(), storedCounty: nil, newCounty: row.enterprise.county))
                        }
                        candidates.append((row.line, row.enterprise, check))
                    } catch let violation as RuleViolation {
                        summary.reject(RowError(line: row.line, column: violation.field, reason: violation.reason))
                    }
                }
                if !candidates.isEmpty {
                    // Which were registered before, and where, read in the same transaction as the upsert.
                    let (accepted, updated, rejected) = try await store.transaction(context.audit) { tx in
                        let stored = try await enterprises.counties(candidates.map(\.enterprise.creditCode), in: tx)
                        var rejected: [(error: RowError, code: String)] = []
                        var valid: [(Enterprise, checkValid: Bool)] = []
                        var lines: [(line: UInt32, code: String)] = []
                        for candidate in candidates {
                            let code = candidate.enterprise.creditCode.uppercased()
                            let county = stored[code]
                            if RegistryAccess.mayWriteEnterprise(principal, storedCounty: county, newCounty: candidate.enterprise.county) {
                                valid.append((candidate.enterprise, candidate.checkValid))
                                lines.append((candidate.line, code))
                            } else {
                                rejected.append((RowError(line: candidate.line, column: "credit_code", reason: RegistryAccess.enterpriseRefusal(
                                    principal, creditCode: code, storedCounty: county, newCounty: candidate.enterprise.county)), code))
                            }
                        }
                        let written = try await enterprises.upsert(valid, confinedTo: RegistryAccess.confinedCounty(principal), in: tx)
                        // Skipped by the write itself: moved to another county since it was read.
                        for (line, code) in lines where !written.contains(code) {
                            rejected.append((RowError(line: line, column: "credit_code",
                                                      reason: "\(principal.identity) may write only enterprises of county \(principal.county ?? "-"); \(code) is registered in another county"), code))
                        }
                        let writtenLines = lines.filter { written.contains($0.code) }
                        try await tx.audit(entity: "enterprise", id: nil, detail: "imported \(writtenLines.count) enterprises")
                        let updated = writtenLines.filter { stored[$0.code] != nil }.count
                        return (writtenLines.count - updated, updated, rejected)
                    }
                    summary.accepted += UInt64(accepted)
                    summary.alreadyRegistered += UInt64(updated)
                    for (error, code) in rejected {
                        refusals.add(code)
                        summary.reject(error)
                    }
                }
                try await refusals.audit(in: store, context.audit, entity: "enterprise")
            }
        } catch {
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }
}
