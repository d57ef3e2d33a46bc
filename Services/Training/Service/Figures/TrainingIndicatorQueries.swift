import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// A year's training figures (docs/NUMBERS.md, "Training"): one grouped read of the year's
/// enrolments with their results, per course; providers, programmes and modes are summed from
/// the courses.
struct TrainingIndicatorQueries: Sendable {
    let store: Store
    let courses: CourseRepository

    /// Providers under these rates are flagged (plan, action 5: pass rate ≥ 95 %, ≥ 30 % employed).
    static let minimumPassRate: UInt32 = 9_500
    static let minimumEmploymentRate: UInt32 = 3_000

    func indicators(year: Int32, county: Int32) async throws -> TrainingIndicators {
        let codes = county == 0 ? [] : JinchengDivisions.standard.recordCodes(countingIn: county)
        let (counts, details) = try await store.query { db in
            var sql = """
                SELECT e.course_code AS code, COUNT(*) AS enrolled, COUNT(r.enrolment_number) AS completed,
                    COALESCE(SUM(r.passed), 0) AS passed, COALESCE(SUM(r.employed), 0) AS employed,
                    COUNT(CASE WHEN r.enrolment_number IS NOT NULL THEN a.enrolment_number END) AS certified,
                    COUNT(CASE WHEN r.passed = 1 THEN a.enrolment_number END) AS passed_certified
                FROM enrolments e JOIN courses c ON c.code = e.course_code
                LEFT JOIN results r ON r.enrolment_number = e.number
                LEFT JOIN certificates_after a ON a.enrolment_number = e.number
                WHERE e.year = ?
                """
            if !codes.isEmpty { sql += " AND c.county IN " + placeholderList(codes.count) }
            sql += " GROUP BY e.course_code"
            let rows = try await db.nativeRows(sql, [.init(year)] + codes.map(StoreValue.init))
            var counts: [String: (enrolled: UInt64, completed: UInt64, passed: UInt64, employed: UInt64, certified: UInt64, passedCertified: UInt64)] = [:]
            for row in rows {
                counts[try row.string("code")] = (UInt64(try row.int64("enrolled")), UInt64(try row.int64("completed")),
                                                 UInt64(try row.int64("passed")), UInt64(try row.int64("employed")),
                                                 UInt64(try row.int64("certified")), UInt64(try row.int64("passed_certified")))
            }
            var details: [String: Course] = [:]
            for code in counts.keys { details[code] = try await courses.require(code, in: db).course }
            return (counts, details)
        }
        var result = TrainingIndicators()
        result.year = year
        result.county = county
        var byDimension: [String: [String: TrainingFigures]] = [:]
        for (code, count) in counts {
            let course = details[code]!
            var figures = TrainingFigures()
            figures.enrolled = count.enrolled
            figures.completed = count.completed
            figures.passed = count.passed
            figures.employed = count.employed
            figures.certified = count.certified
            figures.subsidyDue = course.subsidyDue(passed: count.passed, passedAndCertified: count.passedCertified)
            for (dimension, key) in [("course", code), ("provider", course.providerCreditCode),
                                     ("programme", course.programme.description), ("mode", String(course.mode.rawValue))] {
                byDimension[dimension, default: [:]][key, default: TrainingFigures()].add(figures)
            }
            result.total.add(figures)
        }
        result.total.rate()
        for dimension in ["course", "provider", "programme", "mode"] {
            for (key, figures) in (byDimension[dimension] ?? [:]).sorted(by: { $0.key < $1.key }) {
                var line = TrainingFiguresLine()
                line.dimension = dimension
                line.key = key
                line.figures = figures
                line.figures.rate()
                if dimension == "provider", line.figures.completed > 0 {
                    if line.figures.passRate < Self.minimumPassRate { line.flags.append("pass_rate") }
                    if line.figures.employmentRate < Self.minimumEmploymentRate { line.flags.append("employment_rate") }
                }
                result.lines.append(line)
            }
        }
        return result
    }
}

extension TrainingFigures {
    mutating func add(_ other: TrainingFigures) {
        enrolled += other.enrolled
        completed += other.completed
        passed += other.passed
        employed += other.employed
        certified += other.certified
        subsidyDue += other.subsidyDue
    }

    /// The rates of the counts, in basis points of `completed` (rounded down); 0 without results.
    mutating func rate() {
        guard completed > 0 else { return }
        passRate = UInt32(passed * 10_000 / completed)
        employmentRate = UInt32(employed * 10_000 / completed)
        certificateRate = UInt32(certified * 10_000 / completed)
    }
}
