import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

extension StatisticsQueries {
    /// The totals alone, for callers that ask often (the gateway, thousands of times a second):
    /// registered persons per county (kept beside the cells, `registration_totals`) and
    /// optionally the persons registered on a day (``RegisteredDays``) in one statement (a UNION
    /// ALL: one round trip, no transaction); the enterprises and the surveyed ones from
    /// ``EnterpriseTotalsMemo``, whose calls that miss together share one read — counting the
    /// surveyed is a DISTINCT over every demand line, and when each call that missed counted
    /// for itself, the herd after each expiry was half the registry's database time under
    /// `Totals` on PostgreSQL (BENCHMARKS.md note 25).
    func summary(county: Int32, registrationsUpTo day: Int32, reading: any RowReading) async throws -> RegistrationStatistics {
        let scoped = county != 0
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to read it as an integer.
        var sql = "SELECT 0 AS part, county AS k, count AS n FROM registration_totals" + (scoped ? " WHERE county = ?" : "")
        var values: [StoreValue] = scoped ? [.init(county)] : []
        if day != 0 {
            let registered = RegisteredDays.figure(county: scoped ? county : RegisteredDays.city, on: day)
            sql += " UNION ALL SELECT 3, 0, \(registered.expression)"
            values += registered.values
        }
        var registered: [Int32: UInt64] = [:]
        var registrationsUpTo: UInt64 = 0
        for row in try await reading.rows(sql, values) {
            let number = UInt64(max(0, try row.int64("n")))
            if try row.int64("part") == 0 {
                registered[try row.int32("k")] = number
            } else {
                registrationsUpTo = number
            }
        }
        return try await summary(county: county, day: day, registered: registered, registrationsUpTo: registrationsUpTo)
    }

    /// The summaries of several counties (not the city) in one statement grouped by county,
    /// each the same as ``summary(county:registrationsUpTo:reading:)`` gives it: the gateway
    /// asks every county on every date in one `Totals` in twenty, and the counties' statements
    /// gathered in one round cost PostgreSQL a subquery set each to start (BENCHMARKS.md note 27).
    func summaries(counties: [Int32], registrationsUpTo day: Int32, reading: any RowReading) async throws -> [Int32: RegistrationStatistics] {
        var sql = "SELECT 0 AS part, county AS k, count AS n FROM registration_totals WHERE county IN \(placeholderList(counties.count))"
        var values = counties.map(StoreValue.init)
        if day != 0 {
            let registered = RegisteredDays.figures(counties: counties, on: day, part: 3)
            sql += " UNION ALL " + registered.statement
            values += registered.values
        }
        var registered: [Int32: UInt64] = [:]
        var registrationsUpTo: [Int32: Int64] = [:]
        for row in try await reading.rows(sql, values) {
            let county = try row.int32("k")
            if try row.int64("part") == 0 {
                registered[county] = UInt64(max(0, try row.int64("n")))
            } else {
                registrationsUpTo[county, default: 0] += try row.int64("n")
            }
        }
        var result: [Int32: RegistrationStatistics] = [:]
        for county in counties {
            result[county] = try await summary(county: county, day: day, registered: registered[county].map { [county: $0] } ?? [:],
                                               registrationsUpTo: UInt64(max(0, registrationsUpTo[county] ?? 0)))
        }
        return result
    }

    /// A summary from its counted persons, with the enterprises as they stood on `day` (0: now).
    private func summary(county: Int32, day: Int32, registered: [Int32: UInt64], registrationsUpTo: UInt64) async throws -> RegistrationStatistics {
        var result = RegistrationStatistics()
        result.registrationsUpTo = registrationsUpTo
        let enterprises: EnterpriseTotalsMemo.Totals
        if day != 0, day < CalendarDate.today(by: clock).yyyymmdd {
            // A past day: the enterprises as they stood then (``EnterpriseHistory``).
            enterprises = try await enterpriseMemo.value(.init(county: county, day: day)) {
                let (enterprises, surveyed) = try await store.query { db in
                    try await EnterpriseHistory.counts(on: day, county: county, in: db)
                }
                return .init(enterprises: enterprises, surveyed: surveyed)
            }
        } else {
            enterprises = try await enterpriseMemo.value(.init(county: county)) {
                try await store.query { db in
                    .init(enterprises: try await enterpriseCount(county: county, in: db),
                          surveyed: try await surveyedEnterprises(county: county, in: db))
                }
            }
        }
        (result.enterprises, result.enterprisesSurveyed) = (enterprises.enterprises, enterprises.surveyed)
        result.registered = registered.values.reduce(0, +)
        result.coverage = coverage(county: county, registered: registered)
        result.deadline = Self.deadline
        result.asOf = Int64(clock().timeIntervalSince1970 * 1000)
        return result
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
        if county != 0 { enterprises = enterprises.where("county", .in, SQLBind.group(JinchengDivisions.standard.recordCodes(countingIn: county))) }
        return UInt64(try await enterprises.first(decodingColumn: "n", as: Int64.self) ?? 0)
    }

    /// Enterprises with at least one demand line, in one county or the city.
    func surveyedEnterprises(county: Int32, in db: any SQLDatabase) async throws -> UInt64 {
        let surveyed: SQLQueryString = county == 0
            ? "SELECT COUNT(DISTINCT credit_code) AS n FROM demand"
            : "SELECT COUNT(DISTINCT d.credit_code) AS n FROM demand d JOIN enterprises e ON e.credit_code = d.credit_code WHERE e.county IN \(SQLBind.group(JinchengDivisions.standard.recordCodes(countingIn: county)))"
        return UInt64(try await db.raw(surveyed).first(decodingColumn: "n", as: Int64.self) ?? 0)
    }
}
