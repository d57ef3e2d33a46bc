import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport

/// The competitions, events and persons the competition tests build by hand.
extension CompetitionHarness {
    /// An annual city competition of ``year`` whose rule is `rule`.
    func registerCompetition(_ code: String = "JC-2020", rule: AwardRule = AwardRule(), county: Int32 = 0,
                             level: CompetitionLevel = .city, as identity: String = "admin") async throws {
        var competition = Competition()
        competition.code = code
        competition.name = "晋城市职业技能大赛 \(code)"
        competition.kind = .annualCity
        competition.year = Self.year
        competition.organiser = "晋城市人力资源和社会保障局"
        competition.level = level
        competition.county = county
        competition.awardRule = rule
        _ = try await client(identity) { try await $0.unary(CompetitionService.registerCompetition, competition) }
    }

    /// An event with measurement M1 (40 marks) and judgement J1 (60 marks), judged by J1–J3.
    static func sampleEvent(_ code: String = "E01", competition: String = "JC-2020", group: ParticipantGroup = .workers,
                            spreadBound: UInt32 = 0) -> Event {
        var event = Event()
        event.competitionCode = competition
        event.code = code
        event.name = "焊工 \(code)"
        event.occupation = occupation
        event.group = group
        event.criteria = [Criterion(code: "M1", type: .measurement, maximum: 4000), Criterion(code: "J1", type: .judgement, maximum: 6000)]
        event.judges = ["J1", "J2", "J3"]
        event.spreadBound = spreadBound
        return event
    }

    func registerEvent(_ event: Event = CompetitionHarness.sampleEvent()) async throws {
        _ = try await client { try await $0.unary(CompetitionService.registerEvent, event) }
    }

    /// Registers `id` in the registry (active card, county 140524).
    func registerWorker(_ id: String, name: String = "王晓明") async throws {
        try await registry.client("admin") { client in
            _ = try await client.unary(RegistryService.registerPerson, PersonRegistration.sample(id: id, name: name))
        }
    }

    /// Enters `id` in the event; its competitor number.
    func enter(_ id: String, name: String = "王晓明", event: String = "E01", competition: String = "JC-2020", on day: Int32 = 0) async throws -> String {
        var request = EntryRequest()
        request.competitionCode = competition
        request.eventCode = event
        request.idNumber = id
        request.name = name
        request.enteredOn = day
        return try await client { try await $0.unary(CompetitionService.enter, request) }.number
    }

    /// Submits `marks` as judge `judge` (`J1`…).
    @discardableResult
    func mark(_ judge: String, _ marks: [Mark], event: String = "E01", competition: String = "JC-2020") async throws -> MarkSheetReceipt {
        try await client("judge-\(judge)") { client in
            try await client.unary(CompetitionService.submitMarks, MarkSheet(competitionCode: competition, eventCode: event, marks: marks))
        }
    }

    /// Gives `entry` the measurement mark `measurement` and judgement scores `scores` (by J1, J2, J3).
    func score(_ entry: String, measurement: UInt32, judgement scores: [UInt32], event: String = "E01") async throws {
        try await mark("J1", [Mark(entryNumber: entry, criterionCode: "M1", mark: measurement)], event: event)
        for (judge, score) in zip(["J1", "J2", "J3"], scores) {
            try await mark(judge, [Mark(entryNumber: entry, criterionCode: "J1", mark: score)], event: event)
        }
    }

    func close(_ event: String = "E01", competition: String = "JC-2020", on day: Int32 = 0) async throws -> EventView {
        try await client { try await $0.unary(CompetitionService.closeEvent, EventLookup(competitionCode: competition, eventCode: event, closedOn: day)) }
    }

    func results(_ event: String = "E01", standardised: Bool = false) async throws -> [EventResult] {
        try await client { client in
            try await client.serverStreaming(CompetitionService.results,
                                             ResultsRequest(competitionCode: "JC-2020", eventCode: event, standardised: standardised)) { stream in
                var results: [EventResult] = []
                for try await result in stream { results.append(result) }
                return results
            }
        }
    }

    /// Registers the institution that issues promotions, with a scope of every standard level
    /// in ``occupation``.
    func registerInstitution() async throws {
        try await evaluationClient { client in
            _ = try await client.unary(EvaluationService.registerInstitution,
                                       .sample(code: Self.institution, scope: [ScopeEntry(occupation: Self.occupation, levels: SkillLevel.standard)]))
        }
    }

    /// Issues `id` a skill-level certificate at `level` in ``occupation``; its number.
    func issue(_ id: String, level: SkillLevel, name: String = "王晓明", on day: Int32 = 20190601) async throws -> String {
        try await evaluationClient { client in
            try await client.unary(EvaluationService.issueCertificate,
                                   .sample(institution: Self.institution, occupation: Self.occupation, level: level, id: id, name: name, issuedOn: day)).number
        }
    }

    static func refusal(_ body: () async throws -> Void) async -> RPCError? {
        do {
            try await body()
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            return RPCError(.unknown, "\(error)")
        }
    }
}
