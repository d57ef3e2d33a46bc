import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Where a course's figures count in the city's totals: its programme, county and the year it
/// starts, as the course is now.
struct ProgrammeScope: Hashable, Sendable {
    var programme: Int32
    var county: Int32
    var year: Int32

    init(programme: Int32, county: Int32, year: Int32) {
        self.programme = programme
        self.county = county
        self.year = year
    }

    init(_ course: Course) {
        self.init(programme: course.programme.rawValue, county: course.county, year: course.startsOn / 10_000)
    }

    static let columns = ["programme", "county", "year"]
    var values: [StoreValue] { [.init(programme), .init(county), .init(year)] }

    /// The scope `course` counts in now; nil when there is no such course.
    static func of(course: String, in db: any SQLDatabase) async throws -> ProgrammeScope? {
        try await db.nativeRows("SELECT programme, county, starts_on FROM courses WHERE code = ?", [.text(course)]).first.map {
            ProgrammeScope(programme: try $0.int32("programme"), county: try $0.int32("county"), year: try $0.int32("starts_on") / 10_000)
        }
    }
}

/// The courses' figures summed by ``ProgrammeScope`` and day (`programme_figures`), kept beside
/// `course_figures` in the same transactions: the city's counts on a date read a row per
/// programme, county, year and day, however many courses there are.
struct ProgrammeFigures: Sendable {
    struct Line: Sendable {
        var scope: ProgrammeScope
        var counts: CourseFigures.Counts
    }

    /// Every scope's figures summed over the days up to `day`, for `counties` (all when empty).
    func lines(upTo day: Int32, counties: [Int32] = [], reading: any RowReading) async throws -> [Line] {
        var sql = """
            SELECT programme, county, year,
                CAST(SUM(enrolled) AS BIGINT) AS enrolled, CAST(SUM(completed) AS BIGINT) AS completed,
                CAST(SUM(passed) AS BIGINT) AS passed, CAST(SUM(employed) AS BIGINT) AS employed,
                CAST(SUM(certified) AS BIGINT) AS certified, CAST(SUM(passed_certified) AS BIGINT) AS passed_certified
            FROM programme_figures WHERE day <= ?
            """
        var values: [StoreValue] = [.init(day)]
        if !counties.isEmpty {
            sql += " AND county IN " + placeholderList(counties.count)
            values += counties.map(StoreValue.init)
        }
        sql += " GROUP BY programme, county, year"
        return try await reading.rows(sql, values).map { row in
            Line(scope: ProgrammeScope(programme: try row.int32("programme"), county: try row.int32("county"), year: try row.int32("year")),
                 counts: CourseFigures.Counts(
                    enrolled: try row.int64("enrolled"), completed: try row.int64("completed"), passed: try row.int64("passed"),
                    employed: try row.int64("employed"), certified: try row.int64("certified"),
                    passedCertified: try row.int64("passed_certified")))
        }
    }
}
