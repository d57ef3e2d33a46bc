import Foundation
import JCSkillsProtocol
import JCSkillsRPC

/// The registry's measures: `registered`, `estimated_labour_force`, `enterprises`,
/// `enterprises_surveyed`. One summary call per scope, all at once.
struct RegistrySource: IndicatorSource {
    let client: RPCClient
    var service: String { "registry" }

    func read(_ question: SourceQuestion, timeout: Duration) async throws -> SourceReading {
        // Today's count of active persons; for a past date, the registrations made by then.
        let past = question.asOf < question.today
        let answers = try await withThrowingTaskGroup(of: (Int32, RegistrationStatistics).self) { group in
            for scope in question.scopes {
                group.addTask {
                    let request = StatisticsRequest(county: scope, summaryOnly: true, registrationsUpTo: past ? question.asOf.yyyymmdd : 0)
                    return (scope, try await client.unary(RegistryService.statistics, request, options: CallOptions(timeout: timeout)))
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        var reading = SourceReading()
        for (scope, statistics) in answers {
            var measures: [String: Double] = [
                "estimated_labour_force": Double(statistics.coverage.reduce(0) { $0 + $1.estimatedLabourForce }),
                "enterprises": Double(statistics.enterprises),
                "enterprises_surveyed": Double(statistics.enterprisesSurveyed),
            ]
            if !past {
                measures["registered"] = Double(statistics.registered)
            } else if scope == 0 {
                measures["registered"] = Double(statistics.registrationsUpTo)
            } else {
                reading.missing[scope, default: [:]]["registered"] =
                    "the registry keeps registrations per day for the city only, so a county's count on a past date is unknown"
            }
            reading.measures[scope] = measures
            reading.dataTimeMs = max(reading.dataTimeMs, statistics.asOf)
        }
        return reading
    }
}
