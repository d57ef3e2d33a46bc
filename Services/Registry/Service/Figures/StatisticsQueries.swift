import Foundation
import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// The registry's analysis, read from the maintained counters: a few thousand rows at most,
/// whatever the number of persons.
struct StatisticsQueries: Sendable {
    let store: Store
    let labourForce: [Int32: UInt64]
    let clock: @Sendable () -> Date
    /// The summary's enterprise figures, cleared by every enterprise or demand write.
    let enterpriseMemo = EnterpriseTotalsMemo.make()

    static let deadline: Int32 = 20201031

    /// `Statistics`, and each question of `BatchStatistics`.
    /// `reading`: where the summary's statement runs (the store itself, or a batch's round).
    func answer(_ request: StatisticsRequest, reading: any RowReading) async throws -> RegistrationStatistics {
        try CountyScope.requireCountyOrCity(request.county)
        return request.summaryOnly
            ? try await summary(county: request.county, registrationsUpTo: request.registrationsUpTo, reading: reading)
            : try await statistics(county: request.county)
    }

    /// The summaries of a `BatchStatistics`' county questions that share a day, read several
    /// counties at a time (``summaries(counties:registrationsUpTo:reading:)``) where reads
    /// overlap (PostgreSQL; on SQLite a county's statement is a call of microseconds in the
    /// process, see ``GroupedCounts``). Questions left out are answered one by one.
    func groupedSummaries(_ requests: [StatisticsRequest]) async throws -> [StatisticsRequest: RegistrationStatistics] {
        let groups = BatchQuestions.countyGroups(requests, limit: StatisticsQuestions.limit, on: store) { request -> (shared: Int32, county: Int32)? in
            request.summaryOnly && JinchengDivisions.isJinchengCounty(request.county) ? (request.registrationsUpTo, request.county) : nil
        }
        var byDay: [Int32: [Int32: RegistrationStatistics]] = [:]
        for (day, counties) in groups {
            byDay[day] = try await summaries(counties: counties, registrationsUpTo: day, reading: store)
        }
        var answers: [StatisticsRequest: RegistrationStatistics] = [:]
        for request in requests where request.summaryOnly {
            answers[request] = byDay[request.registrationsUpTo]?[request.county]
        }
        return answers
    }

    /// The cells and the registrations per day are read as native rows: at 20 M persons the
    /// cells and days of a city's answer were thousands of rows, and SQLKit's row decoder was
    /// most of the call (BENCHMARKS.md note 22). The enterprise figures come from the memo the
    /// summary keeps (``EnterpriseTotalsMemo``).
    func statistics(county: Int32) async throws -> RegistrationStatistics {
        try await store.read { db in
            var result = RegistrationStatistics()
            var sql = "SELECT county, category, gender, age_band, employment, count FROM registration_counts WHERE count <> 0"
            var values: [StoreValue] = []
            if county != 0 {
                sql += " AND county = ?"
                values.append(StoreValue(county))
            }
            var perCounty: [Int32: UInt64] = [:]
            for row in try await db.nativeRows(sql, values) {
                var cell = StatisticsCell()
                cell.county = try row.int32("county")
                cell.category = LabourCategory(rawValue: try row.int32("category"))
                cell.gender = Gender(rawValue: try row.int32("gender"))
                cell.ageBand = try row.int32("age_band")
                cell.employment = EmploymentStatus(rawValue: try row.int32("employment"))
                cell.count = UInt64(max(0, try row.int64("count")))
                perCounty[cell.county, default: 0] += cell.count
                result.registered += cell.count
                result.cells.append(cell)
            }
            result.coverage = coverage(county: county, registered: perCounty)
            if county == 0 {
                result.daily = try await db.nativeRows("SELECT day, count FROM daily_registrations ORDER BY day").map { row in
                    var day = DailyRegistrations()
                    day.day = try row.int32("day")
                    day.count = UInt64(max(0, try row.int64("count")))
                    return day
                }
            }
            let enterprises = try await enterpriseMemo.value(.init(county: county)) {
                .init(enterprises: try await enterpriseCount(county: county, in: db),
                      surveyed: try await surveyedEnterprises(county: county, in: db))
            }
            (result.enterprises, result.enterprisesSurveyed) = (enterprises.enterprises, enterprises.surveyed)
            result.deadline = Self.deadline
            result.asOf = Int64(clock().timeIntervalSince1970 * 1000)
            return result
        }
    }

    func demandGap(year: Int32) async throws -> DemandGapReport {
        try await store.read { db in
            var demand: SQLQueryString = "SELECT occupation, year, SUM(headcount) AS demand FROM demand"
            if year != 0 { demand = demand + " WHERE year = \(bind: year)" }
            demand = demand + " GROUP BY occupation, year ORDER BY occupation, year"
            let rows = try await db.raw(demand).all()
            let counts = try await db.select().columns("occupation", "working", "wishing").from("occupation_counts").all()
            var supply: [String: (UInt64, UInt64)] = [:]
            for row in counts {
                supply[try row.decode(column: "occupation", as: String.self)] = (
                    UInt64(max(0, try row.decode(column: "working", as: Int64.self))),
                    UInt64(max(0, try row.decode(column: "wishing", as: Int64.self))))
            }
            var report = DemandGapReport()
            for row in rows {
                var gap = DemandGapRow()
                gap.occupation = try row.decode(column: "occupation", as: String.self)
                gap.year = try row.decode(column: "year", as: Int32.self)
                gap.demand = UInt64(max(0, try row.decode(column: "demand", as: Int64.self)))
                (gap.working, gap.wishing) = supply[gap.occupation] ?? (0, 0)
                report.rows.append(gap)
            }
            return report
        }
    }
}
