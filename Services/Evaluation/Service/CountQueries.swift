import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// The headline numbers as of a date, from tables maintained with every write.
///
/// Cost: skilled workers and high-skill talents are a sum over `coverage_monthly` rows of one
/// scope before the date's month plus that month's `coverage_deltas` days — a few hundred
/// rows whatever the number of certificates. New skilled workers read the `holders` table's
/// index on the first-issue date (one entry per person first certified in the year). Institutions are a GROUP BY over a table of tens of rows; the
/// baseline a table of at most 6 counties × 9 levels.
struct CountQueries: Sendable {
    let store: Store
    let baseline: BaselineRepository

    func counts(county: Int32, asOf: CalendarDate, year: Int32) async throws -> EvaluationCounts {
        try await store.read { db in
            var result = EvaluationCounts()
            result.county = county
            result.asOf = asOf.yyyymmdd
            result.year = year
            let date = asOf.yyyymmdd
            result.inSystemSkilledWorkers = try await CoverageDeltas.count(scope: county, highSkill: false, on: date, in: db)
            let inSystemHighSkill = try await CoverageDeltas.count(scope: county, highSkill: true, on: date, in: db)
            // The declared baseline's persons not identified by an imported certificate
            // (BaselineRepository): each person is counted once, here or there.
            let stock = try await baseline.counted(county: county, on: date, in: db)
            result.baselineSkilledWorkers = stock.all
            result.baselineHighSkill = stock.highSkill
            result.skilledWorkers = result.inSystemSkilledWorkers + stock.all
            result.highSkill = inSystemHighSkill + stock.highSkill

            var newHolders: SQLQueryString = """
                SELECT COUNT(*) AS n FROM holders
                WHERE first_issued_on >= \(bind: year * 10_000 + 101) AND first_issued_on <= \(bind: year * 10_000 + 1231)
                """
            if county != 0 { newHolders = newHolders + " AND first_county = \(bind: county)" }
            result.newSkilledWorkers = UInt64(max(0, try await db.raw(newHolders).first(decodingColumn: "n", as: Int64.self) ?? 0))

            var institutions = db.select().column("type").column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("institutions")
            if county != 0 { institutions = institutions.where("county", .equal, SQLBind(county)) }
            result.institutions = try await institutions.groupBy("type").groupBy("status").orderBy("type").orderBy("status").all().map { row in
                var count = InstitutionCount()
                count.type = InstitutionType(rawValue: try row.decode(column: "type", as: Int32.self))
                count.status = InstitutionStatus(rawValue: try row.decode(column: "status", as: Int32.self))
                count.count = UInt64(max(0, try row.decode(column: "n", as: Int64.self)))
                return count
            }
            return result
        }
    }
}
