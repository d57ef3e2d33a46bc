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

    /// An enrolment's course and county, or nil when no enrolment has that number; `known`
    /// keeps the courses already read (an import's rows share a few).
    func enrolment(_ number: String, known: inout [String: Course], in db: any SQLDatabase) async throws -> (course: Course, county: Int32)? {
        guard let code = try await db.nativeRows("SELECT course_code FROM enrolments WHERE number = ?", [.text(number)]).first?.string("course_code") else {
            return nil
        }
        if let course = known[code] { return (course, course.county) }
        let course = try await courses.require(code, in: db).course
        known[code] = course
        return (course, course.county)
    }

    func enrolment(_ number: String, in db: any SQLDatabase) async throws -> (course: Course, county: Int32)? {
        var known: [String: Course] = [:]
        return try await enrolment(number, known: &known, in: db)
    }

    /// Records `result` (already checked against `course`); returns whether anything changed.
    /// A pass gets a completion number, once: recorded again, it keeps it.
    func record(_ result: TrainingResult, course: Course, in tx: StoreTransaction) async throws -> Bool {
        let stored = try await tx.nativeRows("SELECT details, completion_number FROM results WHERE enrolment_number = ?",
                                             [.text(result.enrolmentNumber)]).first
        var number = try stored?.string("completion_number") ?? ""
        if let stored, try TrainingResult(wireBytes: Array(try stored.data("details"))) == result { return false }
        if result.passed, number.isEmpty {
            let sequence = try await tx.nativeRows("UPDATE result_sequence SET next_value = next_value + 1 WHERE id = 1 RETURNING next_value")
                .first?.int64("next_value") ?? 0
            let digits = String(sequence)
            number = "TC\(result.completedOn / 10_000)" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        }
        let before = try await figures.figures(of: result.enrolmentNumber, in: tx)
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        let employed = !result.employerCreditCode.isEmpty || result.selfEmployed
        try await tx.nativeExecute("""
            INSERT INTO results (enrolment_number, course_code, details, completed_on, passed, completion_number, employed, employed_on, updated_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (enrolment_number) DO UPDATE SET details = excluded.details, completed_on = excluded.completed_on,
                passed = excluded.passed, completion_number = excluded.completion_number, employed = excluded.employed,
                employed_on = excluded.employed_on, updated_ms = excluded.updated_ms
            """, [.text(result.enrolmentNumber), .text(course.code), .bytes(Data(result.wireBytes())), .init(result.completedOn),
                  .init(result.passed), .text(number), .init(employed), .init(employed ? result.employedOn : 0), .integer(now)])
        // The enrolment's figures as they are now: its certificate (if any) unchanged, its
        // result the one just written.
        if let before {
            var after = before.figures
            after.completedOn = result.completedOn
            after.passed = result.passed
            after.employedOn = employed ? result.employedOn : nil
            try await figures.change(course: before.course, from: before.figures, to: after, in: tx)
        }
        return true
    }

    /// Records the certificate the trainee obtained after the course (confirmed by the
    /// evaluation service); recording another replaces it.
    func recordCertificate(enrolment: String, number: String, issuedOn: Int32, course: Course, in tx: StoreTransaction) async throws -> TrainingResultView {
        let before = try await figures.figures(of: enrolment, in: tx)
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        try await tx.raw("""
            INSERT INTO certificates_after (enrolment_number, certificate_number, issued_on, recorded_ms)
            VALUES (\(bind: enrolment), \(bind: number), \(bind: issuedOn), \(bind: now))
            ON CONFLICT (enrolment_number) DO UPDATE SET certificate_number = excluded.certificate_number,
                issued_on = excluded.issued_on, recorded_ms = excluded.recorded_ms
            """).run()
        try await refigure(enrolment, from: before, in: tx)
        try await tx.audit(entity: "certificate_after_training", id: enrolment, detail: "certificate \(number)")
        return try await view(of: enrolment, course: course.code, in: tx)
    }

    /// Moves the enrolment's part of its course's figures from what it counted for before a
    /// write to what it counts for now.
    private func refigure(_ enrolment: String, from before: (course: String, figures: EnrolmentFigures)?, in tx: StoreTransaction) async throws {
        guard let after = try await figures.figures(of: enrolment, in: tx) else { return }
        try await figures.change(course: after.course, from: before?.figures, to: after.figures, in: tx)
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
