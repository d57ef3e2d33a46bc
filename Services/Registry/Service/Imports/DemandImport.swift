import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// `ImportDemand` (fed by `jcskills registry import-demand`): the demand survey's lines, each
/// belonging to a registered enterprise, a transaction per message.
struct DemandImport: Sendable {
    let store: Store
    let enterprises: EnterpriseRepository

    func run(_ batches: MessageStream<DemandImportBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        let principal = context.principal
        do {
            for try await batch in batches {
                summary.received += UInt64(batch.rows.count)
                var candidates: [DemandImportRow] = []
                for row in batch.rows {
                    do {
                        try EnterpriseRules.validate(row.demand)
                        candidates.append(row)
                    } catch {
                        summary.reject(RowError(line: row.line, column: error.field, reason: error.reason))
                    }
                }
                guard !candidates.isEmpty else { continue }
                // Demand belongs to its enterprise: a county office writes it only for enterprises
                // registered in its own county.
                let (accepted, rejected, outOfScope) = try await store.transaction(context.audit, grouping: .alone) { tx in
                    let stored = try await enterprises.counties(candidates.map(\.demand.creditCode), in: tx)
                    var valid: [Demand] = []
                    var rejected: [RowError] = []
                    var outOfScope: [String] = []
                    for row in candidates {
                        let code = row.demand.creditCode.uppercased()
                        guard let county = stored[code] else {
                            rejected.append(RowError(line: row.line, column: "credit_code", reason: Messages.RegistryRefusals.enterpriseNotRegistered(row.demand.creditCode).forCaller))
                            continue
                        }
                        guard RegistryAccess.mayWriteEnterprise(principal, storedCounty: county, newCounty: nil) else {
                            outOfScope.append(code)
                            rejected.append(RowError(line: row.line, column: "credit_code", reason: Messages.RegistryRefusals.demandOfOtherCounty(principal.identity, own: principal.county ?? "-", code: code, county: county).forCaller))
                            continue
                        }
                        valid.append(row.demand)
                    }
                    try await enterprises.upsert(valid, in: tx)
                    try await tx.audit(entity: "demand", id: nil, detail: "imported \(valid.count) demand lines")
                    return (valid.count, rejected, outOfScope)
                }
                summary.accepted += UInt64(accepted)
                for error in rejected { summary.reject(error) }
                var refusals = OutOfScopeRows()
                for code in outOfScope { refusals.add(code) }
                try await refusals.audit(in: store, context.audit, entity: "demand")
            }
        } catch {
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }
}
