import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Labour brands, and what their courses did: people trained (enrolled in a course of the
/// brand) and placed (a result recording a job) per year of the course's start.
struct BrandRepository: Sendable {
    let clock: @Sendable () -> Date

    /// The plan's brand deadlines (action 7): a city-level brand in every county by the end of
    /// 2020, a provincial-level one by the end of 2021.
    static let cityBrandBy: Int32 = 2020
    static let provincialBrandBy: Int32 = 2021

    func upsert(_ brand: LabourBrand, in tx: StoreTransaction) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        try await tx.raw("""
            INSERT INTO labour_brands (code, details, county, updated_ms)
            VALUES (\(bind: brand.code), \(bind: Data(brand.wireBytes())), \(bind: brand.county), \(bind: now))
            ON CONFLICT (code) DO UPDATE SET details = excluded.details, county = excluded.county, updated_ms = excluded.updated_ms
            """).run()
    }

    func report(in db: any SQLDatabase) async throws -> LabourBrandReport {
        let brands = try await db.raw("SELECT details FROM labour_brands ORDER BY code").all().map {
            try LabourBrand(wireBytes: Array(try $0.decode(column: "details", as: Data.self)))
        }
        // Grouped by course, for each course's own subsidy standard and start year (its code is the key,
        // so its details may be selected beside the counts).
        var years: [String: [Int32: BrandYear]] = [:]
        for row in try await db.raw("""
            SELECT c.details AS details, COUNT(*) AS trained,
                COALESCE(SUM(r.employed), 0) AS placed, COALESCE(SUM(r.passed), 0) AS passed,
                COUNT(CASE WHEN r.passed = 1 THEN a.enrolment_number END) AS passed_certified
            FROM enrolments e JOIN courses c ON c.code = e.course_code
            LEFT JOIN results r ON r.enrolment_number = e.number
            LEFT JOIN certificates_after a ON a.enrolment_number = e.number
            WHERE c.brand <> '' GROUP BY c.code
            """).all() {
            // A course's people count in the year it starts, as it is now.
            let course = try Course(wireBytes: Array(try row.decode(column: "details", as: Data.self)))
            let year = course.startsOn / 10_000
            var line = years[course.labourBrand, default: [:]][year] ?? BrandYear()
            line.year = year
            line.trained += UInt64(try row.decode(column: "trained", as: Int64.self))
            line.placed += UInt64(try row.decode(column: "placed", as: Int64.self))
            line.subsidyDue += course.subsidyDue(passed: UInt64(try row.decode(column: "passed", as: Int64.self)),
                                                 passedAndCertified: UInt64(try row.decode(column: "passed_certified", as: Int64.self)))
            years[course.labourBrand, default: [:]][year] = line
        }
        var report = LabourBrandReport()
        report.brands = brands.map { brand in
            var view = LabourBrandView()
            view.brand = brand
            view.level = brand.recognitions.map(\.level).max { $0.rawValue < $1.rawValue } ?? .unspecified
            view.years = (years[brand.code] ?? [:]).values.sorted { $0.year < $1.year }
            return view
        }
        // The development zone's brands count in its host county.
        let divisions = JinchengDivisions.standard
        func lacking(_ level: BrandLevel, by year: Int32) -> [Int32] {
            JinchengDivisions.countyCodes.filter { county in
                !brands.contains { divisions.countingCounty(of: $0.county) == county && $0.recognitions.contains { $0.level.rawValue >= level.rawValue && $0.year <= year } }
            }
        }
        report.countiesLackingCityBrand = lacking(.city, by: Self.cityBrandBy)
        report.countiesLackingProvincialBrand = lacking(.provincial, by: Self.provincialBrandBy)
        return report
    }

    func view(_ code: String, in db: any SQLDatabase) async throws -> LabourBrandView? {
        try await report(in: db).brands.first { $0.brand.code == code }
    }
}
