import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import CompetitionService

/// A past competition recorded on the days it was held (docs/COMPETITIONS.md, "Dates"): the
/// entries' and the close's days are stored, counted on those days, and carried by the
/// promotion's certificate; a day in the future or outside the competition's year is refused.
/// The harness's today is 2020-11-01, its competitions' year 2020.
@Suite("Competition: dates of entries and closes", .timeLimit(.minutes(3)))
struct CompetitionDatesTests {
    static let winner = TestIDs.make(birth: "19910303", sequence: 901)
    static let other = TestIDs.make(birth: "19920404", sequence: 902)
    static let third = TestIDs.make(birth: "19930505", sequence: 903)

    static func counts(_ harness: CompetitionHarness, asOf day: Int32) async throws -> CompetitionCounts {
        try await harness.client { try await $0.unary(CompetitionService.counts, CountsRequest(county: 0, asOf: day, year: 2020)) }
    }

    @Test(arguments: TestDatabases.backends)
    func aPastCloseIsStoredCountedAndCarriedByThePromotion(backend: TestBackend) async throws {
        try await CompetitionHarness.with(backend) { harness in
            try await harness.registerInstitution()
            try await harness.registerCompetition(rule: AwardRule.sample(topCount: 1, experts: true, promotes: true))
            try await harness.registerEvent()
            try await harness.registerWorker(Self.winner)
            try await harness.registerWorker(Self.other, name: "李红")
            let first = try await harness.enter(Self.winner, on: 20200610)
            let second = try await harness.enter(Self.other, name: "李红", on: 20200612)
            try await harness.score(first, measurement: 3900, judgement: [5000, 5000, 5000])
            try await harness.score(second, measurement: 3000, judgement: [4000, 4000, 4000])
            let closed = try await harness.close(on: 20200615)
            #expect(closed.state == .closed)

            #expect(try await Self.counts(harness, asOf: 20200609).participants == 0)
            #expect(try await Self.counts(harness, asOf: 20200610).participants == 1)
            #expect(try await Self.counts(harness, asOf: 20200612).participants == 2)
            let before = try await Self.counts(harness, asOf: 20200614)
            #expect(before.technicalExperts == 0 && before.promotionsPending == 0)
            let onTheDay = try await Self.counts(harness, asOf: 20200615)
            #expect(onTheDay.technicalExperts == 1 && onTheDay.promotionsPending == 1)

            #expect(try await CompetitionPromotionTests.passesUntilSettled(harness.service.promoter) == AwardPromoter.Pass(issued: 1))
            let held = try await CompetitionPromotionTests.certificates(harness, of: Self.winner)
            #expect(held.count == 1 && held.first?.level == .level4 && held.first?.issuedOn == 20200615)
            #expect(try await Self.counts(harness, asOf: 20200614).levelPromotions == 0)
            let promoted = try await Self.counts(harness, asOf: 20200615)
            #expect(promoted.levelPromotions == 1 && promoted.promotionsPending == 0 && promoted.technicalExperts == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aDayInTheFutureOrOutsideTheYearIsRefused(backend: TestBackend) async throws {
        try await CompetitionHarness.with(backend) { harness in
            try await harness.registerCompetition(rule: AwardRule.sample(topCount: 1, experts: true))
            try await harness.registerEvent()
            try await harness.registerWorker(Self.winner)
            for (day, rule) in [(Int32(20201102), "in the future"), (20191231, "outside the competition's year 2020"),
                                (20210105, "in the future"), (20201340, "not a date")] {
                let entry = await CompetitionHarness.refusal { _ = try await harness.enter(Self.winner, on: day) }
                #expect(entry?.code == .invalidArgument && entry?.message.contains("entered_on") == true && entry?.message.contains(rule) == true,
                        "entered on \(day): \(String(describing: entry))")
                let close = await CompetitionHarness.refusal { _ = try await harness.close(on: day) }
                #expect(close?.code == .invalidArgument && close?.message.contains("closed_on") == true && close?.message.contains(rule) == true,
                        "closed on \(day): \(String(describing: close))")
            }
            #expect(try await Self.counts(harness, asOf: 20201231).participants == 0)

            // In bulk, the row is refused with its column; the others enter.
            var refused = EntryRequest()
            refused.competitionCode = "JC-2020"
            refused.eventCode = "E01"
            refused.idNumber = Self.winner
            refused.name = "王晓明"
            refused.enteredOn = 20191231
            var dated = refused
            dated.enteredOn = 20200301
            let summary = try await harness.client { client in
                try await client.clientStreaming(CompetitionService.importEntries) { writer in
                    try await writer.send(EntryBatch(entries: [refused, dated]))
                }
            }
            #expect(summary.accepted == 1 && summary.errors.map { "\($0.line) \($0.column)" } == ["1 entered_on"])
            #expect(try await Self.counts(harness, asOf: 20200229).participants == 0)
            #expect(try await Self.counts(harness, asOf: 20200301).participants == 1)

            // An earlier entry recorded later (a backfill out of order) moves the person's day back, once.
            try await harness.registerEvent(CompetitionHarness.sampleEvent("E02"))
            _ = try await harness.enter(Self.winner, event: "E02", on: 20200201)
            #expect(try await Self.counts(harness, asOf: 20200131).participants == 0)
            #expect(try await Self.counts(harness, asOf: 20200201).participants == 1)
            #expect(try await Self.counts(harness, asOf: 20201231).participants == 1)

            // Today (no day given) is still the default, and the event closes when the day is right.
            #expect(try await harness.close(on: 20201101).state == .closed)
            #expect(try await Self.counts(harness, asOf: 20201031).technicalExperts == 0)
            #expect(try await Self.counts(harness, asOf: 20201101).technicalExperts == 1)
        }
    }

    /// A list is entered as its rows would be one after another (docs/COMPETITIONS.md, "Dates"):
    /// a person named twice in an event is entered once; competitor numbers follow the list;
    /// a person counts among the year's participants once, from their earliest day, in the
    /// county they first counted in.
    @Test(arguments: TestDatabases.backends)
    func aListEntersEachPersonOnceFromTheirEarliestDay(backend: TestBackend) async throws {
        try await CompetitionHarness.with(backend) { harness in
            try await harness.registerCompetition(rule: AwardRule.sample(topCount: 1, experts: true))
            try await harness.registerEvent()
            try await harness.registerEvent(CompetitionHarness.sampleEvent("E02"))
            for (id, name) in [(Self.winner, "王晓明"), (Self.other, "李红"), (Self.third, "张伟")] {
                try await harness.registerWorker(id, name: name)
            }
            #expect(try await harness.enter(Self.third, name: "张伟", on: 20200520) == "E01-0001")

            func row(_ id: String, _ name: String, _ event: String, _ day: Int32) -> EntryRequest {
                var request = EntryRequest()
                request.competitionCode = "JC-2020"
                request.eventCode = event
                request.idNumber = id
                request.name = name
                request.enteredOn = day
                return request
            }
            let list = [row(Self.winner, "王晓明", "E01", 20200610), row(Self.winner, "王晓明", "E01", 20200610),
                        row(Self.other, "李红", "E01", 20200612), row(Self.other, "李红", "E02", 20200605),
                        row(Self.third, "张伟", "E02", 20200501)]
            func send() async throws -> ImportSummary {
                try await harness.client { client in
                    try await client.clientStreaming(CompetitionService.importEntries) { try await $0.send(EntryBatch(entries: list)) }
                }
            }
            let summary = try await send()
            #expect(summary.accepted == 4 && summary.alreadyRegistered == 1 && summary.rejected == 0)
            for (day, participants) in [(Int32(20200430), 0), (20200501, 1), (20200604, 1), (20200605, 2), (20200609, 2), (20200610, 3), (20201231, 3)] {
                #expect(try await Self.counts(harness, asOf: day).participants == UInt64(participants), "as of \(day)")
            }

            let again = try await send()
            #expect(again.accepted == 0 && again.alreadyRegistered == 5)
            #expect(try await Self.counts(harness, asOf: 20201231).participants == 3)
            // The numbers the list took, in its order, none taken by the row named twice.
            #expect(try await harness.enter(Self.winner) == "E01-0002")
            #expect(try await harness.enter(Self.other, name: "李红") == "E01-0003")
            #expect(try await harness.enter(Self.other, name: "李红", event: "E02") == "E02-0001")
            #expect(try await harness.enter(Self.third, name: "张伟", event: "E02") == "E02-0002")
        }
    }
}
