import JCSkillsProtocol
import JCSkillsStore

/// Every number of ``CountQueries/counts(county:asOf:year:)`` in one statement (a UNION ALL of
/// small parts), run without a transaction: the gateway asks for the counts thousands of times
/// a second, and each statement through the store costs a hand-off to the database thread and
/// back, whatever it reads. Rows are (part, a, b, n):
///
/// - part 0 and 1: persons covered on the date, all and high-skill (``CoverageDeltas``: the
///   yearly sums before the date's year, that year's months before its month, that month's days);
/// - part 2: persons first certified in the year up to the date (``FirstCertificates``): as of
///   30 June, January to June, never certificates issued after the date;
/// - part 3: the declared baseline still counted, per level (a = level), measured by the date;
/// - part 4: institutions per type (a) and status (b) on the date: each in the state of its
///   last history row up to it (``EvaluationSchema``, migration 9); for today, the institutions'
///   own rows, which hold that state (the history's look-up per institution was most of the
///   cost of the gateway's Totals: BENCHMARKS.md).
struct CountsStatement {
    let county: Int32
    let day: Int32
    let year: Int32
    /// `day` is today (or later): institutions as they stand.
    var current = false
    /// Whether to count the institutions (part 4): not when ``CountQueries`` has them already.
    var institutions = true

    /// The statement's text, one of eight shapes (a county or the city, today or a past day,
    /// with or without the institutions), each written once: the text alone was 3 % of the
    /// service's time under `Totals` when built for every call.
    var sql: String {
        Self.texts[(county != 0 ? 1 : 0) | (current ? 2 : 0) | (institutions ? 4 : 0)]
    }

    private static let texts = (0..<8).map { shape in
        text(scoped: shape & 1 != 0, current: shape & 2 != 0, institutions: shape & 4 != 0)
    }

    private static func text(scoped: Bool, current: Bool, institutions: Bool) -> String {
        func covered(_ high: Int) -> String {
            "SELECT \(high) AS part, 0 AS a, 0 AS b, \(CoverageDeltas.coveredExpression(highSkill: high == 1)) AS n"
        }
        return covered(0) + " UNION ALL " + covered(1)
            + " UNION ALL SELECT 2, 0, 0, CAST(COALESCE(SUM(persons), 0) AS BIGINT) FROM first_certificates"
            + " WHERE scope = ? AND day >= ? AND day <= ?"
            + " UNION ALL SELECT 3, level, 0, CASE WHEN declared > claimed THEN declared - claimed ELSE 0 END FROM baseline_stock"
            + " WHERE declared > 0 AND as_of <= ?" + (scoped ? " AND county = ?" : "")
            + (!institutions ? "" : current
                ? " UNION ALL SELECT 4, type, status, COUNT(*) FROM institutions" + (scoped ? " WHERE county = ?" : "")
                    + " GROUP BY type, status"
                : " UNION ALL SELECT 4, h.type, h.status, COUNT(*) FROM institution_history h WHERE h.day <= ?"
                    + (scoped ? " AND h.county = ?" : "")
                    + " AND h.id = (SELECT MAX(l.id) FROM institution_history l WHERE l.code = h.code AND l.day <= ?)"
                    + " GROUP BY h.type, h.status")
    }

    var values: [StoreValue] {
        let covered = CoverageDeltas.covered(scope: county, on: day)
        var values = covered + covered + [.init(county)] + Self.yearToDate(year: year, day: day)
        values.append(.init(day))
        if county != 0 { values.append(.init(county)) }
        if !institutions { return values }
        if current {
            if county != 0 { values.append(.init(county)) }
        } else {
            values.append(.init(day))
            if county != 0 { values.append(.init(county)) }
            values.append(.init(day))
        }
        return values
    }

    /// The first and last day part 2 sums: the year's first day, and its last or `day` if earlier.
    static func yearToDate(year: Int32, day: Int32) -> [StoreValue] {
        [StoreValue(year * 10_000 + 101), StoreValue(min(year * 10_000 + 1231, day))]
    }

    func counts(from rows: [StoreRow]) throws -> EvaluationCounts {
        var result = EvaluationCounts()
        result.county = county
        result.asOf = day
        result.year = year
        var highSkill: UInt64 = 0
        for row in rows {
            let n = UInt64(max(0, try row.int64("n")))
            switch try row.int64("part") {
            case 0: result.inSystemSkilledWorkers = n
            case 1: highSkill += n
            case 2: result.newSkilledWorkers = n
            case 3:
                // The declared baseline's persons not identified by an imported certificate
                // (BaselineRepository): each person is counted once, here or there.
                result.baselineSkilledWorkers += n
                if SkillLevel(rawValue: try row.int32("a")).isHighSkill { result.baselineHighSkill += n }
            default:
                var count = InstitutionCount()
                count.type = InstitutionType(rawValue: try row.int32("a"))
                count.status = InstitutionStatus(rawValue: try row.int32("b"))
                count.count = n
                result.institutions.append(count)
            }
        }
        result.institutions.sort { ($0.type.rawValue, $0.status.rawValue) < ($1.type.rawValue, $1.status.rawValue) }
        result.skilledWorkers = result.inSystemSkilledWorkers + result.baselineSkilledWorkers
        result.highSkill = highSkill + result.baselineHighSkill
        return result
    }
}
