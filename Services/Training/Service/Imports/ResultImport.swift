import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// `ImportResults` (a provider's result file): a transaction per message; each row is recorded,
/// counted as unchanged (the same result again: uploading a file twice changes nothing), or
/// rejected with its line, column and reason.
struct ResultImport: Sendable {
    let store: Store
    let results: ResultRepository

    func run(_ batches: MessageStream<TrainingResultBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        let principal = context.principal
        do {
            for try await batch in batches {
                summary.received += UInt64(batch.rows.count)
                let (recorded, unchanged, errors) = try await store.transaction(context.audit) { tx in
                    var recorded = 0, unchanged = 0
                    var errors: [RowError] = []
                    var courses: [String: Course] = [:]
                    for row in batch.rows {
                        var result = row.result
                        result.enrolmentNumber = result.enrolmentNumber.trimmingWhitespace
                        guard let (course, county) = try await results.enrolment(result.enrolmentNumber, known: &courses, in: tx) else {
                            errors.append(RowError(line: row.line, column: "enrolment_number", reason: "no enrolment numbered \(result.enrolmentNumber)"))
                            continue
                        }
                        if let own = principal.county, own != String(county) {
                            errors.append(RowError(line: row.line, column: "enrolment_number",
                                                   reason: "\(principal.identity) may report results only of courses of county \(own)"))
                            continue
                        }
                        do {
                            let changed = try await results.record(try ResultRules.validate(result, course: course), course: course, in: tx)
                            if changed { recorded += 1 } else { unchanged += 1 }
                        } catch let violation as RuleViolation {
                            errors.append(RowError(line: row.line, column: violation.field, reason: violation.reason))
                        }
                    }
                    try await tx.audit(entity: "result", id: nil, detail: "imported \(recorded) results, \(unchanged) unchanged")
                    return (recorded, unchanged, errors)
                }
                summary.accepted += UInt64(recorded)
                summary.alreadyRegistered += UInt64(unchanged)
                for error in errors { summary.reject(error) }
            }
        } catch {
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }
}
