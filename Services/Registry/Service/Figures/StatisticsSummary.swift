import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

extension StatisticsQueries {
    /// The totals alone, for callers that ask often (the gateway, thousands of times a second):
    /// registered persons per county (kept beside the cells, `registration_totals`),
    /// enterprises, the surveyed ones (``EnterpriseTotalsMemo``), and optionally the persons
    /// registered on a day (``RegisteredDays``) — one statement (a UNION ALL), so one round
    /// trip to the database without a transaction.
    func summary(county: Int32, registrationsUpTo day: Int32) async throws -> RegistrationStatistics {
        let scoped = county != 0
        let (known, generation) = enterpriseMemo.lookup(.init(county: county))
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to read it as an integer.
        var sql = "SELECT 0 AS part, county AS k, count AS n FROM registration_totals" + (scoped ? " WHERE county = ?" : "")
        var values: [StoreValue] = scoped ? [.init(county)] : []
        if known == nil {
            // The development zone's enterprises count in its host county.
            let codes = JinchengDivisions.standard.recordCodes(countingIn: county)
            let inCounty = "IN " + placeholderList(codes.count)
            sql += " UNION ALL SELECT 1, 0, COUNT(*) FROM enterprises" + (scoped ? " WHERE county \(inCounty)" : "")
                + (scoped
                    ? " UNION ALL SELECT 2, 0, COUNT(DISTINCT d.credit_code) FROM demand d JOIN enterprises e ON e.credit_code = d.credit_code WHERE e.county \(inCounty)"
                    : " UNION ALL SELECT 2, 0, COUNT(DISTINCT credit_code) FROM demand")
            if scoped { values += codes.map(StoreValue.init) + codes.map(StoreValue.init) }
        }
        if day != 0 {
            let registered = RegisteredDays.figure(county: scoped ? county : RegisteredDays.city, on: day)
            sql += " UNION ALL SELECT 3, 0, \(registered.expression)"
            values += registered.values
        }
        let rows = try await store.query { db in try await db.nativeRows(sql, values) }

        var result = RegistrationStatistics()
        var todays = (enterprises: UInt64(0), surveyed: UInt64(0))
        var registered: [Int32: UInt64] = [:]
        for row in rows {
            let number = UInt64(max(0, try row.int64("n")))
            switch try row.int64("part") {
            case 0: registered[try row.int32("k")] = number
            case 1: todays.enterprises = number
            case 2: todays.surveyed = number
            default: result.registrationsUpTo = number
            }
        }
        let today = CalendarDate.today(by: clock).yyyymmdd
        if day != 0, day < today {
            // A past day: the enterprises as they stood then (``EnterpriseHistory``).
            let then = try await enterpriseMemo.value(.init(county: county, day: day)) {
                let (enterprises, surveyed) = try await store.query { db in
                    try await EnterpriseHistory.counts(on: day, county: county, in: db)
                }
                return .init(enterprises: enterprises, surveyed: surveyed)
            }
            (result.enterprises, result.enterprisesSurveyed) = (then.enterprises, then.surveyed)
            if known == nil {
                enterpriseMemo.store(.init(enterprises: todays.enterprises, surveyed: todays.surveyed), for: .init(county: county), generation: generation)
            }
        } else if let known {
            result.enterprises = known.enterprises
            result.enterprisesSurveyed = known.surveyed
        } else {
            (result.enterprises, result.enterprisesSurveyed) = todays
            enterpriseMemo.store(.init(enterprises: todays.enterprises, surveyed: todays.surveyed), for: .init(county: county), generation: generation)
        }
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
