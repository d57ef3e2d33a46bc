import Foundation
import JCSkillsPKI
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import CompetitionService
@testable import GatewayService

/// The competition indicators through the gateway, over a real competition service (with the
/// registry and evaluation service it asks): the values are the competition service's `Counts`,
/// for the city and each county, and the counties add up to the city (docs/COMPETITIONS.md,
/// "Figures"; the plan's targets in docs/NUMBERS.md, "Status").
@Suite("Gateway: the competition indicators from the real competition service", .timeLimit(.minutes(2)))
struct GatewayCompetitionTests {
    static let welder = "6-18-02-04"
    static let electrician = "6-31-01-03"
    /// The judges of both events; issued into the test PKI once (DevelopmentPKI completes it).
    static let judges = ["GW1", "GW2", "GW3"]
    static let judgeFiles: [TLSFiles] = {
        do {
            try DevelopmentPKI.initialise(at: TestPKI.shared.directory, extraIdentities: judges.map { IdentityRequest(id: "judge-\($0)") })
        } catch {
            fatalError("judge identities: \(error)")
        }
        return judges.map { TestPKI.shared.files("judge-\($0)") }
    }()

    @Test
    func theGatewayServesTheCompetitionMeasuresAndTheCountiesAddUp() async throws {
        try await CompetitionPeerHarness.with { harness in
            // Five workers; the first enters both events; the fifth lives in the development zone
            // (140599), which counts in 泽州县 (140525).
            let people: [(id: String, county: Int32)] = [
                (TestIDs.make(birth: "19900101", sequence: 501), 140524), (TestIDs.make(birth: "19900101", sequence: 503), 140524),
                (TestIDs.make(birth: "19900101", sequence: 505), 140525), (TestIDs.make(birth: "19900101", sequence: 507), 140581),
                (TestIDs.make(birth: "19900101", sequence: 509), 140599),
            ]
            let masters: [(id: String, county: Int32)] = [
                (TestIDs.make(birth: "19700101", sequence: 511), 140524), (TestIDs.make(birth: "19700101", sequence: 513), 140599),
            ]
            try await withTestClient(harness.registry, as: "admin") { registry in
                for (id, county) in people + masters {
                    _ = try await registry.unary(RegistryService.registerPerson, .sample(id: id, county: county))
                }
            }
            try await withTestClient(harness.evaluation, as: "admin") { evaluation in
                _ = try await evaluation.unary(EvaluationService.registerInstitution, .sample(code: "CITY-1", county: 140500, scope: [
                    ScopeEntry(occupation: Self.welder, levels: SkillLevel.standard),
                    ScopeEntry(occupation: Self.electrician, levels: SkillLevel.standard),
                ]))
                for (id, county) in masters {
                    _ = try await evaluation.unary(EvaluationService.issueCertificate, .sample(
                        institution: "CITY-1", level: .level2, id: id, county: county, issuedOn: 20200301))
                }
            }
            try await withTestClient(harness.competition, as: "admin") { office in
                var competition = Competition()
                competition.code = "JC-2020-CITY"
                competition.name = "2020年晋城市职业技能大赛"
                competition.kind = .annualCity
                competition.year = 2020
                competition.organiser = "晋城市人力资源和社会保障局"
                competition.level = .city
                competition.awardRule.topCount = 1
                competition.awardRule.namesTechnicalExperts = true
                competition.awardRule.promotesOneLevel = true
                competition.awardRule.institutionCode = "CITY-1"
                _ = try await office.unary(CompetitionService.registerCompetition, competition)
                for (code, occupation) in [("E01", Self.welder), ("E02", Self.electrician)] {
                    var event = Event()
                    event.competitionCode = competition.code
                    event.code = code
                    event.name = "\(code) 职工组"
                    event.occupation = occupation
                    event.group = .workers
                    event.criteria = [Criterion(code: "M1", type: .measurement, maximum: 4000), Criterion(code: "J1", type: .judgement, maximum: 6000)]
                    event.judges = Self.judges
                    _ = try await office.unary(CompetitionService.registerEvent, event)
                }
                for (event, persons) in [("E01", [0, 1, 2]), ("E02", [0, 3, 4])] {
                    for index in persons {
                        var entry = EntryRequest()
                        entry.competitionCode = competition.code
                        entry.eventCode = event
                        entry.idNumber = people[index].id
                        entry.name = "王晓明"
                        _ = try await office.unary(CompetitionService.enter, entry)
                    }
                }
            }
            // Every judge scores J1; the first also enters M1. The second entry of E01 (140524)
            // and the third of E02 (the development zone's) win.
            let winners = ["E01": "E01-0002", "E02": "E02-0003"]
            for (judge, files) in zip(Self.judges, Self.judgeFiles) {
                try await withTestClient(harness.competition, files: files) { client in
                    for event in ["E01", "E02"] {
                        var marks: [Mark] = []
                        for sequence in 1...3 {
                            let number = "\(event)-000\(sequence)"
                            let mark: UInt32 = number == winners[event] ? 5500 : 3000 + UInt32(sequence) * 100
                            marks.append(Mark(entryNumber: number, criterionCode: "J1", mark: mark))
                            if judge == Self.judges[0] { marks.append(Mark(entryNumber: number, criterionCode: "M1", mark: 3000)) }
                        }
                        _ = try await client.unary(CompetitionService.submitMarks, MarkSheet(competitionCode: "JC-2020-CITY", eventCode: event, marks: marks))
                    }
                }
            }
            try await withTestClient(harness.competition, as: "admin") { office in
                for event in ["E01", "E02"] {
                    _ = try await office.unary(CompetitionService.closeEvent, EventLookup(competitionCode: "JC-2020-CITY", eventCode: event))
                }
                for (index, (id, county)) in masters.enumerated() {
                    var studio = Studio()
                    studio.code = "S\(index + 1)"
                    studio.name = "焊接技能大师工作室\(index + 1)"
                    studio.masterIDNumber = id
                    studio.masterName = "李师傅"
                    studio.county = county
                    studio.industry = "制造业"
                    studio.level = .city
                    studio.establishedOn = index == 0 ? 20200601 : 20200701
                    _ = try await office.unary(CompetitionService.registerStudio, studio)
                }
            }
            // The promotions the background job would make, made here at once.
            _ = try await harness.service.promoter.promotePending()

            try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation, competition: harness.competition,
                                          clock: { RegistryHarness.now }) { gateway, _ in
                let totals = try await withTestClient(gateway, as: "admin") { client in
                    try await client.unary(GatewayService.totals, TotalsRequest(county: TotalsRequest.everyCounty))
                }
                #expect(!totals.partial, "\(totals.sources)")
                #expect(totals.asOf == 20201101 && totals.year == 2020)
                let expected: [(String, [Int32: Double])] = [
                    ("technical_experts", [140524: 1, 140525: 1]),
                    ("competition_participants", [140524: 2, 140525: 2, 140581: 1]),
                    ("level_promotions", [140524: 1, 140525: 1]),
                    ("master_studios", [140524: 1, 140525: 1]),
                    ("counties_without_studio", Dictionary(uniqueKeysWithValues: JinchengDivisions.countyCodes.map { ($0, [140524, 140525].contains($0) ? 0 : 1) })),
                ]
                for (key, perCounty) in expected {
                    let city = perCounty.values.reduce(0, +)
                    #expect(totals.indicator(key)?.value == city, "\(key), city")
                    #expect(totals.indicator(key)?.source == "competition")
                    for county in JinchengDivisions.countyCodes {
                        #expect(totals.indicator(key, county: county)?.value == perCounty[county] ?? 0, "\(key), \(county)")
                    }
                    let sum = totals.counties.compactMap { $0.indicators.first { $0.key == key }?.value }.reduce(0, +)
                    #expect(sum == city, "\(key): the counties add up to the city")
                }
                // The plan: 100 experts and 10,000 competitors a year (from 0 on 1 January, due
                // 31 December), 50 studios by 2021, no county without one by the end of 2020.
                let experts = try #require(totals.indicator("technical_experts"))
                #expect(experts.target == 100 && experts.status == .behind && experts.baselineDate == 20200101 && experts.deadline == 20201231)
                #expect(totals.indicator("competition_participants")?.target == 10_000)
                #expect(totals.indicator("level_promotions")?.status == .noTarget)
                let studios = try #require(totals.indicator("master_studios"))
                #expect(studios.target == 50 && studios.deadline == 20211231 && studios.status == .behind)
                #expect(totals.indicator("counties_without_studio")?.status == .behind)
                #expect(totals.indicator("counties_without_studio", county: 140524)?.status == .met)
                #expect(totals.indicator("counties_without_studio", county: 140522)?.status == .behind)

                // Before anything happened but the first studio: counted as of that date.
                let june = try await withTestClient(gateway, as: "admin") { client in
                    try await client.unary(GatewayService.totals, TotalsRequest(asOf: 20200615))
                }
                #expect(june.indicator("master_studios")?.value == 1)
                #expect(june.indicator("counties_without_studio")?.value == Double(JinchengDivisions.countyCodes.count - 1))
                #expect(june.indicator("technical_experts")?.value == 0)
                #expect(june.indicator("competition_participants")?.value == 0)
            }
        }
    }
}

/// A registry, an evaluation service and a competition service asking them, each on a fresh
/// SQLite database, served over TLS on 127.0.0.1 with the clock at 2020-11-01 (Beijing); the
/// competition service calls its peers as `jcskills://competition`, as in production.
struct CompetitionPeerHarness {
    let competition: Endpoint
    let registry: Endpoint
    let evaluation: Endpoint
    let service: CompetitionRPCService

    static func with<T: Sendable>(_ body: (CompetitionPeerHarness) async throws -> T) async throws -> T {
        try await RegistryHarness.with(.sqlite) { registry in
            try await EvaluationHarness.withEvaluation(.sqlite, registry: registry.endpoint, clock: { RegistryHarness.now }) { evaluation, _ in
                let personal = PersonalData(keys: .generate())
                return try await withTestStore(.sqlite, service: "competition", migrations: CompetitionSchema.migrations, template: true, configure: {
                    $0.personalData = personal
                    $0.now = { RegistryHarness.now }
                }) { store in
                    var configuration = ClientConfiguration(tls: TestPKI.shared.files("competition"))
                    configuration.expectedServerIdentity = "jcskills://registry"
                    configuration.defaultTimeout = .seconds(5)
                    let registryClient = try makeDomainPeerClient(registry.endpoint, as: "competition", configuration: configuration)
                    configuration.expectedServerIdentity = "jcskills://evaluation"
                    let evaluationClient = try makeDomainPeerClient(evaluation, as: "competition", configuration: configuration)
                    func close() async {
                        await registryClient.close()
                        await evaluationClient.close()
                    }
                    do {
                        let service = CompetitionDefinition.makeService(
                            store: store, personal: personal, registry: registryClient, evaluation: evaluationClient, clock: { RegistryHarness.now })
                        let result = try await withTestServer(services: [service], auditor: StoreAuditor(store: store)) { _, endpoint in
                            try await body(CompetitionPeerHarness(competition: endpoint, registry: registry.endpoint, evaluation: evaluation, service: service))
                        }
                        await close()
                        return result
                    } catch {
                        await close()
                        throw error
                    }
                }
            }
        }
    }
}
