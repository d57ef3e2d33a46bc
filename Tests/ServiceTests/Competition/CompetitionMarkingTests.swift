import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import CompetitionService

/// Marking, ranking and awards on both backends, with the registry really confirming workers
/// (docs/COMPETITIONS.md).
@Suite("Competition: marks, rankings and awards", .timeLimit(.minutes(3)))
struct CompetitionMarkingTests {
    static let persons = (1...6).map { TestIDs.make(birth: "19900101", sequence: 600 + $0) }

    /// Five entries whose order is worked out by hand (docs/COMPETITIONS.md, "Ranking"):
    /// B 35.00 + 45.00 = 80.00 and A 30.00 + 50.00 = 80.00 tie on the total and B's larger
    /// measurement puts B first; C 20.00 + mean(50.00, 51.00, 52.00) = 71.00 and D 20.00 + 51.00
    /// = 71.00 tie on both and share rank 3; E has only its measurement, 10.00, rank 5.
    @Test(arguments: TestDatabases.backends)
    func aHandBuiltEventRanksAsWorkedOutByHand(backend: TestBackend) async throws {
        try await CompetitionHarness.with(backend) { harness in
            try await harness.registerCompetition(rule: AwardRule.sample(topCount: 3, experts: true))
            try await harness.registerEvent()
            var numbers: [String: String] = [:]
            for (letter, id) in zip(["A", "B", "C", "D", "E"], Self.persons) {
                try await harness.registerWorker(id, name: "选手\(letter)")
                numbers[letter] = try await harness.enter(id, name: "选手\(letter)")
            }
            try await harness.score(numbers["A"]!, measurement: 3000, judgement: [5000, 5000, 5000])
            try await harness.score(numbers["B"]!, measurement: 3500, judgement: [4500, 4500, 4500])
            try await harness.score(numbers["C"]!, measurement: 2000, judgement: [5000, 5100, 5200])
            try await harness.score(numbers["D"]!, measurement: 2000, judgement: [5100, 5100, 5100])
            try await harness.mark("J2", [Mark(entryNumber: numbers["E"]!, criterionCode: "M1", mark: 1000)])

            let results = try await harness.results(standardised: true)
            #expect(results.map(\.entryNumber) == ["B", "A", "C", "D", "E"].map { numbers[$0]! })
            #expect(results.map(\.rank) == [1, 2, 3, 3, 5])
            #expect(results.map(\.total) == [8000, 8000, 7100, 7100, 1000])
            #expect(results.map(\.measurementTotal) == [3500, 3000, 2000, 2000, 1000])
            #expect(results.map(\.unmarked) == [0, 0, 0, 0, 1])
            // Median 71.00, σ of the five totals 26.507…: 700 + 100 × (total − median) / σ.
            #expect(results.map(\.standardisedScore) == [734, 734, 700, 700, 470])
            #expect(results.allSatisfy { !$0.awarded })
            #expect(results[0].nameMasked == Masking.name("选手B"))

            // Top three, with the tie at the cut-off: B, A, C and D.
            let closed = try await harness.close()
            #expect(closed.state == .closed && closed.entries == 5 && closed.fullyMarked == 4)
            let awards = try await harness.client { try await $0.unary(CompetitionService.awards, AwardsRequest(competitionCode: "JC-2020")) }.awards
            #expect(Set(awards.map(\.entryNumber)) == Set(["B", "A", "C", "D"].map { numbers[$0]! }))
            #expect(awards.allSatisfy { $0.technicalExpert && $0.promotion == .none && $0.year == CompetitionHarness.year })
            #expect(try await harness.results().map(\.awarded) == [true, true, true, true, false])

            // Closing again changes nothing.
            #expect(try await harness.close().entries == 5)
            let again = try await harness.client { try await $0.unary(CompetitionService.awards, AwardsRequest(year: CompetitionHarness.year)) }.awards
            #expect(again.count == 4)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func onlyTheEventsJudgesMarkAndOnlyWhileItIsOpen(backend: TestBackend) async throws {
        try await CompetitionHarness.with(backend) { harness in
            try await harness.registerCompetition()
            var event = CompetitionHarness.sampleEvent()
            event.judges = ["J1", "J2", "J3", "J4"]
            try await harness.registerEvent(event)
            try await harness.registerWorker(Self.persons[0])
            let entry = try await harness.enter(Self.persons[0])
            let sheet = MarkSheet(competitionCode: "JC-2020", eventCode: "E01", marks: [Mark(entryNumber: entry, criterionCode: "M1", mark: 2000)])

            // An office, an auditor: refused by the method's policy; a judge of another event: by the handler.
            for identity in ["admin", "county-140524", "auditor"] {
                let refused = await CompetitionHarness.refusal { _ = try await harness.client(identity) { try await $0.unary(CompetitionService.submitMarks, sheet) } }
                #expect(refused?.code == .permissionDenied, "\(identity)")
            }
            var other = CompetitionHarness.sampleEvent("E02")
            other.judges = ["J1", "J2", "J3"]
            try await harness.registerEvent(other)
            try await harness.registerWorker(Self.persons[1])
            let otherEntry = try await harness.enter(Self.persons[1], event: "E02")
            let notTheirs = await CompetitionHarness.refusal {
                try await harness.mark("J4", [Mark(entryNumber: otherEntry, criterionCode: "M1", mark: 100)], event: "E02")
            }
            #expect(notTheirs?.code == .permissionDenied)

            // A mark above the maximum, an unknown criterion: the whole sheet refused, naming the mark.
            let tooHigh = await CompetitionHarness.refusal {
                try await harness.mark("J1", [Mark(entryNumber: entry, criterionCode: "M1", mark: 100), Mark(entryNumber: entry, criterionCode: "J1", mark: 6001)])
            }
            #expect(tooHigh?.code == .invalidArgument && tooHigh?.message.contains("marks[1].mark") == true)
            #expect(try await harness.results()[0].unmarked == 2)

            // Three judges score a judgement; a fourth is refused by rule.
            for judge in ["J1", "J2", "J3"] { try await harness.mark(judge, [Mark(entryNumber: entry, criterionCode: "J1", mark: 4000)]) }
            let fourth = await CompetitionHarness.refusal { try await harness.mark("J4", [Mark(entryNumber: entry, criterionCode: "J1", mark: 4000)]) }
            #expect(fourth?.code == .failedPrecondition && fourth?.message.hasPrefix("three_judges:") == true)

            // A judge corrects their own score; the same score again is unchanged.
            let corrected = try await harness.mark("J2", [Mark(entryNumber: entry, criterionCode: "J1", mark: 4300)])
            #expect(corrected.recorded == 1)
            #expect(try await harness.mark("J2", [Mark(entryNumber: entry, criterionCode: "J1", mark: 4300)]).unchanged == 1)
            let audit = try await harness.store.read { db in
                try await db.nativeRows("SELECT detail FROM jcs_audit_log WHERE entity = 'marks' ORDER BY id DESC", [])
            }
            #expect(try audit.contains { try $0.string("detail").contains("\(entry)/J1 40.00→43.00") })

            _ = try await harness.close()
            let locked = await CompetitionHarness.refusal { try await harness.mark("J1", [Mark(entryNumber: entry, criterionCode: "M1", mark: 2000)]) }
            #expect(locked?.code == .failedPrecondition && locked?.message.hasPrefix("event_open:") == true)
            #expect(try await harness.results()[0].total == 4100)
        }
    }

    /// The default bound is a fifth of the criterion's maximum: 12.00 of J1's 60.00.
    @Test(arguments: TestDatabases.backends)
    func aJudgementSpreadBeyondTheBoundIsFlagged(backend: TestBackend) async throws {
        try await CompetitionHarness.with(backend) { harness in
            try await harness.registerCompetition()
            try await harness.registerEvent()
            var entries: [String] = []
            for id in Self.persons.prefix(2) {
                try await harness.registerWorker(id)
                entries.append(try await harness.enter(id))
            }
            try await harness.mark("J1", [Mark(entryNumber: entries[0], criterionCode: "J1", mark: 4000),
                                          Mark(entryNumber: entries[1], criterionCode: "J1", mark: 4000)])
            try await harness.mark("J2", [Mark(entryNumber: entries[0], criterionCode: "J1", mark: 4600),
                                          Mark(entryNumber: entries[1], criterionCode: "J1", mark: 4600)])
            // 40.00, 46.00, 53.00: a spread of 13.00 > 12.00; 40.00, 46.00, 52.00: exactly 12.00, not beyond.
            let third = try await harness.mark("J3", [Mark(entryNumber: entries[0], criterionCode: "J1", mark: 5300),
                                                      Mark(entryNumber: entries[1], criterionCode: "J1", mark: 5200)])
            #expect(third.flagged == 1)
            let results = try await harness.results()
            #expect(results.first { $0.entryNumber == entries[0] }?.flagged == 1)
            #expect(results.first { $0.entryNumber == entries[0] }?.total == 4633)
            #expect(results.first { $0.entryNumber == entries[1] }?.flagged == 0)
            let view = try await harness.client { try await $0.unary(CompetitionService.listEvents, CompetitionLookup(code: "JC-2020")) }.events[0]
            #expect(view.flagged == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func entriesNeedARegistryCardAndParticipantsAreDistinctPersons(backend: TestBackend) async throws {
        try await CompetitionHarness.with(backend) { harness in
            try await harness.registerCompetition()
            try await harness.registerEvent()
            try await harness.registerEvent(CompetitionHarness.sampleEvent("E02"))
            let unregistered = await CompetitionHarness.refusal { _ = try await harness.enter(Self.persons[5]) }
            #expect(unregistered?.code == .failedPrecondition && unregistered?.message.hasPrefix("registered_worker:") == true)

            for id in Self.persons.prefix(3) { try await harness.registerWorker(id) }
            let first = try await harness.enter(Self.persons[0])
            #expect(try await harness.enter(Self.persons[0]) == first)
            _ = try await harness.enter(Self.persons[0], event: "E02")
            _ = try await harness.enter(Self.persons[1])
            _ = try await harness.enter(Self.persons[2], event: "E02")
            // Students: school and county instead of a registry card.
            var students = CompetitionHarness.sampleEvent("S01", group: .students)
            students.name = "学生组"
            try await harness.registerEvent(students)
            var student = EntryRequest()
            student.competitionCode = "JC-2020"
            student.eventCode = "S01"
            student.idNumber = TestIDs.make(birth: "20030505", sequence: 701)
            student.name = "李同学"
            let noSchool = await CompetitionHarness.refusal { _ = try await harness.client { try await $0.unary(CompetitionService.enter, student) } }
            #expect(noSchool?.code == .invalidArgument)
            student.school = "晋城技师学院"
            student.county = 140525
            let entered = try await harness.client { try await $0.unary(CompetitionService.enter, student) }
            #expect(entered.county == 140525 && entered.school == "晋城技师学院" && entered.idMasked.contains("*"))

            let city = try await harness.client { try await $0.unary(CompetitionService.counts, CountsRequest(county: 0, asOf: 20201231, year: 2020)) }
            #expect(city.participants == 4)
            let county = try await harness.client { try await $0.unary(CompetitionService.counts, CountsRequest(county: 140524, asOf: 20201231, year: 2020)) }
            #expect(county.participants == 3)
            let before = try await harness.client { try await $0.unary(CompetitionService.counts, CountsRequest(county: 0, asOf: 20201031, year: 2020)) }
            #expect(before.participants == 0)
        }
    }

    @Test
    func theAwardCutoffTakesTheFewerOfCountAndShare() {
        #expect(Ranking.awardCutoff(entries: 200, topCount: 3, topSharePercent: 0) == 3)
        #expect(Ranking.awardCutoff(entries: 200, topCount: 0, topSharePercent: 10) == 20)
        #expect(Ranking.awardCutoff(entries: 15, topCount: 0, topSharePercent: 10) == 2)
        #expect(Ranking.awardCutoff(entries: 200, topCount: 30, topSharePercent: 10) == 20)
        #expect(Ranking.awardCutoff(entries: 200, topCount: 0, topSharePercent: 0) == 0)
        #expect(MarkRules.judgementMark([5000, 5100, 5200]) == 5100)
        #expect(MarkRules.judgementMark([4000, 4600, 5300]) == 4633)
        #expect(MarkRules.judgementMark([4000, 4000, 4002]) == 4001)
        #expect(MarkRules.judgementMark([4000, 4001, 4001]) == 4001)
    }
    /// Judges of many events marking at once: their sheets share commits, and none waits for
    /// another event's sheet. On PostgreSQL each sheet held its event's row exclusively, so two
    /// groups of sheets holding one event each and waiting for the other's closed a cycle, broken
    /// only by the database's deadlock timeout and a retry alone; a sheet now holds its event
    /// against a close only (``CompetitionRepository/holdEvent(_:_:in:)``).
    @Test(arguments: TestDatabases.backends)
    func sheetsOfManyEventsAtOnceNeverWaitForEachOther(backend: TestBackend) async throws {
        try await CompetitionHarness.with(backend) { harness in
            try await harness.registerCompetition(rule: AwardRule.sample(topCount: 1, experts: true))
            let events = (1...6).map { "E0\($0)" }
            var numbers: [String] = []
            for (event, id) in zip(events, Self.persons) {
                try await harness.registerEvent(CompetitionHarness.sampleEvent(event))
                try await harness.registerWorker(id)
                numbers.append(try await harness.enter(id, event: event))
            }
            let before = harness.store.groupCommitStatistics
            for round in 0..<3 {
                try await withThrowingTaskGroup(of: MarkSheetReceipt.self) { group in
                    for (event, number) in zip(events, numbers) {
                        for judge in ["J1", "J2", "J3"] {
                            group.addTask {
                                try await harness.mark(judge, [Mark(entryNumber: number, criterionCode: "J1", mark: UInt32(4000 + round))], event: event)
                            }
                        }
                    }
                    for try await receipt in group { #expect(receipt.recorded == 1) }
                }
            }
            let after = harness.store.groupCommitStatistics
            #expect(after.writes - before.writes == 3 * 18)
            #expect(after.retriedAlone == before.retriedAlone, "sheets ran again alone after losing a cycle of lock waits")
            for (event, number) in zip(events, numbers) {
                let result = try #require(try await harness.results(event).first { $0.entryNumber == number })
                #expect(result.total == 4002)
            }
        }
    }
}

extension AwardRule {
    static func sample(topCount: UInt32 = 0, topShare: UInt32 = 0, experts: Bool = false, promotes: Bool = false) -> AwardRule {
        var rule = AwardRule()
        rule.topCount = topCount
        rule.topSharePercent = topShare
        rule.namesTechnicalExperts = experts
        rule.promotesOneLevel = promotes
        rule.institutionCode = promotes ? CompetitionHarness.institution : ""
        return rule
    }
}
