import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// The measures the gateway's competition indicators read (docs/COMPETITIONS.md, "Figures"),
/// for a county (0: the city), a year and a date: each counts only what had happened by the date.
struct CompetitionCountsQueries: FiguresCounting {
    func counts(county: Int32, asOf: CalendarDate, year: Int32, reading: any RowReading) async throws -> CompetitionCounts {
        let day = asOf.yyyymmdd
        // A county's figures include the development zone's records when it is the host
        // (docs/NUMBERS.md, "The development zone").
        let codes = county == 0 ? [] : JinchengDivisions.standard.recordCodes(countingIn: county)
        let scope = county == 0 ? "" : " AND county IN \(placeholderList(codes.count))"
        func values(_ first: [StoreValue]) -> [StoreValue] { first + codes.map { StoreValue($0) } }
        // One statement over the figures by day (the gateway asks every scope on every
        // Totals); after its row (part 0), the record counties with a studio by the date, one
        // row each (part 1, the county in the first column): one round trip, not two.
        let rows = try await reading.rows("""
            SELECT 0 AS part,
              (SELECT CAST(COALESCE(SUM(experts), 0) AS BIGINT) FROM award_days WHERE year = ? AND day <= ?\(scope)) AS experts,
              (SELECT CAST(COALESCE(SUM(persons), 0) AS BIGINT) FROM participant_days WHERE year = ? AND day <= ?\(scope)) AS participants,
              (SELECT CAST(COALESCE(SUM(promotions), 0) AS BIGINT) FROM award_days WHERE year = ? AND day <= ?\(scope)) AS promotions,
              (SELECT CAST(COALESCE(SUM(pending), 0) AS BIGINT) FROM award_days WHERE year = ? AND day <= ?\(scope)) AS pending,
              (SELECT COUNT(*) FROM studios WHERE established_on <= ?\(scope)) AS studios
            UNION ALL SELECT DISTINCT 1, county, 0, 0, 0, 0 FROM studios WHERE established_on <= ?
            """,
            values([StoreValue(year), StoreValue(day)]) + values([StoreValue(year), StoreValue(day)])
                + values([StoreValue(year), StoreValue(day)]) + values([StoreValue(year), StoreValue(day)])
                + values([StoreValue(day)]) + [StoreValue(day)])
        let row = try rows.first { try $0.int64("part") == 0 }
        var counts = CompetitionCounts()
        counts.technicalExperts = UInt64(clamping: try row?.int64("experts") ?? 0)
        counts.participants = UInt64(clamping: try row?.int64("participants") ?? 0)
        counts.levelPromotions = UInt64(clamping: try row?.int64("promotions") ?? 0)
        counts.promotionsPending = UInt64(clamping: try row?.int64("pending") ?? 0)
        counts.masterStudios = UInt64(clamping: try row?.int64("studios") ?? 0)
        let withStudio = try StudioCoverage.counties(rows.filter { try $0.int64("part") == 1 }.map { Int32(clamping: try $0.int64("experts")) })
        let scopeCounties = county == 0 ? JinchengDivisions.countyCodes : [county]
        counts.countiesWithoutStudio = UInt64(scopeCounties.filter { !withStudio.contains($0) }.count)
        return counts
    }

    /// The counts of several counties in one statement grouped by record county (``GroupedCounts``):
    /// each county's the sums over the record counties that count in it, as
    /// ``counts(county:asOf:year:reading:)`` reads them.
    func counts(counties: [Int32], asOf: CalendarDate, year: Int32, reading: any RowReading) async throws -> [Int32: CompetitionCounts]? {
        let day = asOf.yyyymmdd
        let divisions = JinchengDivisions.standard
        let codes = Set(counties.flatMap { divisions.recordCodes(countingIn: $0) }).sorted()
        let scope = "county IN \(placeholderList(codes.count))"
        let codeValues = codes.map { StoreValue($0) }
        // Parts: 0 the awards' figures, 1 the participants, 2 the studios by the date (every
        // record county, which also tells the counties with a studio).
        let rows = try await reading.rows("""
            SELECT 0 AS part, county, CAST(SUM(experts) AS BIGINT) AS a, CAST(SUM(promotions) AS BIGINT) AS b, CAST(SUM(pending) AS BIGINT) AS c
              FROM award_days WHERE year = ? AND day <= ? AND \(scope) GROUP BY county
            UNION ALL SELECT 1, county, CAST(SUM(persons) AS BIGINT), 0, 0 FROM participant_days WHERE year = ? AND day <= ? AND \(scope) GROUP BY county
            UNION ALL SELECT 2, county, COUNT(*), 0, 0 FROM studios WHERE established_on <= ? GROUP BY county
            """,
            [StoreValue(year), StoreValue(day)] + codeValues + [StoreValue(year), StoreValue(day)] + codeValues + [StoreValue(day)])
        var byCode: [Int32: CompetitionCounts] = [:]
        for row in rows {
            let code = try row.int32("county")
            let (a, b, c) = (UInt64(clamping: try row.int64("a")), UInt64(clamping: try row.int64("b")), UInt64(clamping: try row.int64("c")))
            switch try row.int64("part") {
            case 0:
                byCode[code, default: .init()].technicalExperts += a
                byCode[code, default: .init()].levelPromotions += b
                byCode[code, default: .init()].promotionsPending += c
            case 1:
                byCode[code, default: .init()].participants += a
            default:
                byCode[code, default: .init()].masterStudios += a
            }
        }
        let withStudio = StudioCoverage.counties(byCode.filter { $0.value.masterStudios > 0 }.map(\.key))
        var result: [Int32: CompetitionCounts] = [:]
        for county in counties {
            var counts = CompetitionCounts()
            for code in divisions.recordCodes(countingIn: county) {
                guard let part = byCode[code] else { continue }
                counts.technicalExperts += part.technicalExperts
                counts.participants += part.participants
                counts.levelPromotions += part.levelPromotions
                counts.promotionsPending += part.promotionsPending
                counts.masterStudios += part.masterStudios
            }
            counts.countiesWithoutStudio = withStudio.contains(county) ? 0 : 1
            result[county] = counts
        }
        return result
    }
}
