import JCSkillsMessages
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
    let records: ImportRecords

    func run(_ batches: MessageStream<EnterpriseImportBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        let principal = context.principal
        var tally = ImportTally(kind: "enterprises", principal: principal)
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
                            tally.rejected(rowCounty: row.enterprise.county, reason: RejectionReason.outOfScope)
                            summary.reject(RowError(line: row.line, column: "county", reason: RegistryAccess.enterpriseRefusal(
                                principal, creditCode: row.enterprise.creditCode.uppercased(), storedCounty: nil, newCounty: row.enterprise.county)))
                            continue
                        }
                        candidates.append((row.line, row.enterprise, check))
                    } catch let violation {
                        tally.rejected(rowCounty: row.enterprise.county, reason: RejectionReason.enterprise(violation))
                        summary.reject(RowError(line: row.line, column: violation.field, reason: violation.reason))
                    }
                }
                if !candidates.isEmpty {
                    // Which were registered before, and where, read in the same transaction as the upsert.
                    let outcome = try await store.transaction(context.audit, grouping: .alone) { tx in
                        let stored = try await enterprises.counties(candidates.map(\.enterprise.creditCode), in: tx)
                        var outcome = BatchOutcome()
                        var valid: [(Enterprise, checkValid: Bool)] = []
                        var lines: [(line: UInt32, code: String, county: Int32)] = []
                        for candidate in candidates {
                            let code = candidate.enterprise.creditCode.uppercased()
                            let county = stored[code]
                            if RegistryAccess.mayWriteEnterprise(principal, storedCounty: county, newCounty: candidate.enterprise.county) {
                                valid.append((candidate.enterprise, candidate.checkValid))
                                lines.append((candidate.line, code, candidate.enterprise.county))
                            } else {
                                outcome.rejected.append((RowError(line: candidate.line, column: "credit_code", reason: RegistryAccess.enterpriseRefusal(
                                    principal, creditCode: code, storedCounty: county, newCounty: candidate.enterprise.county)), code, candidate.enterprise.county))
                            }
                        }
                        let written = try await enterprises.upsert(valid, confinedTo: RegistryAccess.confinedCounty(principal), in: tx)
                        for (line, code, county) in lines {
                            if !written.contains(code) {
                                // Skipped by the write itself: moved to another county since it was read.
                                outcome.rejected.append((RowError(line: line, column: "credit_code",
                                                                  reason: Messages.RegistryRefusals.enterpriseMovedAway(principal.identity, own: principal.county ?? "-", code: code).forCaller), code, county))
                            } else if stored[code] != nil {
                                outcome.updatedCounties.append(county)
                            } else {
                                outcome.acceptedCounties.append(county)
                            }
                        }
                        try await tx.audit(entity: "enterprise", id: nil, detail: "imported \(outcome.acceptedCounties.count + outcome.updatedCounties.count) enterprises")
                        return outcome
                    }
                    summary.accepted += UInt64(outcome.acceptedCounties.count)
                    summary.alreadyRegistered += UInt64(outcome.updatedCounties.count)
                    for county in outcome.acceptedCounties { tally.accepted(rowCounty: county) }
                    for county in outcome.updatedCounties { tally.alreadyRegistered(rowCounty: county) }
                    for (error, code, county) in outcome.rejected {
                        refusals.add(code)
                        summary.reject(error)
                        tally.rejected(rowCounty: county, reason: RejectionReason.outOfScope)
                    }
                }
                try await refusals.audit(in: store, context.audit, entity: "enterprise")
            }
            try await records.record(tally, context: context)
        } catch {
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }

    /// What one batch's transaction did with its candidate rows, by the county each names.
    private struct BatchOutcome: Sendable {
        var acceptedCounties: [Int32] = []
        var updatedCounties: [Int32] = []
        var rejected: [(error: RowError, code: String, county: Int32)] = []
    }
}
