import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsServiceKit
import JCSkillsTestSupport
import Testing
@testable import CompetitionService

/// Level promotions through a real evaluation service, across its outage and a lost answer,
/// and studios whose masters it checks (docs/COMPETITIONS.md, "Awards and promotion",
/// "Skill-master studios").
@Suite("Competition: promotions and studios", .timeLimit(.minutes(3)))
struct CompetitionPromotionTests {
    static let holder4 = TestIDs.make(birth: "19880808", sequence: 801)
    static let newcomer = TestIDs.make(birth: "19890909", sequence: 802)
    static let master1 = TestIDs.make(birth: "19700101", sequence: 803)

    /// The winners' certificates the evaluation service holds now, valid ones only.
    static func certificates(_ harness: CompetitionHarness, of id: String) async throws -> [CertificateView] {
        try await harness.evaluationClient { client in
            try await client.unary(EvaluationService.recognitions, RecognitionRequest(holderIDNumber: id)).certificates.map(\.certificate)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func eachWinnerIsPromotedOnceAcrossAnOutageAndALostAnswer(backend: TestBackend) async throws {
        try await CompetitionHarness.with(backend) { harness in
            try await harness.registerInstitution()
            let before = try await harness.issue(Self.holder4, level: .level4)
            _ = try await harness.issue(Self.master1, level: .level1)
            try await harness.registerCompetition(rule: AwardRule.sample(topCount: 3, experts: true, promotes: true))
            try await harness.registerEvent()
            var numbers: [String] = []
            for (id, total) in [(Self.holder4, UInt32(3900)), (Self.newcomer, 3800), (Self.master1, 3700)] {
                try await harness.registerWorker(id)
                let number = try await harness.enter(id)
                try await harness.score(number, measurement: total, judgement: [5000, 5000, 5000])
                numbers.append(number)
            }
            let promoter = harness.service.promoter

            // The evaluation service is down when the event closes: the awards wait, with the error.
            let waiting = try await harness.evaluation.withStopped {
                _ = try await harness.close()
                return try await promoter.promotePending()
            }
            #expect(waiting == AwardPromoter.Pass(waiting: 3))
            var awards = try await harness.client { try await $0.unary(CompetitionService.awards, AwardsRequest(competitionCode: "JC-2020")) }.awards
            #expect(awards.allSatisfy { $0.promotion == .pending && !$0.lastError.isEmpty })

            // Back (the passes repeat, as the job's do, while the client reconnects): level 4 → 3,
            // none → 4, level 1 stays at the top.
            #expect(try await Self.passesUntilSettled(promoter) == AwardPromoter.Pass(issued: 2, atTopLevel: 1))
            #expect(try await promoter.promotePending() == AwardPromoter.Pass())
            awards = try await harness.client { try await $0.unary(CompetitionService.awards, AwardsRequest(competitionCode: "JC-2020")) }.awards
            let byNumber = Dictionary(uniqueKeysWithValues: awards.map { ($0.entryNumber, $0) })
            #expect(byNumber[numbers[0]]?.promotion == .issued && byNumber[numbers[0]]?.fromLevel == .level4 && byNumber[numbers[0]]?.toLevel == .level3)
            #expect(byNumber[numbers[1]]?.promotion == .issued && byNumber[numbers[1]]?.fromLevel == .unspecified && byNumber[numbers[1]]?.toLevel == .level4)
            #expect(byNumber[numbers[2]]?.promotion == .atTopLevel)
            let issued = try #require(byNumber[numbers[0]]?.certificateNumber)
            var held = try await Self.certificates(harness, of: Self.holder4)
            #expect(held.map(\.number) == [issued], "the level-4 certificate \(before) is superseded by the one promotion")
            #expect(held.first?.level == .level3 && held.first?.issuedOn == 20201101)

            // The promoter dies after the certificate was issued and before it was recorded: the
            // award is pending again. The next pass records the same certificate; none is issued.
            // (The award's row and its figures put back as they were before the settle.)
            try await harness.store.transaction(AwardPromoter.audit) { tx in
                try await tx.nativeExecute("UPDATE awards SET promotion = ?, certificate = '', issued_on = 0 WHERE number = ?",
                                           [StoreValue(PromotionState.pending.rawValue), .text(numbers[0])])
                try await tx.nativeExecute("UPDATE award_days SET pending = pending + 1 WHERE day = (SELECT closed_on FROM awards WHERE number = ?) AND county = 140524",
                                           [.text(numbers[0])])
                try await tx.nativeExecute("UPDATE award_days SET promotions = promotions - 1 WHERE day = (SELECT closed_on FROM awards WHERE number = ?) AND county = 140524",
                                           [.text(numbers[0])])
            }
            let reset = try await harness.client { try await $0.unary(CompetitionService.counts, CountsRequest(county: 0, asOf: 20201231, year: 2020)) }
            #expect(reset.levelPromotions == 1 && reset.promotionsPending == 1)
            #expect(try await promoter.promotePending() == AwardPromoter.Pass(issued: 1))
            awards = try await harness.client { try await $0.unary(CompetitionService.awards, AwardsRequest(competitionCode: "JC-2020")) }.awards
            #expect(awards.first { $0.entryNumber == numbers[0] }?.certificateNumber == issued)
            held = try await Self.certificates(harness, of: Self.holder4)
            #expect(held.map(\.number) == [issued])

            // The call itself retried with the award's key: the first certificate, nothing new.
            var request = CertificateIssue.sample(institution: CompetitionHarness.institution, occupation: CompetitionHarness.occupation,
                                                  level: .level3, id: Self.holder4, name: "王晓明", county: 140524, issuedOn: 20201101)
            request.county = 140524
            let retried = try await EvaluationPeer(evaluation: try RPCClient(
                endpoints: [await harness.evaluation.endpoint], configuration: ClientConfiguration(tls: TestPKI.shared.files("competition"))))
                .issue(request, idempotencyKey: AwardPromoter.idempotencyKey(competition: "JC-2020", entry: numbers[0]), timeout: .seconds(5))
            #expect(retried.number == issued)
            #expect(try await Self.certificates(harness, of: Self.holder4).count == 1)

            let counts = try await harness.client { try await $0.unary(CompetitionService.counts, CountsRequest(county: 0, asOf: 20201231, year: 2020)) }
            #expect(counts.levelPromotions == 2 && counts.promotionsPending == 0 && counts.technicalExperts == 3)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aStudioNeedsATechnicianMasterConfirmedByTheEvaluationService(backend: TestBackend) async throws {
        try await CompetitionHarness.with(backend) { harness in
            try await harness.registerInstitution()
            let senior = TestIDs.make(birth: "19750101", sequence: 811)
            let technician = TestIDs.make(birth: "19760101", sequence: 812)
            _ = try await harness.issue(senior, level: .level3)
            _ = try await harness.issue(technician, level: .level2)
            func register(_ code: String, master: String, county: Int32 = 140524, host: String = "") async throws -> StudioView {
                var studio = Studio()
                studio.code = code
                studio.name = "焊接技能大师工作室 \(code)"
                studio.masterIDNumber = master
                studio.masterName = "张师傅"
                studio.hostCreditCode = host
                studio.county = county
                studio.industry = "装备制造"
                studio.level = .city
                studio.establishedOn = 20200601
                return try await harness.client { try await $0.unary(CompetitionService.registerStudio, studio) }
            }
            let refused = await CompetitionHarness.refusal { _ = try await register("S-1", master: senior) }
            #expect(refused?.code == .failedPrecondition && refused?.message.hasPrefix("studio_master_level:") == true)
            let unavailable = try await harness.evaluation.withStopped {
                await CompetitionHarness.refusal { _ = try await register("S-1", master: technician) }
            }
            #expect(unavailable?.code == .unavailable)
            let empty = try await harness.client { try await $0.unary(CompetitionService.studios, StudiosRequest(asOf: 20201231)) }
            #expect(empty.studios.isEmpty && empty.countiesWithout.count == 6)

            // The competition service's client reconnects to the restarted evaluation service.
            let studio = try await Self.eventually { try await register("S-1", master: technician) }
            #expect(studio.masterLevel == .level2 && studio.masterIDMasked.contains("*"))
            var year = StudioYear()
            year.studioCode = "S-1"
            year.year = 2020
            year.apprenticesMentored = 12
            year.problemsSolved = 3
            #expect(try await harness.client { try await $0.unary(CompetitionService.recordStudioYear, year) }.years == [year])
            // A county office may not register another county's studio.
            let foreign = await CompetitionHarness.refusal {
                _ = try await harness.client("county-140525") { client in
                    var other = Studio()
                    other.code = "S-2"
                    other.name = "x"
                    other.masterIDNumber = technician
                    other.masterName = "张师傅"
                    other.county = 140524
                    other.level = .city
                    other.establishedOn = 20200601
                    return try await client.unary(CompetitionService.registerStudio, other)
                }
            }
            #expect(foreign?.code == .permissionDenied)

            let report = try await harness.client { try await $0.unary(CompetitionService.studios, StudiosRequest(asOf: 20201231)) }
            #expect(report.cityTotal == 1 && report.cityTarget == 50)
            #expect(report.countiesWithout == JinchengDivisions.countyCodes.filter { $0 != 140524 })
            #expect(report.enterprisesKnown)
            let counts = try await harness.client { try await $0.unary(CompetitionService.counts, CountsRequest(county: 0, asOf: 20201231, year: 2020)) }
            #expect(counts.masterStudios == 1 && counts.countiesWithoutStudio == 5)
            let earlier = try await harness.client { try await $0.unary(CompetitionService.counts, CountsRequest(county: 140524, asOf: 20200531, year: 2020)) }
            #expect(earlier.masterStudios == 0 && earlier.countiesWithoutStudio == 1)
        }
    }
}

extension CompetitionPromotionTests {
    /// Passes of the promoter, as its job runs them, until none waits (at most about 10 s):
    /// what they settled between them.
    static func passesUntilSettled(_ promoter: AwardPromoter) async throws -> AwardPromoter.Pass {
        var total = AwardPromoter.Pass()
        for _ in 0..<100 {
            let pass = try await promoter.promotePending()
            total.issued += pass.issued
            total.atTopLevel += pass.atTopLevel
            total.refused += pass.refused
            total.waiting = pass.waiting
            if pass.waiting == 0 { return total }
            try await Task.sleep(for: .milliseconds(100))
        }
        return total
    }

    /// `body` until it stops failing with UNAVAILABLE (at most about 10 s).
    static func eventually<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        for _ in 0..<100 {
            do {
                return try await body()
            } catch let error as RPCError where error.code == .unavailable {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        return try await body()
    }
}

extension EvaluationSwitch {
    /// Runs `body` with the service stopped, then starts it again on the same port and database.
    func withStopped<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await stop()
        let result = try await body()
        try await start()
        return result
    }
}
