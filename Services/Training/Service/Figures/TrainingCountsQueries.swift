import Foundation
import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// The training measures of the city's indicators on a date (docs/NUMBERS.md, "Training on a
/// date"): the courses' figures by programme, county and starting year, summed over the days up
/// to the date (``ProgrammeFigures``), the courses counted as they are now.
struct TrainingCountsQueries: FiguresCounting {
    let store: Store
    let figures: ProgrammeFigures
    /// Every labour brand, as the counts read them: a few dozen rows that change only when a
    /// brand is registered, read and decoded for every question the gateway asks (a second
    /// round trip a `Counts` on PostgreSQL). Forgotten on a brand write through this process
    /// (``brandsChanged()``); another replica's is seen within the memo's 5 s.
    let brandMemo = FigureMemo<AllBrands, [LabourBrand]>()

    struct AllBrands: Hashable, Sendable {}

    func brandsChanged() {
        brandMemo.invalidate()
    }

    /// The year the plan began: person-times trained for a certificate count from it.
    static let planStartYear: Int32 = 2020

    func counts(county: Int32, asOf: CalendarDate, year: Int32, reading: any RowReading) async throws -> TrainingCounts {
        let day = asOf.yyyymmdd
        let codes = county == 0 ? [] : JinchengDivisions.standard.recordCodes(countingIn: county)
        let lines = try await figures.lines(upTo: day, counties: codes, reading: reading)
        var counts = TrainingCounts()
        counts.asOf = day
        counts.year = year
        for line in lines {
            let c = line.counts
            if line.scope.year >= Self.planStartYear { counts.trainedForCertificate += UInt64(c.enrolled) }
            guard line.scope.year == year else { continue }
            switch TrainingProgramme(rawValue: line.scope.programme) {
            case .enterpriseEmployeeUpgrade:
                counts.enterpriseTraining += UInt64(c.enrolled)
            case .keyGroupSubsidised:
                counts.keyGroupTraining += UInt64(c.enrolled)
                counts.keyGroupCompleted += UInt64(c.completed)
                counts.keyGroupPassed += UInt64(c.passed)
                counts.keyGroupCertified += UInt64(c.certified)
                counts.keyGroupEmployed += UInt64(c.employed)
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
        let brands = try await brandMemo.value(AllBrands()) {
            try await store.query { db in
                try await db.nativeRows("SELECT details FROM labour_brands").map { try LabourBrand(wireBytes: Array(try $0.data("details"))) }
            }
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
