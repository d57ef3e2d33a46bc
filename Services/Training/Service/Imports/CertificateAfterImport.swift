import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// `ImportCertificatesAfter` (a provider's certificates_after.csv): per message, the
/// enrolments read at once, the evaluation service asked once for every row
/// (`VerifyCertificates`, before the transaction: a network call must not hold the write lock),
/// then one transaction records each confirmed row by the rules of `RecordCertificate` — or the
/// row is refused with its line, column and rule. The same certificate again changes nothing,
/// so a file can be uploaded again.
struct CertificateAfterImport: Sendable {
    let store: Store
    let courses: CourseRepository
    let enrolments: EnrolmentRepository
    let results: ResultRepository
    let evaluation: EvaluationPeer

    func run(_ batches: MessageStream<CertificateAfterTrainingBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        do {
            for try await batch in batches {
                guard batch.rows.count <= CertificateAfterTrainingBatch.limit else {
                    throw RuleViolation(field: "rows", reason: Messages.TrainingRefusals.tooManyRows(batch.rows.count, limit: CertificateAfterTrainingBatch.limit))
                }
                summary.received += UInt64(batch.rows.count)
                let (recorded, unchanged, errors) = try await record(batch.rows, context)
                summary.accepted += UInt64(recorded)
                summary.alreadyRegistered += UInt64(unchanged)
                for error in errors.sorted(by: { $0.line < $1.line }) { summary.reject(error) }
            }
        } catch {
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }

    private struct Pending {
        var line: UInt32
        var certificate: ResultRepository.CertificateAfter
        var course: Course
        var idNumber: String
    }

    private func record(_ rows: [CertificateAfterTrainingRow], _ context: ServerContext) async throws -> (recorded: Int, unchanged: Int, errors: [RowError]) {
        let principal = context.principal
        let numbers = Set(rows.map { $0.certificate.enrolmentNumber.trimmingWhitespace })
        let (trainees, known) = try await store.query { db in
            let trainees = try await enrolments.trainees(of: numbers, in: db)
            return (trainees, try await courses.find(Set(trainees.values.map(\.courseCode)), in: db))
        }
        var errors: [RowError] = []
        var pending: [Pending] = []
        for row in rows {
            let enrolment = row.certificate.enrolmentNumber.trimmingWhitespace
            let number = row.certificate.certificateNumber.trimmingWhitespace
            guard !number.isEmpty else {
                errors.append(RowError(line: row.line, column: "certificate_number", reason: Messages.Refusals.isEmpty.forCaller))
                continue
            }
            guard let trainee = trainees[enrolment], let course = known[trainee.courseCode] else {
                errors.append(RowError(line: row.line, column: "enrolment_number", reason: Messages.TrainingRefusals.noEnrolment(enrolment).forCaller))
                continue
            }
            if let own = principal.county, own != String(course.county) {
                errors.append(RowError(line: row.line, column: "enrolment_number",
                                       reason: Messages.TrainingRefusals.certificatesOfCounty(principal.identity, own: own).forCaller))
                continue
            }
            pending.append(Pending(line: row.line, certificate: .init(enrolment: enrolment, number: number, issuedOn: 0),
                                   course: course, idNumber: trainee.idNumber))
        }
        let answers = try await evaluation.verify(pending.map { CertificateVerificationRequest(number: $0.certificate.number, holderIDNumber: $0.idNumber) },
                                                  timeout: context.timeRemaining)
        var confirmed: [ResultRepository.CertificateAfter] = []
        for (entry, answer) in zip(pending, answers) {
            do {
                try CertificateAfterTrainingRules.check(answer, number: entry.certificate.number, course: entry.course)
                confirmed.append(.init(enrolment: entry.certificate.enrolment, number: entry.certificate.number, issuedOn: answer.issuedOn))
            } catch {
                errors.append(RowError(line: entry.line, column: "certificate_number", reason: "\(error.rule): \(error.reason)"))
            }
        }
        let changes = try await store.transaction(context.audit, grouping: .alone) { tx in
            var targets = try await results.targets(Set(confirmed.map(\.enrolment)), in: tx)
            let changes = try await results.recordCertificates(confirmed, targets: &targets, in: tx)
            let recorded = changes.filter { $0 }.count
            try await tx.audit(entity: "certificate_after_training", id: nil,
                               detail: "imported \(recorded) certificates after training, \(changes.count - recorded) unchanged")
            return changes
        }
        let recorded = changes.filter { $0 }.count
        return (recorded, changes.count - recorded, errors)
    }
}
