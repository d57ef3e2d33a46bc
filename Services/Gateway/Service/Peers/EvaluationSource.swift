import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// The evaluation service's measures: `skilled_workers`, `high_skill`, `new_skilled_workers`,
/// `in_system_skilled_workers`, `institutions_active`, `enterprises_lacking_body`. One
/// `BatchCounts` call for every scope and date.
struct EvaluationSource: IndicatorSource {
    let client: RPCClient
    var service: String { "evaluation" }

    func read(_ question: SourceQuestion, timeout: Duration) async throws -> [SourceReading] {
        let options = CallOptions(timeout: timeout)
        let byDate = try await everyQuestion(
            question, request: { CountsRequest(county: $0, asOf: $1.yyyymmdd, year: question.year) },
            batch: { [client] in try await client.unary(EvaluationService.batchCounts, CountsQuestions(requests: $0), options: options).answers },
            single: { [client] in try await client.unary(EvaluationService.counts, $0, options: options) })
        let readAt = Int64(Date().timeIntervalSince1970 * 1000)
        return byDate.map { answers in
            var reading = SourceReading(dataTimeMs: readAt)
            for (scope, counts) in answers {
                reading.measures[scope] = [
                    "skilled_workers": Double(counts.skilledWorkers),
                    "high_skill": Double(counts.highSkill),
                    "new_skilled_workers": Double(counts.newSkilledWorkers),
                    "in_system_skilled_workers": Double(counts.inSystemSkilledWorkers),
                    "institutions_active": Double(counts.institutions.filter { $0.status == .active }.reduce(0) { $0 + $1.count }),
                ]
                if counts.complianceKnown {
                    reading.measures[scope]?["enterprises_lacking_body"] = Double(counts.enterprisesLackingBody)
                } else {
                    reading.missing[scope, default: [:]]["enterprises_lacking_body"] =
                        Messages.Gateway.largeEnterprisesUnknown.text(in: question.language)
                }
            }
            return reading
        }
    }
}
