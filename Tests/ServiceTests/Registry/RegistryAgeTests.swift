import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import RegistryService

/// docs/NUMBERS.md, "Age": the labour force is counted by age on the date asked, and today's
/// analysis by age today.
@Suite("Registry: persons age out of the labour force and through the age bands")
struct RegistryAgeTests {
    /// Registered at 59 in 2019, 61 on 2020-06-01: counted up to the day before, not from it,
    /// and not in today's figures (the harness's today is 2020-11-01). Moving them later
    /// changes nothing they count in.
    @Test(arguments: TestDatabases.backends)
    func nobodyCountsInTheLabourForceAfterAgingOut(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { harness in
            try await harness.client("admin") { client in
                let older = TestIDs.make(birth: "19590601", sequence: 31)
                let younger = TestIDs.make(birth: "19900101", sequence: 33)
                _ = try await client.unary(RegistryService.registerPerson, .sample(id: older, county: 140524, registeredOn: 20190101))
                _ = try await client.unary(RegistryService.registerPerson, .sample(id: younger, county: 140524, registeredOn: 20190101))
                func registered(_ county: Int32, on day: Int32) async throws -> UInt64 {
                    try await client.unary(RegistryService.statistics, StatisticsRequest(county: county, summaryOnly: true, registrationsUpTo: day)).registrationsUpTo
                }
                #expect(try await registered(140524, on: 20200531) == 2)
                #expect(try await registered(140524, on: 20200601) == 1)
                #expect(try await registered(0, on: 20201101) == 1)
                var move = StatusChange()
                move.person = PersonLookup(idNumber: older)
                move.status = .active
                move.newCounty = 140581
                move.reason = "moved to live with family"
                _ = try await client.unary(RegistryService.changeStatus, move)
                #expect(try await registered(140524, on: 20200531) == 2)
                #expect(try await registered(140581, on: 20200531) == 0)
                #expect(try await registered(140581, on: 20201101) == 0)
                let today = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0))
                #expect(today.registered == 1)
                #expect(today.cells.map(\.count).reduce(0, +) == 1)
            }
        }
    }

    /// A person of 24 today is in the first band; the daily work on the day they turn 25 moves
    /// them to the second, and on their 61st birthday out of every cell. A second run on the
    /// same day does nothing.
    @Test(arguments: TestDatabases.backends)
    func ageBandsAreWorkedOutForTheDay(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { harness in
            try await harness.client("admin") { client in
                _ = try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19960115", sequence: 41), registeredOn: 20200915))
                func bands() async throws -> [Int32: UInt64] {
                    let cells = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0)).cells
                    return cells.reduce(into: [:]) { $0[$1.ageBand, default: 0] += $1.count }
                }
                #expect(try await bands() == [0: 1])
                let first = try await harness.aging(on: 20201101).catchUp()
                #expect(first.rebuilt && first.changed == 0)
                #expect(try await harness.aging(on: 20210114).catchUp().changed == 0)
                #expect(try await bands() == [0: 1])
                let birthday = try await harness.aging(on: 20210115).catchUp()
                #expect(birthday == .init(rebuilt: false, examined: 1, changed: 1))
                #expect(try await bands() == [1: 1])
                #expect(try await harness.aging(on: 20210115).catchUp() == .init())
                _ = try await harness.aging(on: 20570115).catchUp()
                #expect(try await bands() == [:])
                #expect(try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0)).registered == 0)
            }
        }
    }

    /// A registry started on a later day serves at once: the start applies only a changed rule
    /// (which recounts every date, so it comes before serving), and the service beside the
    /// server works out the day's bands at once, not ten minutes later.
    @Test(arguments: TestDatabases.backends)
    func theStartLeavesTheDaysBandsToTheServiceBeside(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { harness in
            try await harness.client("admin") { client in
                _ = try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19960115", sequence: 43), registeredOn: 20200915))
                @Sendable func bands() async throws -> [Int32: UInt64] {
                    let cells = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0)).cells
                    return cells.reduce(into: [:]) { $0[$1.ageBand, default: 0] += $1.count }
                }
                #expect(try await harness.aging(on: 20201101).applyRule()?.rebuilt == true, "no rule kept yet: everything counted at the start")
                #expect(try await harness.aging(on: 20210115).applyRule() == nil, "the rule kept: nothing before serving")
                #expect(try await bands() == [0: 1])
                let beside = Task { try await LabourForceAgingService(aging: harness.aging(on: 20210115)).run() }
                try await waitUntil(asking: { try await bands() == [1: 1] })
                beside.cancel()
                try await beside.value
                let wider = try await harness.aging(on: 20210115, rule: LabourForceAgeRule(ages: 16...65)).applyRule()
                #expect(wider?.rebuilt == true)
            }
        }
    }

    /// The rule is configurable and kept with the data: under 16–65 the person of 61 counts
    /// again, on every date, once the service has recounted under it.
    @Test(arguments: TestDatabases.backends)
    func aChangedRuleRecountsEveryDate(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { harness in
            try await harness.client("admin") { client in
                _ = try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19590601", sequence: 51), registeredOn: 20190101))
                func registered(on day: Int32) async throws -> UInt64 {
                    try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true, registrationsUpTo: day)).registrationsUpTo
                }
                _ = try await harness.aging(on: 20201101).catchUp()
                #expect(try await registered(on: 20200601) == 0)
                let wider = try await harness.aging(on: 20201101, rule: LabourForceAgeRule(ages: 16...65)).catchUp()
                #expect(wider == .init(rebuilt: true, examined: 1, changed: 1))
                #expect(try await registered(on: 20200601) == 1)
                #expect(try await registered(on: 20250531) == 1)
                #expect(try await registered(on: 20250601) == 0)
                #expect(try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0)).registered == 1)
            }
        }
    }
}
