import Foundation
import JCSkillsProtocol
import JCSkillsRPC

/// The competition service's measures (docs/COMPETITIONS.md, "Figures"): `technical_experts`,
/// `participants` (distinct persons), `level_promotions`, `promotions_pending`,
/// `master_studios`, `counties_without_studio`. One `BatchCounts` call for every scope and date.
struct CompetitionSource: IndicatorSource {
    let client: RPCClient
    var service: String { "competition" }

    func read(_ question: SourceQuestion, timeout: Duration) async throws -> [SourceReading] {
        let options = CallOptions(timeout: timeout)
        let byDate = try await everyQuestion(
            question, request: { CountsRequest(county: $0, asOf: $1.yyyymmdd, year: question.year) },
            batch: { [client] in try await client.unary(CompetitionService.batchCounts, CountsQuestions(requests: $0), options: options).answers },
            single: { [client] in try await client.unary(CompetitionService.counts, $0, options: options) })
        let readAt = Int64(Date().timeIntervalSince1970 * 1000)
        return byDate.map { answers in
            var reading = SourceReading(dataTimeMs: readAt)
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
}
