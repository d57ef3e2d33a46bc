import Foundation
import JCSkillsProtocol
import JCSkillsRPC
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

    @Test("training: enrolments 60, results 30, indicators 10; counts and class lists off by default")
    func trainingMix() {
        let registry = LoadTarget(endpoint: Endpoint(host: "127.0.0.1", port: 1), tls: TLSFiles(directory: "/nowhere", identity: "admin"))
        let weights = TrainingWorkload(persons: 10, registry: registry).operations.map { "\($0.name)=\($0.weight)" }
        #expect(weights == ["enrol=60", "result=30", "indicators=10", "counts=0", "list=0"])
    }

    @Test("training: courses one a day, each person at most once in each (course n div persons, person n mod persons)")
    func trainingCourses() {
        let registry = LoadTarget(endpoint: Endpoint(host: "127.0.0.1", port: 1), tls: TLSFiles(directory: "/nowhere", identity: "admin"))
        let workload = TrainingWorkload(persons: 10, registry: registry, people: SyntheticPerson(salt: 7, thisYear: 2026))
        #expect(workload.courseDay(0) == 20260102)
        #expect(workload.courseDay(30) == 20260201)
        #expect(workload.courseDay(149) == 20260531)
        #expect(workload.courseDay(set: 1, 0) == 20260601)
        let days = (0..<2).flatMap { set in (0..<TrainingWorkload.coursesPerSet).map { workload.courseDay(set: set, $0) } }
        #expect(Set(days).count == 2 * TrainingWorkload.coursesPerSet)
        #expect(workload.courseCode(set: 1, 151) == "LOAD-7-1-1")
        #expect((try? UnifiedSocialCreditCode.parse(TrainingWorkload.provider)) != nil)
    }

    @Test("competition: results 50, counts 50; marks within each criterion's maximum, the scheme 100 marks")
    func competitionMixAndMarks() {
        let workload = CompetitionWorkload(participants: 10, events: 2, group: .students, pkiDirectory: "/nowhere", registry: nil, evaluation: nil,
                                           people: SyntheticPerson(salt: 7, thisYear: 2026))
        #expect(workload.operations.map { "\($0.name)=\($0.weight)" } == ["results=50", "counts=50"])
        #expect(CompetitionWorkload.criteria.reduce(0) { $0 + $1.maximum } == 10_000)
        #expect(CompetitionWorkload.marksPerEntry == 11)
        #expect(workload.judgeCode(event: 0, judge: 2) == "LOAD-E01-3")
        for entry in 0..<200 {
            for criterion in CompetitionWorkload.criteria {
                for judge in 0..<3 { #expect(CompetitionWorkload.mark(entry: entry, criterion: criterion, judge: judge) <= criterion.maximum) }
            }
        }
        // The first judge's sheet carries the measurements; the others' only the judgements.
        let numbers = ["E01-0001", "E01-0002"][...]
        #expect(workload.sheet(event: 0, judge: 0, numbers: numbers).marks.count == 2 * 5)
        #expect(workload.sheet(event: 0, judge: 1, numbers: numbers).marks.count == 2 * 3)
        #expect(workload.entry(3).eventCode == "E02" && workload.entry(3).school == CompetitionWorkload.school)
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
