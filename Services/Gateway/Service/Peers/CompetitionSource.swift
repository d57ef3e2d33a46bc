import JCSkillsProtocol
import JCSkillsRPC

/// The competition service's measures (docs/COMPETITIONS.md, "Figures"): `technical_experts`,
/// `participants` (distinct persons), `level_promotions`, `promotions_pending`,
/// `master_studios`, `counties_without_studio`. One `BatchCounts` call for every scope and date.
struct CompetitionSource: IndicatorSource {
    let client: RPCClient
    var service: String { "competition" }

    func read(_ question: SourceQuestion, timeout: Duration) async throws -> [SourceReading] {
        try await readCounts(
            question, timeout: timeout, from: client,
            batch: CompetitionService.batchCounts, answers: \.answers, single: CompetitionService.counts,
            measures: { counts in
                [
                    "technical_experts": Double(counts.technicalExperts),
                    "participants": Double(counts.participants),
                    "level_promotions": Double(counts.levelPromotions),
                    "promotions_pending": Double(counts.promotionsPending),
                    "master_studios": Double(counts.masterStudios),
                    // For a county 1 when it has no studio, so the counties add up to the city's count.
                    "counties_without_studio": Double(counts.countiesWithoutStudio),
                ]
            })
    }
}
