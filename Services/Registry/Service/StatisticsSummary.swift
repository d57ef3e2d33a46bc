import JCSkillsProtocol
import JCSkillsStore
import SQLKit

extension StatisticsQueries {
    /// The totals alone, for callers that ask often (the gateway): registered persons per
    /// county summed in SQL rather than shipped cell by cell, enterprises, the surveyed ones, and
    /// optionally the registrations made up to a day.
    func summary(county: Int32, registrationsUpTo day: Int32) async throws -> RegistrationStatistics {
        try await store.read { db in
            var result = RegistrationStatistics()
            // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to read it as an integer.
            var perCounty: SQLQueryString = "SELECT county, CAST(SUM(count) AS BIGINT) AS n FROM registration_counts"
            if county != 0 { perCounty = perCounty + " WHERE county = \(bind: county)" }
            var registered: [Int32: UInt64] = [:]
            for row in try await db.raw(perCounty + " GROUP BY county").all() {
                registered[try row.decode(column: "county", as: Int32.self)] = UInt64(max(0, try row.decode(column: "n", as: Int64?.self) ?? 0))
            }
            result.registered = registered.values.reduce(0, +)
            result.coverage = coverage(county: county, registered: registered)
            result.enterprises = try await enterpriseCount(county: county, in: db)
            result.enterprisesSurveyed = try await surveyedEnterprises(county: county, in: db)
            if day != 0 && county == 0 {
                let upTo: SQLQueryString = "SELECT CAST(SUM(count) AS BIGINT) AS n FROM daily_registrations WHERE day <= \(bind: day)"
                // SUM over no rows is NULL.
                let sum = try await db.raw(upTo).first(decodingColumn: "n", as: Int64?.self) ?? nil
                result.registrationsUpTo = UInt64(max(0, sum ?? 0))
            }
            result.deadline = Self.deadline
            result.asOf = Int64(clock().timeIntervalSince1970 * 1000)
            return result
        }
    }

    /// Each county's registered persons against its estimated labour force: every county
    /// with an estimate or a registration for the city, else the one county.
    func coverage(county: Int32, registered: [Int32: UInt64]) -> [CountyCoverage] {
        let counties = county == 0 ? Set(labourForce.keys).union(registered.keys).sorted() : [county]
        return counties.map { code in
            var coverage = CountyCoverage()
            coverage.county = code
            coverage.registered = registered[code] ?? 0
            coverage.estimatedLabourForce = labourForce[code] ?? 0
            return coverage
        }
    }

    func enterpriseCount(county: Int32, in db: any SQLDatabase) async throws -> UInt64 {
        var enterprises = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("enterprises")
        if county != 0 { enterprises = enterprises.where("county", .equal, SQLBind(county)) }
        return UInt64(try await enterprises.first(decodingColumn: "n", as: Int64.self) ?? 0)
    }

    /// Enterprises with at least one demand line, in one county or the city.
    func surveyedEnterprises(county: Int32, in db: any SQLDatabase) async throws -> UInt64 {
        let surveyed: SQLQueryString = county == 0
            ? "SELECT COUNT(DISTINCT credit_code) AS n FROM demand"
            : "SELECT COUNT(DISTINCT d.credit_code) AS n FROM demand d JOIN enterprises e ON e.credit_code = d.credit_code WHERE e.county = \(bind: county)"
        return UInt64(try await db.raw(surveyed).first(decodingColumn: "n", as: Int64.self) ?? 0)
    }
}
