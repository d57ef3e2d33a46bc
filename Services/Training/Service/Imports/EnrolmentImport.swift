import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// `ImportEnrolments` (a provider's class list): per message, the registry is asked about every
/// row's person in one call before the transaction (a network call must not hold the write
/// lock), then one transaction enrols each row by the rules of `Enrol` — or rejects it with its
/// line, column and rule. A person already in the course counts as already there: a list
/// uploaded again enrols nobody twice. The registry is asked about the next message while the
/// current one is written: a long list's round trips and writes overlap instead of taking turns.
struct EnrolmentImport: Sendable {
    let store: Store
    let courses: CourseRepository
    let enrolments: EnrolmentRepository
    let registry: RegistryPeer
    let today: @Sendable () -> CalendarDate

    /// A message's rows with well-formed ID numbers, and the errors of the others.
    private struct Checked: Sendable {
        var received: Int
        var valid: [(row: EnrolmentRow, idNumber: String)] = []
        var errors: [RowError] = []
    }

    func run(_ batches: MessageStream<EnrolmentBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        do {
            var messages = batches.makeAsyncIterator()
            var current = try await messages.next().map(Self.check)
            var people = try await verify(current, context)
            while let checked = current {
                summary.received += UInt64(checked.received)
                let verified = people
                async let written = enrol(checked.valid, verified, context)
                let next: Checked?
                do {
                    next = try await messages.next().map(Self.check)
                    people = try await verify(next, context)
                } catch {
                    // The current message's transaction ends (written or not) before the import does.
                    _ = try? await written
                    throw error
                }
                let (enrolled, already, refused) = try await written
                summary.accepted += UInt64(enrolled)
                summary.alreadyRegistered += UInt64(already)
                for error in (checked.errors + refused).sorted(by: { $0.line < $1.line }) { summary.reject(error) }
                current = next
            }
        } catch {
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }

    private static func check(_ batch: EnrolmentBatch) -> Checked {
        var checked = Checked(received: batch.rows.count)
        for row in batch.rows {
            do {
                checked.valid.append((row, try EnrolmentRules.idNumber(of: EnrolmentRequest(courseCode: row.courseCode, idNumber: row.idNumber))))
            } catch {
                checked.errors.append(RowError(line: row.line, column: error.field, reason: error.reason))
            }
        }
        return checked
    }

    private func verify(_ checked: Checked?, _ context: ServerContext) async throws -> [PersonVerification] {
        guard let checked, !checked.valid.isEmpty else { return [] }
        return try await registry.verify(idNumbers: checked.valid.map(\.idNumber), timeout: context.timeRemaining)
    }

    private func enrol(_ rows: [(row: EnrolmentRow, idNumber: String)], _ people: [PersonVerification],
                       _ context: ServerContext) async throws -> (enrolled: Int, already: Int, refused: [RowError]) {
        let principal = context.principal
        let today = today()
        return try await store.transaction(context.audit, grouping: .alone) { tx in
            var refused: [RowError] = []
            var candidates: [EnrolmentRepository.Candidate] = []
            var lines: [UInt32] = []
            let known = try await courses.find(Set(rows.map { $0.row.courseCode.trimmingWhitespace }), in: tx)
            for ((row, idNumber), person) in zip(rows, people) {
                let code = row.courseCode.trimmingWhitespace
                guard let course = known[code] else {
                    refused.append(RowError(line: row.line, column: "course_code", reason: Messages.TrainingRefusals.noCourse(code).forCaller))
                    continue
                }
                if let own = principal.county, own != String(course.county) {
                    refused.append(RowError(line: row.line, column: "course_code",
                                            reason: Messages.TrainingRefusals.enrolInCounty(principal.identity, own: own).forCaller))
                    continue
                }
                let day: Int32
                do {
                    day = try EnrolmentRules.day(row.enrolledOn, course: course, today: today)
                    try EnrolmentRules.check(person, for: course)
                } catch let violation as RuleViolation {
                    refused.append(RowError(line: row.line, column: violation.field, reason: violation.reason))
                    continue
                } catch let refusal as RuleRefusal {
                    refused.append(Self.rowError(row.line, refusal))
                    continue
                }
                candidates.append(EnrolmentRepository.Candidate(idNumber: idNumber, person: person, course: course, day: day))
                lines.append(row.line)
            }
            var enrolled = 0, already = 0
            for (line, outcome) in zip(lines, try await enrolments.enrol(candidates, in: tx)) {
                switch outcome {
                case .enrolled: enrolled += 1
                case .already: already += 1
                case .refused(let refusal): refused.append(Self.rowError(line, refusal))
                }
            }
            try await tx.audit(entity: "enrolment", id: nil, detail: "class list: \(enrolled) enrolled, \(already) already, \(refused.count) refused")
            return (enrolled, already, refused)
        }
    }

    private static func rowError(_ line: UInt32, _ refusal: RuleRefusal) -> RowError {
        RowError(line: line, column: refusal.rule == RuleRefusal.capacity ? "course_code" : "id_number", reason: "\(refusal.rule): \(refusal.reason)")
    }
}
