import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// Results, one per enrolment: reporting one again replaces it (a provider corrects its file),
/// and the same result twice changes nothing, so a result file can be uploaded again.
struct ResultRepository: Sendable {
    let courses: CourseRepository
    let figures: CourseFigures
    let clock: @Sendable () -> Date

    /// An enrolment as a result finds it: its course as it is now, what the enrolment counts
    /// for, and the result on record.
    struct Target {
        var course: Course
        var figures: EnrolmentFigures
        var stored: TrainingResult?
        var completionNumber: String
        /// The certificate after training on record; empty when none.
        var certificateNumber = ""
    }

    /// The enrolments of `numbers` that exist, read in two statements however many a result
    /// file's message names (a statement per row made the plan's results slow).
    func targets(_ numbers: Set<String>, in db: any SQLDatabase) async throws -> [String: Target] {
        var found: [String: (code: String, figures: EnrolmentFigures, stored: TrainingResult?, completion: String, certificate: String)] = [:]
        for row in try await db.nativeRows(in: numbers.sorted().map(StoreValue.text), { list in """
            SELECT e.number AS number, e.course_code AS course, e.enrolled_on AS enrolled_on, r.details AS details,
                r.completion_number AS completion_number, a.issued_on AS issued_on, a.certificate_number AS certificate_number
            FROM enrolments e LEFT JOIN results r ON r.enrolment_number = e.number
            LEFT JOIN certificates_after a ON a.enrolment_number = e.number
            WHERE e.number IN \(list)
            """ }) {
            var figures = EnrolmentFigures(enrolledOn: try row.int32("enrolled_on"))
            var certificate = ""
            if case .null = try row.value("issued_on") {} else {
                figures.certificateIssuedOn = try row.int32("issued_on")
                certificate = try row.string("certificate_number")
            }
            var stored: TrainingResult?
            if case .null = try row.value("details") {} else {
                let result = try TrainingResult(wireBytes: Array(try row.data("details")))
                figures.count(result)
                stored = result
            }
            found[try row.string("number")] = (try row.string("course"), figures, stored, stored == nil ? "" : try row.string("completion_number"), certificate)
        }
        let courses = try await courses.find(Set(found.values.map(\.code)), in: db)
        return found.compactMapValues { entry in
            courses[entry.code].map { Target(course: $0, figures: entry.figures, stored: entry.stored, completionNumber: entry.completion,
                                             certificateNumber: entry.certificate) }
        }
    }

    /// Records `results` in order, each already checked against its target's course (a
    /// number missing from `targets` is skipped and unchanged); returns whether each changed
    /// anything. The same result again changes nothing; a pass gets a completion number once,
    /// and keeps it when recorded again. A few statements for the whole list: the numbers
    /// drawn together, the rows written together (the last of a number's rows), the figures
    /// moved together. `targets` is left as the results are now.
    func record(_ results: [TrainingResult], targets: inout [String: Target], in tx: StoreTransaction) async throws -> [Bool] {
        var changed: [Bool] = []
        var written: [String: Int] = [:]
        var needNumbers: [String] = [], numbered = Set<String>()
        for (i, result) in results.enumerated() {
            guard var target = targets[result.enrolmentNumber], target.stored != result else {
                changed.append(false)
                continue
            }
            if result.passed, target.completionNumber.isEmpty, numbered.insert(result.enrolmentNumber).inserted {
                needNumbers.append(result.enrolmentNumber)
            }
            target.stored = result
            targets[result.enrolmentNumber] = target
            written[result.enrolmentNumber] = i
            changed.append(true)
        }
        guard !written.isEmpty else { return changed }
        if !needNumbers.isEmpty {
            let last = try await tx.nativeRows("UPDATE result_sequence SET next_value = next_value + ? WHERE id = 1 RETURNING next_value",
                                               [.integer(Int64(needNumbers.count))]).first?.int64("next_value") ?? Int64(needNumbers.count)
            for (k, number) in needNumbers.enumerated() {
                let digits = String(last - Int64(needNumbers.count) + 1 + Int64(k))
                let year = targets[number]!.stored!.completedOn / 10_000
                targets[number]!.completionNumber = "TC\(year)" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
            }
        }
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        var values: [StoreValue] = []
        var deltas = FigureDeltas()
        for number in written.keys.sorted() {
            let target = targets[number]!, result = target.stored!
            let employed = !result.employerCreditCode.isEmpty || result.selfEmployed
            values += [.text(number), .text(target.course.code), .bytes(Data(result.wireBytes())), .init(result.completedOn), .init(result.passed),
                       .text(target.completionNumber), .init(employed), .init(employed ? result.employedOn : 0), .integer(now)]
            var after = target.figures
            after.count(result)
            deltas.change(course: target.course.code, scope: ProgrammeScope(target.course), from: target.figures, to: after)
            targets[number]!.figures = after
        }
        try await tx.nativeInsert(into: "results", columns: ["enrolment_number", "course_code", "details", "completed_on", "passed",
                                                             "completion_number", "employed", "employed_on", "updated_ms"], values: values, suffix: """
            ON CONFLICT (enrolment_number) DO UPDATE SET details = excluded.details, completed_on = excluded.completed_on,
                passed = excluded.passed, completion_number = excluded.completion_number, employed = excluded.employed,
                employed_on = excluded.employed_on, updated_ms = excluded.updated_ms
            """)
        try await figures.write(deltas, in: tx)
        return changed
    }

    /// A certificate after training to record: confirmed by the evaluation service, issued on
    /// `issuedOn`.
    struct CertificateAfter {
        var enrolment: String
        var number: String
        var issuedOn: Int32
    }

    /// Records each certificate after training in order (recording another for an enrolment
    /// replaces it; the same one again changes nothing; an enrolment missing from `targets` is
    /// skipped); returns whether each changed anything. The rows and the figures written
    /// together; `targets` is left as they are now.
    func recordCertificates(_ certificates: [CertificateAfter], targets: inout [String: Target], in tx: StoreTransaction) async throws -> [Bool] {
        var changed: [Bool] = []
        var written: [String: CertificateAfter] = [:]
        var deltas = FigureDeltas()
        for certificate in certificates {
            guard var target = targets[certificate.enrolment],
                  target.certificateNumber != certificate.number || target.figures.certificateIssuedOn != certificate.issuedOn else {
                changed.append(false)
                continue
            }
            var after = target.figures
            after.certificateIssuedOn = certificate.issuedOn
            deltas.change(course: target.course.code, scope: ProgrammeScope(target.course), from: target.figures, to: after)
            target.figures = after
            target.certificateNumber = certificate.number
            targets[certificate.enrolment] = target
            written[certificate.enrolment] = certificate
            changed.append(true)
        }
        guard !written.isEmpty else { return changed }
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        try await tx.nativeInsert(into: "certificates_after", columns: ["enrolment_number", "certificate_number", "issued_on", "recorded_ms"],
                                  values: written.keys.sorted().flatMap { key -> [StoreValue] in
                                      let c = written[key]!
                                      return [.text(c.enrolment), .text(c.number), .init(c.issuedOn), .integer(now)]
                                  }, suffix: """
            ON CONFLICT (enrolment_number) DO UPDATE SET certificate_number = excluded.certificate_number,
                issued_on = excluded.issued_on, recorded_ms = excluded.recorded_ms
            """)
        try await figures.write(deltas, in: tx)
        return changed
    }

    /// What is on record for an enrolment: its result (if reported) and its certificate.
    func view(of enrolment: String, course: String, in db: any SQLDatabase) async throws -> TrainingResultView {
        var view = TrainingResultView()
        view.courseCode = course
        if let row = try await db.raw("SELECT details, completion_number FROM results WHERE enrolment_number = \(bind: enrolment)").first() {
            view.result = try TrainingResult(wireBytes: Array(try row.decode(column: "details", as: Data.self)))
            // The number stays on record; it is shown only while the result is a pass.
            view.completionNumber = view.result.passed ? try row.decode(column: "completion_number", as: String.self) : ""
        } else {
            view.result.enrolmentNumber = enrolment
        }
        view.certificateNumber = try await db.raw("SELECT certificate_number FROM certificates_after WHERE enrolment_number = \(bind: enrolment)")
            .first(decodingColumn: "certificate_number", as: String.self) ?? ""
        return view
    }
}
