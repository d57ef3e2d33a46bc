import Foundation
import JCSkillsProtocol
import JCSkillsRPC

/// The competition service's measures (docs/COMPETITIONS.md, "Figures"): `technical_experts`,
/// `participants` (distinct persons), `level_promotions`, `promotions_pending`,
/// `master_studios`, `counties_without_studio`. One counts call per scope, all at once.
struct CompetitionSource: IndicatorSource {
    let client: RPCClient
    var service: String { "competition" }

    func read(_ question: SourceQuestion, timeout: Duration) async throws -> SourceReading {
        let answers = try await eachScope(question) { scope in
            try await client.unary(CompetitionService.counts, CountsRequest(county: scope, asOf: question.asOf.yyyymmdd, year: question.year), options: CallOptions(timeout: timeout))
        }
        var reading = SourceReading(dataTimeMs: Int64(Date().timeIntervalSince1970 * 1000))
        for (scope, counts) in answers {
            reading.measures[scope] = [
                "technical_experts": Double(counts.technicalExperts),
                "participants": Double(counts.participants),
                "level_promotions": Double(counts.levelPromotions),
                "promotions_pending": Double(counts.promotionsPending),
                "master_studios": Double(counts.masterStudios),
                // For a county 1 when it has no studio, so the counties add up to the city's count.
                "counties_without_studio": Double(counts.countiesWithoutStudio),
            ]
        }
        return reading
    }
}
