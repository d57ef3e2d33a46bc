import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// docs/NUMBERS.md: enterprises, those surveyed and those of 300 staff or more lacking an
/// evaluation body are figures of the date asked, not of today.
@Suite("Enterprises, the survey and compliance as of a date")
struct EnterprisesAsOfTests {
    @Test(arguments: TestDatabases.backends)
    func enterpriseFiguresAreThoseOfTheDateAsked(backend: TestBackend) async throws {
        let clock = HistoryClock(20200301)
        try await withCityServices(backend, clock: clock) { registry, evaluation, _ in
            let a = TestCreditCodes.make(701), b = TestCreditCodes.make(703)
            func enterprise(_ code: String, county: Int32, staff: UInt32) async throws {
                var enterprise = Enterprise()
                enterprise.creditCode = code
                enterprise.name = "测试企业\(code.suffix(3))"
                enterprise.county = county
                enterprise.industry = "制造业"
                enterprise.staffCount = staff
                _ = try await registry.unary(RegistryService.registerEnterprise, enterprise)
            }
            try await enterprise(a, county: 140524, staff: 400)
            clock.set(20200601)
            var demand = Demand()
            demand.creditCode = a
            demand.occupation = "6-18-02-04"
            demand.level = .level4
            demand.year = 2021
            demand.headcount = 5
            _ = try await registry.clientStreaming(RegistryService.importDemand) { writer in
                try await writer.send(DemandImportBatch(rows: [DemandImportRow(line: 2, demand: demand)]))
            }
            try await enterprise(b, county: 140525, staff: 200)
            clock.set(20210101)
            try await enterprise(a, county: 140524, staff: 250)
            try await enterprise(b, county: 140525, staff: 500)
            clock.set(20210301)
            _ = try await evaluation.unary(EvaluationService.registerInstitution, .sample(
                code: "B-BODY", type: .enterpriseBody, county: 140525, enterprise: b,
                scope: [ScopeEntry(occupation: "6-18-02-04", levels: [.level4])], approvedOn: 20210301))
            clock.set(20211231)

            func summary(_ day: Int32, _ county: Int32 = 0) async throws -> (UInt64, UInt64) {
                let answer = try await registry.unary(RegistryService.statistics,
                                                      StatisticsRequest(county: county, summaryOnly: true, registrationsUpTo: day))
                return (answer.enterprises, answer.enterprisesSurveyed)
            }
            #expect(try await summary(20200229) == (0, 0))
            #expect(try await summary(20200301) == (1, 0))
            #expect(try await summary(20200601) == (2, 1))
            #expect(try await summary(20200601, 140525) == (1, 0))
            #expect(try await summary(20211231) == (2, 1))
            func large(_ day: Int32) async throws -> [String] {
                try await registry.unary(RegistryService.listEnterprises, EnterpriseListRequest(minimumStaff: 300, asOf: day)).enterprises.map(\.creditCode)
            }
            #expect(try await large(20201231) == [a])
            #expect(try await large(20210101) == [b])
            func lacking(_ day: Int32, _ county: Int32 = 0) async throws -> UInt64 {
                let counts = try await evaluation.unary(EvaluationService.counts, CountsRequest(county: county, asOf: day))
                #expect(counts.complianceKnown)
                return counts.enterprisesLackingBody
            }
            #expect(try await lacking(20200229) == 0)
            #expect(try await lacking(20201231) == 1)           // A: 400 staff, no body
            #expect(try await lacking(20201231, 140525) == 0)
            #expect(try await lacking(20210201, 140525) == 1)   // B: 500 staff since January, no body yet
            #expect(try await lacking(20210201, 140524) == 0)   // A: down to 250
            #expect(try await lacking(20210301) == 0)           // B's body approved
        }
    }
}
