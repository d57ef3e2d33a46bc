import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// The registry's analysis, read from the maintained counters: a few thousand rows at most,
/// whatever the number of persons.
struct StatisticsQueries: Sendable {
    let store: Store
    let labourForce: [Int32: UInt64]
    let clock: @Sendable () -> Date
    /// The summary's enterprise figures, cleared by every enterprise or demand write.
    let enterpriseMemo = EnterpriseTotalsMemo()

    static let deadline: Int32 = 20201031

    func statistics(county: Int32) async throws -> RegistrationStatistics {
        try await store.read { db in
            var result = RegistrationStatistics()
            var cells = db.select().columns("county", "category", "gender", "age_band", "employment", "count")
                .from("registration_counts").where("count", .notEqual, SQLBind(Int64(0)))
            if county != 0 { cells = cells.where("county", .equal, SQLBind(county)) }
            var perCounty: [Int32: UInt64] = [:]
            for row in try await cells.all() {
                var cell = StatisticsCell()
                cell.county = try row.decode(column: "county", as: Int32.self)
                cell.category = LabourCategory(rawValue: try row.decode(column: "category", as: Int32.self))
                cell.gender = Gender(rawValue: try row.decode(column: "gender", as: Int32.self))
                cell.ageBand = try row.decode(column: "age_band", as: Int32.self)
                cell.employment = EmploymentStatus(rawValue: try row.decode(column: "employment", as: Int32.self))
                cell.count = UInt64(max(0, try row.decode(column: "count", as: Int64.self)))
                perCounty[cell.county, default: 0] += cell.count
                result.registered += cell.count
                result.cells.append(cell)
            }
            result.coverage = coverage(county: county, registered: perCounty)
            if county == 0 {
                result.daily = try await db.select().columns("day", "count").from("daily_registrations").orderBy("day")
                    .all().map { row in
                        var day = DailyRegistrations()
                        day.day = try row.decode(column: "day", as: Int32.self)
                        day.count = UInt64(max(0, try row.decode(column: "count", as: Int64.self)))
                        return day
                    }
            }
            result.enterprises = try await enterpriseCount(county: county, in: db)
            result.enterprisesSurveyed = try await surveyedEnterprises(county: county, in: db)
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
