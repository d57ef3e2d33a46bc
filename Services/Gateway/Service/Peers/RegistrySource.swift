import Foundation
import JCSkillsProtocol
import JCSkillsRPC

/// The registry's measures: `registered`, `estimated_labour_force`, `enterprises`,
/// `enterprises_surveyed`. One summary call per scope, all at once.
struct RegistrySource: IndicatorSource {
    let client: RPCClient
    var service: String { "registry" }

    func read(_ question: SourceQuestion, timeout: Duration) async throws -> SourceReading {
        // Persons registered on the as-of date, today's included: one definition for every date
        // and county (docs/NUMBERS.md).
        let answers = try await eachScope(question) { scope in
            let request = StatisticsRequest(county: scope, summaryOnly: true, registrationsUpTo: question.asOf.yyyymmdd)
            return try await client.unary(RegistryService.statistics, request, options: CallOptions(timeout: timeout))
        }
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
