import Foundation
import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// The training measures of the city's indicators on a date (docs/NUMBERS.md, "Training on a
/// date"): one grouped read of the enrolments by course, with each measure a condition on the
/// dates of the enrolment, its result, job and certificate; courses' programmes and counties
/// are applied to the per-course sums.
struct TrainingCountsQueries: Sendable {
    let store: Store

    /// The year the plan began: person-times trained for a certificate count from it.
    static let planStartYear: Int32 = 2020

    func counts(county: Int32, asOf: CalendarDate, year: Int32) async throws -> TrainingCounts {
        let day = asOf.yyyymmdd
        let inScope = Set(county == 0 ? [] : JinchengDivisions.standard.recordCodes(countingIn: county))
        let perCourse = try await store.query { db in
            try await db.nativeRows("""
                SELECT e.course_code AS code, c.programme AS programme, c.county AS county,
                    COUNT(CASE WHEN e.year = ? THEN 1 END) AS in_year,
                    COUNT(CASE WHEN e.year >= ? THEN 1 END) AS since_start,
                    COUNT(CASE WHEN e.year = ? AND r.completed_on <= ? THEN 1 END) AS completed,
                    COUNT(CASE WHEN e.year = ? AND r.completed_on <= ? AND r.passed = 1 THEN 1 END) AS passed,
                    COUNT(CASE WHEN e.year = ? AND r.completed_on <= ? AND a.issued_on <= ? THEN 1 END) AS certified,
                    COUNT(CASE WHEN e.year = ? AND r.completed_on <= ? AND r.employed = 1 AND r.employed_on <= ? THEN 1 END) AS employed
                FROM enrolments e JOIN courses c ON c.code = e.course_code
                LEFT JOIN results r ON r.enrolment_number = e.number
                LEFT JOIN certificates_after a ON a.enrolment_number = e.number
                WHERE e.enrolled_on <= ? AND (e.year = ? OR e.year >= ?)
                GROUP BY e.course_code, c.programme, c.county
                """, [.init(year), .init(Self.planStartYear), .init(year), .init(day), .init(year), .init(day),
                      .init(year), .init(day), .init(day), .init(year), .init(day), .init(day),
                      .init(day), .init(year), .init(Self.planStartYear)])
        }
        var counts = TrainingCounts()
        counts.asOf = day
        counts.year = year
        for row in perCourse {
            let courseCounty = Int32(try row.int64("county"))
            guard inScope.isEmpty || inScope.contains(courseCounty) else { continue }
            let programme = TrainingProgramme(rawValue: Int32(try row.int64("programme")))
            let inYear = UInt64(try row.int64("in_year"))
            counts.trainedForCertificate += UInt64(try row.int64("since_start"))
            switch programme {
            case .enterpriseEmployeeUpgrade:
                counts.enterpriseTraining += inYear
            case .keyGroupSubsidised:
                counts.keyGroupTraining += inYear
                counts.keyGroupCompleted += UInt64(try row.int64("completed"))
                counts.keyGroupPassed += UInt64(try row.int64("passed"))
                counts.keyGroupCertified += UInt64(try row.int64("certified"))
                counts.keyGroupEmployed += UInt64(try row.int64("employed"))
            default:
                break
            }
        }
        try await countBrands(into: &counts, county: county, byYear: Int32(asOf.year))
        return counts
    }

    /// Brands count in their county (the development zone's in 泽州县) from the year a level
    /// was reached: the plan records levels by year, not by day.
    private func countBrands(into counts: inout TrainingCounts, county: Int32, byYear year: Int32) async throws {
        let brands = try await store.query { db in
            try await db.nativeRows("SELECT details FROM labour_brands").map { try LabourBrand(wireBytes: Array(try $0.data("details"))) }
        }
        let divisions = JinchengDivisions.standard
        let counties = county == 0 ? JinchengDivisions.countyCodes : [county]
        func reached(_ brand: LabourBrand, _ level: BrandLevel) -> Bool {
            brand.recognitions.contains { $0.level.rawValue >= level.rawValue && $0.year <= year }
        }
        let inScope = brands.filter { counties.contains(divisions.countingCounty(of: $0.county)) }
        counts.labourBrands = UInt64(inScope.filter { reached($0, .city) }.count)
        counts.countiesLackingCityBrand = counties.filter { code in
            !inScope.contains { divisions.countingCounty(of: $0.county) == code && reached($0, .city) }
        }
        counts.countiesLackingProvincialBrand = counties.filter { code in
            !inScope.contains { divisions.countingCounty(of: $0.county) == code && reached($0, .provincial) }
        }
    }
}
