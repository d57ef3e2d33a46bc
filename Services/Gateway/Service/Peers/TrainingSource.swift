import JCSkillsProtocol
import JCSkillsRPC

/// The training service's measures: `enterprise_training`, `key_group_training`,
/// `key_group_completed`, `key_group_passed`, `key_group_certified`, `key_group_employed`,
/// `trained_for_certificate`, `labour_brands`, `counties_lacking_city_brand`,
/// `counties_lacking_provincial_brand`. One `BatchCounts` call for every scope and date.
struct TrainingSource: IndicatorSource {
    let client: RPCClient
    var service: String { "training" }

    func read(_ question: SourceQuestion, timeout: Duration) async throws -> [SourceReading] {
        try await readCounts(
            question, timeout: timeout, from: client,
            batch: TrainingService.batchCounts, answers: \.answers, single: TrainingService.counts,
            measures: { counts in
                [
                    "enterprise_training": Double(counts.enterpriseTraining),
                    "key_group_training": Double(counts.keyGroupTraining),
                    "key_group_completed": Double(counts.keyGroupCompleted),
                    "key_group_passed": Double(counts.keyGroupPassed),
                    "key_group_certified": Double(counts.keyGroupCertified),
                    "key_group_employed": Double(counts.keyGroupEmployed),
                    "trained_for_certificate": Double(counts.trainedForCertificate),
                    "labour_brands": Double(counts.labourBrands),
                    "counties_lacking_city_brand": Double(counts.countiesLackingCityBrand.count),
                    "counties_lacking_provincial_brand": Double(counts.countiesLackingProvincialBrand.count),
                ]
            })
    }
}
