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
                let summary = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true, registrationsUpTo: 20201101))
                let full = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0))
                #expect(summary.cells.isEmpty && summary.daily.isEmpty)
                #expect(summary.registered == 3 && summary.registered == full.registered)
                #expect(summary.coverage == full.coverage)
                #expect(summary.enterprises == 1 && summary.enterprises == full.enterprises)
                #expect(summary.registrationsUpTo == 3)
                let before = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true, registrationsUpTo: 20200914))
                #expect(before.registrationsUpTo == 0)
                // The enterprise was registered today (2020-11-01): not there on an earlier day.
                let earlier = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true, registrationsUpTo: 20200915))
                #expect(earlier.registrationsUpTo == 3 && earlier.enterprises == 0)
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

    /// "Registered on a past date" once counted every registration made by then, persons who
    /// had since left included, while today's figure counted only active persons: the series
    /// stepped where the past met the present, and no county had a figure for a past date.
    /// Now one definition serves every date and county (docs/NUMBERS.md). The harness's today
    /// is 2020-11-01: moves and departures happen on it.
    @Test(arguments: TestDatabases.backends)
    func registeredOnAnyDateCountsWhoWasRegisteredThen(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { harness in
            try await harness.client("admin") { client in
                var ids: [String] = []
                for (sequence, county, day) in [(21, Int32(140524), Int32(20200301)), (23, 140524, 20200601), (25, 140524, 20200901), (27, 140581, 20200901)] {
                    let id = TestIDs.make(birth: "19900101", sequence: sequence)
                    ids.append(id)
                    _ = try await client.unary(RegistryService.registerPerson, .sample(id: id, county: county, registeredOn: day))
                }
                var leave = StatusChange()
                leave.person = PersonLookup(idNumber: ids[0])
                leave.status = .leftLabourForce
                leave.leavingReason = .age
                leave.reason = "retired"
                _ = try await client.unary(RegistryService.changeStatus, leave)
                var move = StatusChange()
                move.person = PersonLookup(idNumber: ids[1])
                move.status = .active
                move.newCounty = 140581
                move.reason = "moved for work"
                _ = try await client.unary(RegistryService.changeStatus, move)

                func registered(_ county: Int32, on day: Int32) async throws -> UInt64 {
                    try await client.unary(RegistryService.statistics, StatisticsRequest(county: county, summaryOnly: true, registrationsUpTo: day)).registrationsUpTo
                }
                // Before the changes: as registered.
                #expect(try await registered(0, on: 20201031) == 4)
                #expect(try await registered(140524, on: 20201031) == 3)
                #expect(try await registered(140581, on: 20201031) == 1)
                #expect(try await registered(140524, on: 20200531) == 1)
                // From the day of the changes: the one who left is gone, the one who moved counts in the new county.
                #expect(try await registered(0, on: 20201101) == 3)
                #expect(try await registered(140524, on: 20201101) == 1)
                #expect(try await registered(140581, on: 20201101) == 2)
                // Today's figure is the same as the active persons: no step.
                let today = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true, registrationsUpTo: 20201101))
                #expect(today.registered == today.registrationsUpTo)
                // The counties add up to the city on every date.
                for day: Int32 in [20200301, 20200601, 20200901, 20201031, 20201101] {
                    let counties = try await registered(140524, on: day) + registered(140581, on: day)
                    #expect(try await registered(0, on: day) == counties, "on \(day)")
                }
            }
        }
    }
}

