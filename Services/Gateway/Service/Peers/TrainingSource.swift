import Foundation
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
        let options = CallOptions(timeout: timeout)
        let byDate = try await everyQuestion(
            question, request: { CountsRequest(county: $0, asOf: $1.yyyymmdd, year: question.year) },
            batch: { [client] in try await client.unary(TrainingService.batchCounts, CountsQuestions(requests: $0), options: options).answers },
            single: { [client] in try await client.unary(TrainingService.counts, $0, options: options) })
        let readAt = Int64(Date().timeIntervalSince1970 * 1000)
        return byDate.map { answers in
            var reading = SourceReading(dataTimeMs: readAt)
            for (scope, counts) in answers {
                reading.measures[scope] = [
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
            }
            return reading
        }
    }
}
