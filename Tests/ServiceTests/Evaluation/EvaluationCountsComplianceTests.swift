import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("Evaluation: the compliance figure of the counts")
struct EvaluationCountsComplianceTests {
    @Test
    func countsReuseTheRegistrysListBrieflyWhileComplianceAsksAfresh() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            try await harness.registerEnterprise(TestCreditCodes.make(7001), staff: 400)
            try await harness.client { client in
                let first = try await client.unary(EvaluationService.counts, CountsRequest(asOf: EvaluationHarness.today))
                #expect(first.complianceKnown && first.enterprisesLackingBody == 1)
                try await harness.registerEnterprise(TestCreditCodes.make(7002), staff: 900)
                // Within a few seconds the counts still use the list they fetched…
                let second = try await client.unary(EvaluationService.counts, CountsRequest(asOf: EvaluationHarness.today))
                #expect(second.enterprisesLackingBody == 1)
                // …while the compliance view itself always asks the registry.
                let report = try await client.unary(EvaluationService.compliance, ComplianceRequest())
                #expect(report.lacking.count == 2)
            }
        }
    }
}
