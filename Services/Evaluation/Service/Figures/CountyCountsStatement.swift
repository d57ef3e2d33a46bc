import JCSkillsProtocol
import JCSkillsStore

/// The numbers of ``CountsStatement`` for several counties on one date, in one statement
/// grouped by county: what a `BatchCounts` asking for every county needs. As fourteen
/// ``CountsStatement``s gathered in one round, the statement held fourteen times the
/// subqueries, and PostgreSQL's set-up of each (its executor start) cost more than reading the
/// few rows each sums: the every-county questions, one answer in twenty of the gateway's
/// `Totals`, took most of the evaluation's database time (BENCHMARKS.md note 26).
///
/// Rows are (part, county, a, b, n), the parts those of ``CountsStatement``; the coverage tables
/// are read with both `high_skill` values listed, so that each (county, high_skill) is an index
/// range of its own.
struct CountyCountsStatement {
    let counties: [Int32]
    let day: Int32
    let year: Int32
    /// `day` is today (or later): institutions as they stand.
    var current = false
    /// Whether to count the institutions (part 4): not when every county's are memoised.
    var institutions = true

    var sql: String {
        let list = "(" + Array(repeating: "?", count: counties.count).joined(separator: ", ") + ")"
        let scope = "scope IN \(list) AND high_skill IN (0, 1)"
        let coverage = CoverageDeltas.ranges.map { "SELECT scope, high_skill, delta FROM \($0.table) WHERE \(scope) AND \($0.condition)" }
        var sql = """
            SELECT c.high_skill AS part, c.scope AS county, 0 AS a, 0 AS b, CAST(SUM(c.delta) AS BIGINT) AS n FROM (
              \(coverage.joined(separator: " UNION ALL "))
            ) AS c GROUP BY c.scope, c.high_skill
            UNION ALL SELECT 2, scope, 0, 0, CAST(SUM(persons) AS BIGINT) FROM first_certificates
              WHERE scope IN \(list) AND day >= ? AND day <= ? GROUP BY scope
            UNION ALL SELECT 3, county, level, 0, CASE WHEN declared > claimed THEN declared - claimed ELSE 0 END FROM baseline_stock
              WHERE declared > 0 AND as_of <= ? AND county IN \(list)
            """
        guard institutions else { return sql }
        sql += current
            ? " UNION ALL SELECT 4, county, type, status, COUNT(*) FROM institutions WHERE county IN \(list) GROUP BY county, type, status"
            : " UNION ALL SELECT 4, h.county, h.type, h.status, COUNT(*) FROM institution_history h WHERE h.day <= ? AND h.county IN \(list)"
                + " AND h.id = (SELECT MAX(l.id) FROM institution_history l WHERE l.code = h.code AND l.day <= ?)"
                + " GROUP BY h.county, h.type, h.status"
        return sql
    }

    var values: [StoreValue] {
        let list = counties.map { StoreValue($0) }
        var values = CoverageDeltas.bounds(on: day).flatMap { list + $0 }
            + list + CountsStatement.yearToDate(year: year, day: day)
            + [StoreValue(day)] + list
        guard institutions else { return values }
        values += current ? list : [StoreValue(day)] + list + [StoreValue(day)]
        return values
    }

    /// Each county's counts, as ``CountsStatement/counts(from:)`` gives one county's (the
    /// institutions only when this statement counted them).
    func counts(from rows: [StoreRow]) throws -> [Int32: EvaluationCounts] {
        var perCounty: [Int32: [StoreRow]] = [:]
        for row in rows { perCounty[try row.int32("county"), default: []].append(row) }
        var result: [Int32: EvaluationCounts] = [:]
        for county in counties {
            let statement = CountsStatement(county: county, day: day, year: year, current: current, institutions: institutions)
            result[county] = try statement.counts(from: perCounty[county] ?? [])
        }
        return result
    }
}
