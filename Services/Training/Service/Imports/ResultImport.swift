import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// `ImportResults` (a provider's result file): a transaction per message; each row is recorded,
/// counted as unchanged (the same result again: uploading a file twice changes nothing), or
/// rejected with its line, column and reason. The message's enrolments are read, and its
/// results written, a few statements for all its rows (``ResultRepository/record(_:targets:in:)``).
struct ResultImport: Sendable {
    let store: Store
    let results: ResultRepository

    func run(_ batches: MessageStream<TrainingResultBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        let principal = context.principal
        do {
            for try await batch in batches {
                summary.received += UInt64(batch.rows.count)
                let (recorded, unchanged, errors) = try await store.transaction(context.audit, grouping: .alone) { tx in
                    var errors: [RowError] = []
                    var checked: [TrainingResult] = []
                    var targets = try await results.targets(Set(batch.rows.map { $0.result.enrolmentNumber.trimmingWhitespace }), in: tx)
                    for row in batch.rows {
                        let number = row.result.enrolmentNumber.trimmingWhitespace
                        guard let course = targets[number]?.course else {
                            errors.append(RowError(line: row.line, column: "enrolment_number", reason: Messages.TrainingRefusals.noEnrolment(number).forCaller))
                            continue
                        }
                        if let own = principal.county, own != String(course.county) {
                            errors.append(RowError(line: row.line, column: "enrolment_number",
                                                   reason: Messages.TrainingRefusals.resultsOfCounty(principal.identity, own: own).forCaller))
                            continue
                        }
                        do {
                            checked.append(try ResultRules.validate(row.result, course: course))
                        } catch let violation as RuleViolation {
                            errors.append(RowError(line: row.line, column: violation.field, reason: violation.reason))
                        }
                    }
                    let changes = try await results.record(checked, targets: &targets, in: tx)
                    let recorded = changes.filter { $0 }.count
                    try await tx.audit(entity: "result", id: nil, detail: "imported \(recorded) results, \(changes.count - recorded) unchanged")
                    return (recorded, changes.count - recorded, errors)
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
