import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("Evaluation: enterprises with ≥ 300 staff and no evaluation body of their own")
struct EvaluationComplianceTests {
    static let welder = "6-18-02-04"

    @Test(arguments: TestDatabases.backends)
    func largeEnterprisesWithoutAnActiveBody(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            let withBody = TestCreditCodes.make(101)
            let without = TestCreditCodes.make(102)
            let exactly300 = TestCreditCodes.make(103)
            let small = TestCreditCodes.make(104)
            try await harness.registerEnterprise(withBody, staff: 2_000)
            try await harness.registerEnterprise(without, staff: 450)
            try await harness.registerEnterprise(exactly300, staff: 300)
            try await harness.registerEnterprise(small, staff: 299)
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(
                    code: "E-BODY", type: .enterpriseBody, enterprise: withBody, scope: [ScopeEntry(occupation: Self.welder, levels: [.level4])]))
                let report = try await client.unary(EvaluationService.compliance, ComplianceRequest(county: 0))
                #expect(report.minimumStaff == 300)
                #expect(report.largeEnterprises == 3)
                #expect(report.lacking.map(\.creditCode) == [without, exactly300].sorted())
                #expect(report.lacking.first { $0.creditCode == without }?.staffCount == 450)
                let counts = try await client.unary(EvaluationService.counts, CountsRequest(asOf: EvaluationHarness.today))
                #expect(counts.complianceKnown)
                #expect(counts.enterprisesLackingBody == 2)

                // A suspended body does not evaluate: its enterprise lacks one again.
                _ = try await client.unary(EvaluationService.setInstitutionStatus,
                                           InstitutionStatusChange(code: "E-BODY", status: .suspended, reason: "inspection"))
                let again = try await client.unary(EvaluationService.counts, CountsRequest(asOf: EvaluationHarness.today))
                #expect(again.enterprisesLackingBody == 3)
                // Another county has none of them (the harness registers in 140524).
                let elsewhere = try await client.unary(EvaluationService.counts, CountsRequest(county: 140525, asOf: EvaluationHarness.today))
                #expect(elsewhere.complianceKnown)
                #expect(elsewhere.enterprisesLackingBody == 0)
            }
            // The registry lists enterprises to the evaluation service and the gateway, not to training.
            try await withTestClient(harness.registry, as: "gateway") { client in
                let list = try await client.unary(RegistryService.listEnterprises, EnterpriseListRequest(minimumStaff: 1_000))
                #expect(list.enterprises.map(\.creditCode) == [withBody])
            }
            try await withTestClient(harness.registry, as: "training") { client in
                let denied = await #expect(throws: RPCError.self) {
                    try await client.unary(RegistryService.listEnterprises, EnterpriseListRequest(minimumStaff: 300))
                }
                #expect(denied?.code == .permissionDenied)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func countsAnswerQuicklyWithoutTheRegistry(backend: TestBackend) async throws {
        try await EvaluationHarness.withEvaluation(backend, registry: Endpoint(host: "127.0.0.1", port: 1)) { endpoint, _ in
            try await withTestClient(endpoint, as: "gateway") { client in
                let started = ContinuousClock.now
                let counts = try await client.unary(EvaluationService.counts, CountsRequest(asOf: EvaluationHarness.today))
                #expect(!counts.complianceKnown)
                #expect(counts.enterprisesLackingBody == 0)
                // Bounded by the registry deadline, not the client's.
                #expect(ContinuousClock.now - started < .seconds(3))
                let unavailable = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.compliance, ComplianceRequest(county: 0))
                }
                #expect(unavailable?.code == .unavailable)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aHangingRegistryDoesNotHoldTheCountsPastTheCallersDeadline(backend: TestBackend) async throws {
        try await HangingServer.with { registry in
            try await EvaluationHarness.withEvaluation(backend, registry: registry) { endpoint, _ in
                try await withTestClient(endpoint, as: "gateway") { client in
                    // A caller with 2 s: the registry gets half of it, the counts still answer.
                    let counts = try await client.unary(EvaluationService.counts, CountsRequest(asOf: EvaluationHarness.today),
                                                        options: CallOptions(timeout: .seconds(2)))
                    #expect(!counts.complianceKnown)
                    // Without a deadline of its own the caller waits about the 1.5 s bound.
                    let started = ContinuousClock.now
                    let unbounded = try await client.unary(EvaluationService.counts, CountsRequest(asOf: EvaluationHarness.today),
                                                           options: CallOptions(timeout: .seconds(30)))
                    #expect(!unbounded.complianceKnown)
                    #expect(ContinuousClock.now - started < .seconds(6))
                }
            }
        }
    }
}
