import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// The headline numbers as of a date, from indexed queries.
///
/// Cost: skilled workers and high-skill talents are COUNT(DISTINCT holder_index) over the
/// certificates issued up to the date, read from a covering index (`certificates_asof`, or
/// `certificates_county_asof` for a county) — no table rows, but still every index entry
/// issued before the date, so linear in certificates. New skilled workers read the `holders`
/// table's index on the first-issue date (one row per person in the year). Institutions are a
/// GROUP BY over a table of tens of rows.
struct CountQueries: Sendable {
    let store: Store

    func counts(county: Int32, asOf: CalendarDate, year: Int32) async throws -> EvaluationCounts {
        try await store.read { db in
            var result = EvaluationCounts()
            result.county = county
            result.asOf = asOf.yyyymmdd
            result.year = year
            let date = asOf.yyyymmdd
            func distinctValidHolders(highSkillOnly: Bool) async throws -> UInt64 {
                var query: SQLQueryString = """
                    SELECT COUNT(DISTINCT holder_index) AS n FROM certificates
                    WHERE issued_on <= \(bind: date) AND expires_on > \(bind: date) AND ended_on > \(bind: date)
                    """
                if county != 0 { query = query + " AND county = \(bind: county)" }
                if highSkillOnly { query = query + " AND high_skill = 1" }
                return UInt64(max(0, try await db.raw(query).first(decodingColumn: "n", as: Int64.self) ?? 0))
            }
            result.skilledWorkers = try await distinctValidHolders(highSkillOnly: false)
            result.highSkill = try await distinctValidHolders(highSkillOnly: true)

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
