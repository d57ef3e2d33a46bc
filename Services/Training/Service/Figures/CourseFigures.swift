import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// What one enrolment adds to its course's figures, each part from the day it counts
/// (docs/NUMBERS.md, "Training on a date"): enrolled from the day of enrolment; completed and
/// passed from the completion; employed from the later of completion and the job's first day;
/// certified from the later of completion and the certificate's issue — none before the day of
/// enrolment.
struct EnrolmentFigures: Equatable {
    var enrolledOn: Int32
    var completedOn: Int32?
    var passed = false
    var employedOn: Int32?
    var certificateIssuedOn: Int32?

    /// What `result` makes of the enrolment: completed on its day, passed or not, employed
    /// from the job's first day when it records a job.
    mutating func count(_ result: TrainingResult) {
        completedOn = result.completedOn
        passed = result.passed
        employedOn = !result.employerCreditCode.isEmpty || result.selfEmployed ? result.employedOn : nil
    }

    /// Day → the six counts, +1 each where this enrolment counts.
    var parts: [Int32: CourseFigures.Counts] {
        var parts: [Int32: CourseFigures.Counts] = [:]
        parts[enrolledOn, default: .zero].enrolled += 1
        // Nothing of an enrolment counts before the enrolment itself (a provider may report a
        // completion dated before the office recorded the enrolment).
        guard let reported = completedOn else { return parts }
        let completed = max(enrolledOn, reported)
        parts[completed, default: .zero].completed += 1
        if passed { parts[completed, default: .zero].passed += 1 }
        if let employedOn { parts[max(completed, employedOn), default: .zero].employed += 1 }
        if let issued = certificateIssuedOn {
            let day = max(completed, issued)
            parts[day, default: .zero].certified += 1
            if passed { parts[day, default: .zero].passedCertified += 1 }
        }
        return parts
    }
}

/// Each course's figures by the day they changed (`course_figures`), kept in the transaction of
/// every enrolment, result and certificate: a date's figures are the sum of the days up to it,
/// read in one short grouped query instead of a pass over every enrolment.
struct CourseFigures: Sendable {
    struct Counts: Equatable, Sendable {
        var enrolled: Int64 = 0
        var completed: Int64 = 0
        var passed: Int64 = 0
        var employed: Int64 = 0
        var certified: Int64 = 0
        var passedCertified: Int64 = 0
        static let zero = Counts()

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(enrolled: a.enrolled + b.enrolled, completed: a.completed + b.completed, passed: a.passed + b.passed,
                   employed: a.employed + b.employed, certified: a.certified + b.certified,
                   passedCertified: a.passedCertified + b.passedCertified)
        }

        static prefix func - (a: Counts) -> Counts {
            Counts(enrolled: -a.enrolled, completed: -a.completed, passed: -a.passed, employed: -a.employed,
                   certified: -a.certified, passedCertified: -a.passedCertified)
        }
    }

    /// A course's summed figures, with what the queries need of the course as it is now.
    struct Line: Sendable {
        var course: String
        var programme: TrainingProgramme
        var county: Int32
        var startsOn: Int32
        var counts: Counts
        /// The course itself, when asked for.
        var details: Course?
        var year: Int32 { startsOn / 10_000 }
    }

    /// Moves a course's figures of every day from the programme, county and year it counted in
    /// to those it counts in now: the city's counts follow a course as it is now.
    func move(course: String, from old: ProgrammeScope, to new: ProgrammeScope, in tx: StoreTransaction) async throws {
        guard old != new else { return }
        // The course's figures as this transaction leaves them, not as they were before it.
        try await tx.applyHeldDeltas()
        for (scope, sign) in [(old, "-"), (new, "")] {
            try await tx.nativeExecute("""
                INSERT INTO programme_figures (\((ProgrammeScope.columns + ["day"] + Self.countColumns).joined(separator: ", ")))
                SELECT ?, ?, ?, day, \(Self.countColumns.map { sign + $0 }.joined(separator: ", "))
                FROM course_figures WHERE course_code = ?
                \(Self.addingOnConflict(table: "programme_figures", keys: ProgrammeScope.columns))
                """, scope.values + [.text(course)])
        }
    }

    static func addingOnConflict(table: String, keys: [String]) -> String {
        "ON CONFLICT (\((keys + ["day"]).joined(separator: ", "))) DO UPDATE SET "
            + countColumns.map { "\($0) = \(table).\($0) + excluded.\($0)" }.joined(separator: ", ")
    }

    static let countColumns = ["enrolled", "completed", "passed", "employed", "certified", "passed_certified"]

    /// Every course's figures summed over every day, for the courses starting in `years` of
    /// `counties` (all when empty).
    func lines(startingIn years: ClosedRange<Int32>, counties: [Int32] = [], withDetails: Bool = false,
               in db: any SQLDatabase) async throws -> [Line] {
        // Grouped by the course's key, so its other columns may be selected beside the sums.
        var sql = """
            SELECT c.code AS code, c.programme AS programme, c.county AS county, c.starts_on AS starts_on,\(withDetails ? " c.details AS details," : "")
                CAST(SUM(f.enrolled) AS BIGINT) AS enrolled, CAST(SUM(f.completed) AS BIGINT) AS completed,
                CAST(SUM(f.passed) AS BIGINT) AS passed, CAST(SUM(f.employed) AS BIGINT) AS employed,
                CAST(SUM(f.certified) AS BIGINT) AS certified, CAST(SUM(f.passed_certified) AS BIGINT) AS passed_certified
            FROM course_figures f JOIN courses c ON c.code = f.course_code WHERE c.starts_on BETWEEN ? AND ?
            """
        var values: [StoreValue] = [.init(years.lowerBound * 10_000 + 101), .init(years.upperBound * 10_000 + 1231)]
        if !counties.isEmpty {
            sql += " AND c.county IN " + placeholderList(counties.count)
            values += counties.map(StoreValue.init)
        }
        sql += " GROUP BY c.code"
        return try await db.nativeRows(sql, values).map { row in
            Line(course: try row.string("code"), programme: TrainingProgramme(rawValue: try row.int32("programme")),
                 county: try row.int32("county"), startsOn: try row.int32("starts_on"),
                 counts: Counts(enrolled: try row.int64("enrolled"), completed: try row.int64("completed"), passed: try row.int64("passed"),
                                employed: try row.int64("employed"), certified: try row.int64("certified"),
                                passedCertified: try row.int64("passed_certified")),
                 details: withDetails ? try Course(wireBytes: Array(try row.data("details"))) : nil)
        }
    }
}
