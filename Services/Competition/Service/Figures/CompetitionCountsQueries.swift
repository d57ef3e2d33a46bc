import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// The measures the gateway's competition indicators read (docs/COMPETITIONS.md, "Figures"),
/// for a county (0: the city), a year and a date: each counts only what had happened by the date.
struct CompetitionCountsQueries: Sendable {
    let store: Store

    func counts(county: Int32, asOf: CalendarDate, year: Int32) async throws -> CompetitionCounts {
        let day = asOf.yyyymmdd
        return try await store.query { db in
            var counts = CompetitionCounts()
            // A county's figures include the development zone's records when it is the host
            // (docs/NUMBERS.md, "The development zone").
            let codes = county == 0 ? [] : JinchengDivisions.standard.recordCodes(countingIn: county)
            let scope = county == 0 ? "" : " AND county IN \(placeholderList(codes.count))"
            func values(_ first: [StoreValue]) -> [StoreValue] { first + codes.map { StoreValue($0) } }
            counts.technicalExperts = try await Self.count(db, "SELECT COUNT(*) AS n FROM awards WHERE expert = 1 AND year = ? AND closed_on <= ?" + scope,
                                                          values([StoreValue(year), StoreValue(day)]))
            counts.participants = try await Self.count(db, """
                SELECT CAST(COALESCE(SUM(persons), 0) AS BIGINT) AS n FROM participant_days WHERE year = ? AND day <= ?
                """ + scope, values([StoreValue(year), StoreValue(day)]))
            counts.levelPromotions = try await Self.count(db, """
                SELECT COUNT(*) AS n FROM awards WHERE promotion = ? AND year = ? AND issued_on <= ?
                """ + scope, values([StoreValue(PromotionState.issued.rawValue), StoreValue(year), StoreValue(day)]))
            counts.promotionsPending = try await Self.count(db, "SELECT COUNT(*) AS n FROM awards WHERE promotion = ? AND year = ? AND closed_on <= ?" + scope,
                                                           values([StoreValue(PromotionState.pending.rawValue), StoreValue(year), StoreValue(day)]))
            counts.masterStudios = try await Self.count(db, "SELECT COUNT(*) AS n FROM studios WHERE established_on <= ?" + scope, values([StoreValue(day)]))
            let withStudio = try await StudioCoverage.countiesWithStudio(asOf: day, in: db)
            let scopeCounties = county == 0 ? JinchengDivisions.countyCodes : [county]
            counts.countiesWithoutStudio = UInt64(scopeCounties.filter { !withStudio.contains($0) }.count)
            return counts
        }
    }

    private static func count(_ db: any SQLDatabase, _ sql: String, _ values: [StoreValue]) async throws -> UInt64 {
        UInt64(clamping: try await db.nativeRows(sql, values).first?.int64("n") ?? 0)
    }
}
