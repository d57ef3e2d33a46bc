import Foundation
import JCSkillsProtocol
import JCSkillsRPC

/// The registry's measures: `registered`, `estimated_labour_force`, `enterprises`,
/// `enterprises_surveyed`. One `BatchStatistics` call (summaries) for every scope and date.
struct RegistrySource: IndicatorSource {
    let client: RPCClient
    var service: String { "registry" }

    func read(_ question: SourceQuestion, timeout: Duration) async throws -> [SourceReading] {
        let options = CallOptions(timeout: timeout)
        // Persons registered on each date, today's included: one definition for every date and
        // county (docs/NUMBERS.md).
        let byDate = try await everyQuestion(
            question, request: { StatisticsRequest(county: $0, summaryOnly: true, registrationsUpTo: $1.yyyymmdd) },
            batch: { [client] in try await client.unary(RegistryService.batchStatistics, StatisticsQuestions(requests: $0), options: options).answers },
            single: { [client] in try await client.unary(RegistryService.statistics, $0, options: options) })
        return byDate.map { answers in
            var reading = SourceReading()
            for (scope, statistics) in answers {
                reading.measures[scope] = [
                    "registered": Double(statistics.registrationsUpTo),
                    "estimated_labour_force": Double(statistics.coverage.reduce(0) { $0 + $1.estimatedLabourForce }),
                    "enterprises": Double(statistics.enterprises),
                    "enterprises_surveyed": Double(statistics.enterprisesSurveyed),
                ]
                reading.dataTimeMs = max(reading.dataTimeMs, statistics.asOf)
            }
            return reading
        }
    }
}
