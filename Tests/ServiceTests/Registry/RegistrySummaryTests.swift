import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("Registry: the summary statistics the gateway reads")
struct RegistrySummaryTests {
    @Test(arguments: TestDatabases.backends)
    func summaryMatchesTheFullStatisticsAndSeesEnterpriseWritesAtOnce(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { harness in
            try await harness.client("admin") { client in
                for (sequence, county) in [(1, Int32(140524)), (3, 140524), (5, 140581)] {
                    _ = try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19900101", sequence: sequence), county: county))
                }
                func enterprise(_ number: Int, county: Int32) -> Enterprise {
                    var enterprise = Enterprise()
                    enterprise.creditCode = TestCreditCodes.make(number)
                    enterprise.name = "晋城测试企业\(number)"
                    enterprise.county = county
                    enterprise.industry = "制造业"
                    enterprise.staffCount = 120
                    return enterprise
                }
                _ = try await client.unary(RegistryService.registerEnterprise, enterprise(11, county: 140524))
                let summary = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true, registrationsUpTo: 20200915))
                let full = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0))
                #expect(summary.cells.isEmpty && summary.daily.isEmpty)
                #expect(summary.registered == 3 && summary.registered == full.registered)
                #expect(summary.coverage == full.coverage)
                #expect(summary.enterprises == 1 && summary.enterprises == full.enterprises)
                #expect(summary.registrationsUpTo == 3)
                let before = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true, registrationsUpTo: 20200914))
                #expect(before.registrationsUpTo == 0)
                let county = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 140581, summaryOnly: true))
                #expect(county.registered == 1 && county.enterprises == 0)

                // The enterprise figures are remembered for a few seconds, but a write here clears them.
                _ = try await client.unary(RegistryService.registerEnterprise, enterprise(12, county: 140581))
                let after = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true))
                #expect(after.enterprises == 2)
                #expect(try await client.unary(RegistryService.statistics, StatisticsRequest(county: 140581, summaryOnly: true)).enterprises == 1)
            }
        }
    }
}
