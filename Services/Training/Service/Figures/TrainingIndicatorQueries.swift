import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// A year's training figures (docs/NUMBERS.md, "Training"): each course's figures over every
/// day (``CourseFigures``) for the courses starting in the year; providers, programmes and modes
/// are summed from the courses.
struct TrainingIndicatorQueries: Sendable {
    let store: Store
    let figures: CourseFigures

    /// Providers under these rates are flagged (plan, action 5: pass rate ≥ 95 %, ≥ 30 % employed).
    static let minimumPassRate: UInt32 = 9_500
    static let minimumEmploymentRate: UInt32 = 3_000

    func indicators(year: Int32, county: Int32) async throws -> TrainingIndicators {
        let codes = county == 0 ? [] : JinchengDivisions.standard.recordCodes(countingIn: county)
        let lines = try await store.query { db in
            try await figures.lines(startingIn: year...year, counties: codes, withDetails: true, in: db)
        }
        var result = TrainingIndicators()
        result.year = year
        result.county = county
        var byDimension: [String: [String: TrainingFigures]] = [:]
        for line in lines where line.counts.enrolled > 0 {
            let course = line.details!
            let code = line.course
            let count = line.counts
            var figures = TrainingFigures()
            figures.enrolled = UInt64(count.enrolled)
            figures.completed = UInt64(count.completed)
            figures.passed = UInt64(count.passed)
            figures.employed = UInt64(count.employed)
            figures.certified = UInt64(count.certified)
            figures.subsidyDue = course.subsidyDue(passed: UInt64(count.passed), passedAndCertified: UInt64(count.passedCertified))
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
