import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Synchronization
import Testing
@testable import CompetitionService

/// docs/COMPETITIONS.md's figures, tested as a whole: random competition histories played
/// through the registry's, the evaluation service's and the competition service's own protocol
/// methods on the days they happen, the promotions settled by the promoter, then every measure
/// of `Counts` — for the city and each county, on several dates, for both years — compared with
/// ``CompetitionOracle``'s recount; every entry and studio refused exactly when the oracle says,
/// by the rule it names; the counties add up to the city.
///
/// `JCSKILLS_COMPETITION_HISTORIES` (default 12, shared among the backends) and
/// `JCSKILLS_COMPETITION_HISTORY_SEED` choose the histories, as the training histories' do.
@Suite("Numbers: random competition histories recounted by an independent oracle", .timeLimit(.minutes(5)))
struct RandomCompetitionHistoryTests {
    static var histories: Int {
        ProcessInfo.processInfo.environment["JCSKILLS_COMPETITION_HISTORIES"].flatMap(Int.init) ?? 12
    }
    static var givenSeed: UInt64? {
        ProcessInfo.processInfo.environment["JCSKILLS_COMPETITION_HISTORY_SEED"].flatMap(UInt64.init)
    }
    static let asOfDates: [Int32] = [20190615, 20190801, 20191231, 20200415, 20200820, 20201031]

    @Test(arguments: TestDatabases.backends)
    func everyCompetitionFigureEqualsTheRecount(backend: TestBackend) async throws {
        let both = TestDatabases.backends.count > 1 && Self.givenSeed == nil
        let postgresShare = both ? max(1, Self.histories / 3) : Self.histories
        let count = backend == .sqlite ? Self.histories - (both ? postgresShare : 0) : postgresShare
        let first = (Self.givenSeed ?? 20_190_101) + (both && backend != .sqlite ? UInt64(Self.histories - postgresShare) : 0)
        var failures: [String] = []
        var seen: [String: Int] = [:]
        for seed in first..<first + UInt64(count) {
            let (problems, refusals) = try await Self.play(seed, on: backend)
            if !problems.isEmpty { failures.append("seed \(seed): " + problems.prefix(6).joined(separator: "; ")) }
            for rule in refusals { seen[rule, default: 0] += 1 }
        }
        #expect(failures.isEmpty, """
            \(failures.count) of \(count) competition histories on \(backend) differ from the recount \
            (replay one: JCSKILLS_COMPETITION_HISTORY_SEED=<seed> JCSKILLS_COMPETITION_HISTORIES=1 swift test --filter RandomCompetitionHistory):
            \(failures.joined(separator: "\n"))
            """)
        if count >= 8 {
            let rules = ["event_open", "registered_worker", "studio_master_level"]
            #expect(rules.filter { seen[$0] == nil }.isEmpty, "refusals that never came up in \(count) histories: \(seen)")
        }
    }

    /// Plays the history of `seed`; the differences found and the rules the service refused by.
    static func play(_ seed: UInt64, on backend: TestBackend) async throws -> (problems: [String], refusals: [String]) {
        let history = CompetitionHistory(seed: seed)
        let oracle = CompetitionOracle(history)
        let clock = Mutex(RegistryHarness.now)
        return try await CompetitionHarness.with(backend, clock: { clock.withLock { $0 } }) { harness in
            var problems: [String] = []
            var refusals: [String] = []
            try await harness.registerInstitution()
            for person in history.persons where person.registered {
                try await harness.registry.client("admin") { client in
                    _ = try await client.unary(RegistryService.registerPerson, PersonRegistration.sample(id: person.idNumber, county: person.county))
                }
            }
            for person in history.persons where person.atTop {
                _ = try await harness.issue(person.idNumber, level: .level1, on: 20190201)
            }
            for studio in history.studios {
                _ = try await harness.issue(studio.master, level: studio.technician ? .level2 : .level3, on: 20190201)
            }
            for competition in history.competitions {
                var registered = Competition()
                registered.code = competition.code
                registered.name = "晋城市职业技能大赛 \(competition.year)"
                registered.kind = .annualCity
                registered.year = competition.year
                registered.level = .city
                registered.awardRule = competition.rule
                _ = try await harness.client { try await $0.unary(CompetitionService.registerCompetition, registered) }
                for event in competition.events {
                    try await harness.registerEvent(CompetitionHarness.sampleEvent(event, competition: competition.code))
                }
            }

            var numbers: [String: String] = [:]
            for (step, (day, action)) in history.actions.enumerated() {
                clock.withLock { $0 = Date(timeIntervalSince1970: Double(CalendarDate(yyyymmdd: day)!.dayNumber) * 86_400 + 4 * 3600) }
                do {
                    switch action {
                    case .enter(let person, let competition, let event):
                        let id = history.persons[person].idNumber
                        numbers[CompetitionHistory.markKey(person, competition, event)] =
                            try await harness.enter(id, event: event, competition: history.competitions[competition].code)
                    case .mark(let competition, let event):
                        let code = history.competitions[competition].code
                        var sheets: [String: [Mark]] = [:]
                        for (key, number) in numbers where key.hasSuffix("/\(competition)/\(event)") {
                            let drawn = history.marks[key]!
                            if let measurement = drawn.measurement { sheets["J1", default: []].append(Mark(entryNumber: number, criterionCode: "M1", mark: measurement)) }
                            for (judge, score) in zip(["J1", "J2", "J3"], drawn.scores) {
                                sheets[judge, default: []].append(Mark(entryNumber: number, criterionCode: "J1", mark: score))
                            }
                        }
                        for (judge, marks) in sheets.sorted(by: { $0.key < $1.key }) {
                            try await harness.mark(judge, marks, event: event, competition: code)
                        }
                    case .close(let competition, let event):
                        _ = try await harness.close(event, competition: history.competitions[competition].code)
                    case .studio(let index):
                        let planned = history.studios[index]
                        var studio = Studio()
                        studio.code = planned.code
                        studio.name = "技能大师工作室 \(planned.code)"
                        studio.masterIDNumber = planned.master
                        studio.masterName = "张师傅"
                        studio.county = planned.county
                        studio.industry = "装备制造"
                        studio.level = .city
                        studio.establishedOn = planned.establishedOn
                        _ = try await harness.client { try await $0.unary(CompetitionService.registerStudio, studio) }
                    }
                    if let expected = oracle.refusals[step] { problems.append("step \(step) \(action): accepted, expected \(expected)") }
                } catch let error as RPCError where error.code == .failedPrecondition {
                    let rule = String(error.message.prefix { $0 != ":" })
                    refusals.append(rule)
                    if oracle.refusals[step] != rule { problems.append("step \(step) \(action): refused \(rule), expected \(oracle.refusals[step] ?? "acceptance")") }
                }
            }
            let settled = try await CompetitionPromotionTests.passesUntilSettled(harness.service.promoter)
            if settled.waiting > 0 || settled.refused > 0 { problems.append("promotions not settled: \(settled)") }

            for year in [Int32(2019), 2020] {
                for asOf in Self.asOfDates {
                    var sum = CompetitionCounts()
                    for county in [Int32(0)] + CompetitionHistory.counties {
                        await Task.yield()  // the oracle counts for long: let the other tests of a parallel run go on
                        let measured = try await harness.client {
                            try await $0.unary(CompetitionService.counts, CountsRequest(county: county, asOf: asOf, year: year))
                        }
                        let expected = oracle.counts(county: county, asOf: asOf, year: year)
                        if measured != expected { problems.append("counts \(county) \(asOf) \(year): \(measured) ≠ recount \(expected)") }
                        if county != 0 {
                            sum.technicalExperts += measured.technicalExperts
                            sum.participants += measured.participants
                            sum.levelPromotions += measured.levelPromotions
                            sum.masterStudios += measured.masterStudios
                        }
                    }
                    let city = oracle.counts(county: 0, asOf: asOf, year: year)
                    if (sum.technicalExperts, sum.participants, sum.levelPromotions, sum.masterStudios)
                        != (city.technicalExperts, city.participants, city.levelPromotions, city.masterStudios) {
                        problems.append("counties do not add up to the city on \(asOf) for \(year): \(sum) vs \(city)")
                    }
                }
                // The gateway's form: every scope on every date in one `BatchCounts` (on
                // PostgreSQL the counties of a date read in one statement grouped by county).
                let questions = Self.asOfDates.flatMap { asOf in ([Int32(0)] + CompetitionHistory.counties).map { CountsRequest(county: $0, asOf: asOf, year: year) } }
                let batch = try await harness.client {
                    try await $0.unary(CompetitionService.batchCounts, CountsQuestions(requests: questions)).answers
                }
                for (question, measured) in zip(questions, batch) {
                    let expected = oracle.counts(county: question.county, asOf: question.asOf, year: year)
                    if measured != expected { problems.append("batch counts \(question.county) \(question.asOf) \(year): \(measured) ≠ recount \(expected)") }
                }
                if batch.count != questions.count { problems.append("batch: \(batch.count) answers to \(questions.count) questions") }
            }
            return (problems, refusals)
        }
    }
}
