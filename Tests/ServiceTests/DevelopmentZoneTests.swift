import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// docs/NUMBERS.md, "The development zone": records may carry 140599; they count in 泽州县
/// (140525), whose county office writes them; the counties still add up to the city.
@Suite("The development zone: accepted, counted in its host county")
struct DevelopmentZoneTests {
    static let zone: Int32 = 140599
    static let host: Int32 = 140525

    @Test(arguments: TestDatabases.backends)
    func recordsOfTheZoneCountInItsHostCounty(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            let id = TestIDs.make(birth: "19880303", sequence: 91)
            try await withTestClient(harness.registry, as: "county-140525") { office in
                _ = try await office.unary(RegistryService.registerPerson, .sample(id: id, county: Self.zone, registeredOn: 20260301))
                var enterprise = Enterprise()
                enterprise.creditCode = TestCreditCodes.make(991)
                enterprise.name = "晋城开发区测试企业"
                enterprise.county = Self.zone
                enterprise.industry = "制造业"
                enterprise.staffCount = 350
                _ = try await office.unary(RegistryService.registerEnterprise, enterprise)
                // The host county's office writes the zone's persons.
                var update = PersonUpdate()
                update.person = PersonLookup(idNumber: id)
                update.employment = .unemployed
                _ = try await office.unary(RegistryService.updatePerson, update)
                let exported = try await office.serverStreaming(RegistryService.exportPersons, ExportRequest(county: Self.host)) { batches in
                    var persons: [PersonView] = []
                    for try await batch in batches { persons += batch.persons }
                    return persons
                }
                #expect(exported.map(\.residenceCounty) == [Self.zone])
            }
            // Another county's office does not.
            try await withTestClient(harness.registry, as: "county-140524") { office in
                var update = PersonUpdate()
                update.person = PersonLookup(idNumber: id)
                update.employment = .employed
                let refused = await #expect(throws: RPCError.self) { try await office.unary(RegistryService.updatePerson, update) }
                #expect(refused?.code == .permissionDenied)
            }
            try await withTestClient(harness.registry, as: "admin") { client in
                func summary(_ county: Int32) async throws -> RegistrationStatistics {
                    try await client.unary(RegistryService.statistics, StatisticsRequest(county: county, summaryOnly: true, registrationsUpTo: 20261101))
                }
                let host = try await summary(Self.host), city = try await summary(0)
                #expect(host.registered == 1 && host.registrationsUpTo == 1 && host.enterprises == 1)
                #expect(city.registered == 1 && city.registrationsUpTo == 1 && city.enterprises == 1)
                let cells = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0)).cells
                #expect(cells.map(\.county) == [Self.host])
            }
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(
                    code: "ZONE", type: .cityCentre, county: 140500, scope: [ScopeEntry(occupation: "6-18-02-04", levels: [.level3])]))
                _ = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "ZONE", level: .level3, id: id, county: Self.zone, issuedOn: 20260401))
                let host = try await client.unary(EvaluationService.counts, CountsRequest(county: Self.host, asOf: 20261101))
                let city = try await client.unary(EvaluationService.counts, CountsRequest(county: 0, asOf: 20261101))
                #expect(host.skilledWorkers == 1 && host.highSkill == 1 && host.newSkilledWorkers == 1)
                #expect(city.skilledWorkers == 1 && city.highSkill == 1 && city.newSkilledWorkers == 1)
                // The zone lies in the host county: its 350-staff enterprise is one of the host's lacking a body.
                #expect(host.complianceKnown && host.enterprisesLackingBody == 1)
            }
        }
    }
}
