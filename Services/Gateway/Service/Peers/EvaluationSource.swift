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
        try await readCounts(
            question, timeout: timeout, from: client,
            batch: EvaluationService.batchCounts, answers: \.answers, single: EvaluationService.counts,
            measures: { counts in
                var measures = [
                    "skilled_workers": Double(counts.skilledWorkers),
                    "high_skill": Double(counts.highSkill),
                    "new_skilled_workers": Double(counts.newSkilledWorkers),
                    "in_system_skilled_workers": Double(counts.inSystemSkilledWorkers),
                    "institutions_active": Double(counts.institutions.filter { $0.status == .active }.reduce(0) { $0 + $1.count }),
                ]
                if counts.complianceKnown { measures["enterprises_lacking_body"] = Double(counts.enterprisesLackingBody) }
                return measures
            },
            missing: { counts in
                counts.complianceKnown ? [:]
                    : ["enterprises_lacking_body": Messages.Gateway.largeEnterprisesUnknown.text(in: question.language)]
            })
    }
}
