import Foundation
import JCSkillsProtocol
import Testing
@testable import JCSkillsLoad

@Suite("Service workloads")
struct ServiceWorkloadTests {
    @Test("registry: look-ups 70, registrations 20, statistics 10, verification off by default")
    func registryMix() {
        let weights = RegistryWorkload(fixtureCount: 10).operations.map { "\($0.name)=\($0.weight)" }
        #expect(weights == ["lookup=70", "register=20", "aggregate=10", "verify=0"])
    }

    @Test("evaluation: verifications 70, issuance 20, counts 10")
    func evaluationMix() {
        let weights = EvaluationWorkload(fixtureCount: 10).operations.map { "\($0.name)=\($0.weight)" }
        #expect(weights == ["verify=70", "issue=20", "counts=10"])
    }

    @Test("gateway: city 80, county 15, every county 5")
    func gatewayMix() {
        let weights = GatewayWorkload().operations.map { "\($0.name)=\($0.weight)" }
        #expect(weights == ["city=80", "county=15", "all-counties=5"])
    }

    @Test("evaluation issues valid skill-level certificates to distinct holders, dated no later than today")
    func certificates() throws {
        let workload = EvaluationWorkload(fixtureCount: 1, people: SyntheticPerson(salt: 99, thisYear: 2026))
        let first = workload.certificate(0)
        let second = workload.certificate(1)
        #expect(first.holderIDNumber != second.holderIDNumber)
        #expect(first.institutionCode == "LOAD-99")
        #expect(first.kind == .skillLevel && first.level == .level3)
        _ = try ResidentIDNumber.parse(first.holderIDNumber)
        let issued = try #require(CalendarDate(yyyymmdd: first.issuedOn))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = calendar.dateComponents([.year, .month, .day], from: Date())
        #expect(issued < CalendarDate(year: now.year!, month: now.month!, day: now.day!)!)
    }
}
