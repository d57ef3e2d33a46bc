import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import Testing
@testable import GatewayService

@Suite("Gateway: standing, catalogue and composition on hand-built numbers")
struct GatewayIndicatorTests {
    let baseline = CalendarDate(yyyymmdd: 20191231)!
    let deadline = CalendarDate(yyyymmdd: 20211231)!

    func plan(target: Double = 400_000, lowerIsBetter: Bool = false) -> Standing.Plan {
        Standing.Plan(target: target, baseline: 284_000, baselineDate: baseline, deadline: deadline, lowerIsBetter: lowerIsBetter)
    }

    @Test
    func aStraightLineFromTheBaselineDecidesOnTrackOrBehind() {
        // Half-way in time (2020-12-31 is day 366 of 731).
        let halfway = CalendarDate(yyyymmdd: 20201231)!
        let ahead = Standing.judge(value: 350_000, on: halfway, against: plan())
        #expect(ahead.status == .onTrack)
        #expect(abs(ahead.projected - (284_000 + 66_000 * 731.0 / 366.0)) < 1e-6)
        #expect(abs(ahead.progress - 66_000.0 / 116_000.0) < 1e-12)
        let slow = Standing.judge(value: 330_000, on: halfway, against: plan())
        #expect(slow.status == .behind)
        #expect(slow.projected < 400_000)
        #expect(Standing.judge(value: 400_000, on: halfway, against: plan()).status == .met)
        #expect(Standing.judge(value: 410_000, on: halfway, against: plan()).progress > 1)
        // Past the deadline there is no projecting: met or behind.
        #expect(Standing.judge(value: 399_999, on: CalendarDate(yyyymmdd: 20220101)!, against: plan()).status == .behind)
        // Below the baseline, progress stays at 0.
        #expect(Standing.judge(value: 200_000, on: halfway, against: plan()).progress == 0)
    }

    @Test
    func aCeilingIsMetFromBelow() {
        var ceiling = plan(target: 0, lowerIsBetter: true)
        ceiling.baseline = 40
        let halfway = CalendarDate(yyyymmdd: 20201231)!
        #expect(Standing.judge(value: 0, on: halfway, against: ceiling).status == .met)
        #expect(Standing.judge(value: 10, on: halfway, against: ceiling).status == .onTrack)
        #expect(Standing.judge(value: 30, on: halfway, against: ceiling).status == .behind)
        #expect(abs(Standing.judge(value: 10, on: halfway, against: ceiling).progress - 0.75) < 1e-12)
    }

    /// The status rule for each kind of indicator, as the composer applies it to the plan's
    /// catalogue (docs/NUMBERS.md, "Status"): the value on the as-of date against a straight
    /// line from (baseline date, baseline) extended to the deadline.
    @Test
    func everyKindOfIndicatorIsJudgedByItsLine() {
        let composer = TotalsComposer(catalogue: .plan)
        func status(_ key: String, on day: Int32, _ measures: [String: [String: Double]], year: Int32? = nil) -> IndicatorValue {
            let asOf = CalendarDate(yyyymmdd: day)!
            let question = SourceQuestion(scopes: [0], asOf: asOf, year: year ?? Int32(asOf.year), today: asOf)
            let outcomes = measures.map { service, values in
                SourceOutcome(service: service, result: .success(SourceReading(measures: [0: values])), latency: .zero)
            }
            let totals = composer.scope(0, TotalsComposer.Inputs(question: question, outcomes: outcomes, lastKnown: { _, _ in nil }))
            return totals.indicators.first { $0.key == key }!
        }
        // Cumulative, from the catalogue's baseline (284,000 on 2019-12-31): half-way in time.
        #expect(status("skilled_workers", on: 20201231, ["evaluation": ["skilled_workers": 350_000]]).status == .onTrack)
        #expect(status("skilled_workers", on: 20201231, ["evaluation": ["skilled_workers": 330_000]]).status == .behind)
        // Yearly, from 0 on 1 January to the target on 31 December of the year asked: 30,000
        // by 30 June is on the line to 60,000; 25,000 is not.
        let halfYear = status("new_skilled_workers", on: 20210630, ["evaluation": ["new_skilled_workers": 30_000]])
        #expect(halfYear.status == .onTrack)
        #expect(abs(halfYear.projected - 30_000 * 364.0 / 180.0) < 1e-6)
        #expect(status("new_skilled_workers", on: 20210630, ["evaluation": ["new_skilled_workers": 25_000]]).status == .behind)
        // No baseline date in the catalogue: the line starts at 0 on the plan's start
        // (2020-01-01). Ten institutions by mid-2021 project to about 13 of 50 by the deadline:
        // behind (it was once "on track" until the deadline whatever the value).
        let institutions = status("evaluation_institutions", on: 20210630, ["evaluation": ["institutions_active": 10]])
        #expect(institutions.baselineDate == 20200101)
        #expect(institutions.status == .behind)
        #expect(status("evaluation_institutions", on: 20210630, ["evaluation": ["institutions_active": 40]]).status == .onTrack)
        // A ceiling of 0 without a baseline: any value above it is behind before the deadline.
        #expect(status("enterprises_lacking_body", on: 20210630, ["evaluation": ["enterprises_lacking_body": 3]]).status == .behind)
        #expect(status("enterprises_lacking_body", on: 20210630, ["evaluation": ["enterprises_lacking_body": 0]]).status == .met)
        // A rate (registered / estimated labour force, 100 % by 2020-10-31), from 0 % on 2020-01-01.
        let rate: [String: [String: Double]] = ["registry": ["registered": 600_000, "estimated_labour_force": 1_000_000]]
        #expect(status("labour_coverage", on: 20200601, rate).status == .onTrack)
        #expect(status("labour_coverage", on: 20200901, rate).status == .behind)
    }

    /// The training office's rates hold all along: judged on the value, never on a line from 0
    /// on 1 January (which would call a 50 % pass rate in March "on track"); nobody to rate yet
    /// is on track, not behind.
    @Test
    func trainingRatesAreJudgedOnTheirValueAndTheBrandDeadlinesAsCeilings() {
        let composer = TotalsComposer(catalogue: .plan)
        func value(_ key: String, on day: Int32, _ measures: [String: Double], year: Int32 = 2021) -> IndicatorValue {
            let asOf = CalendarDate(yyyymmdd: day)!
            let question = SourceQuestion(scopes: [0], asOf: asOf, year: year, today: asOf)
            let outcome = SourceOutcome(service: "training", result: .success(SourceReading(measures: [0: measures])), latency: .zero)
            return composer.scope(0, TotalsComposer.Inputs(question: question, outcomes: [outcome], lastKnown: { _, _ in nil }))
                .indicators.first { $0.key == key }!
        }
        let march = ["key_group_completed": 200.0, "key_group_passed": 100, "key_group_certified": 130, "key_group_employed": 70]
        let passRate = value("key_group_pass_rate", on: 20210315, march)
        #expect(passRate.value == 50)
        #expect(passRate.status == .behind)
        #expect(passRate.projected == 50)
        #expect(value("key_group_certificate_rate", on: 20210315, march).status == .met)   // 65 % ≥ 60 %
        #expect(value("key_group_employment_rate", on: 20210315, march).status == .met)    // 35 % ≥ 30 %
        #expect(abs(value("key_group_employment_rate", on: 20210315, march).value - 35) < 1e-12)
        let nobody = value("key_group_pass_rate", on: 20210105, ["key_group_completed": 0, "key_group_passed": 0])
        #expect(nobody.status == .onTrack)
        #expect(nobody.reason == "no one to rate yet")
        // Person-times are yearly stocks on the line from 0 on 1 January: 15,000 key-group
        // person-times by 30 June is on the line to 30,000.
        #expect(value("key_group_training", on: 20210630, ["key_group_training": 15_000]).status == .onTrack)
        #expect(value("enterprise_training", on: 20210630, ["enterprise_training": 50_000]).status == .behind)
        // Counties lacking a brand: a ceiling of 0 with its own deadline.
        #expect(value("counties_lacking_city_brand", on: 20210105, ["counties_lacking_city_brand": 2]).status == .behind)
        #expect(value("counties_lacking_provincial_brand", on: 20210105, ["counties_lacking_provincial_brand": 0]).status == .met)
        #expect(value("labour_brands", on: 20211231, ["labour_brands": 10]).status == .met)
    }

    /// The competition office's figures (docs/COMPETITIONS.md, "Figures"): the yearly ones on
    /// the line from 0 on 1 January to the target on 31 December, as the training person-times;
    /// the studios on the line from the plan's start to 50 by 2021; counties without a studio a
    /// ceiling of 0 due at the end of 2020.
    @Test
    func competitionIndicatorsAreJudgedAsThePlanSays() {
        let composer = TotalsComposer(catalogue: .plan)
        func value(_ key: String, on day: Int32, _ measures: [String: Double], year: Int32? = nil) -> IndicatorValue {
            let asOf = CalendarDate(yyyymmdd: day)!
            let question = SourceQuestion(scopes: [0], asOf: asOf, year: year ?? Int32(asOf.year), today: asOf)
            let outcome = SourceOutcome(service: "competition", result: .success(SourceReading(measures: [0: measures])), latency: .zero)
            return composer.scope(0, TotalsComposer.Inputs(question: question, outcomes: [outcome], lastKnown: { _, _ in nil }))
                .indicators.first { $0.key == key }!
        }
        // 50 technical experts by 30 June is on the line to 100; 40 is not; 100 is met.
        let experts = value("technical_experts", on: 20210630, ["technical_experts": 50])
        #expect(experts.status == .onTrack && experts.target == 100 && experts.baselineDate == 20210101 && experts.deadline == 20211231)
        #expect(value("technical_experts", on: 20210630, ["technical_experts": 40]).status == .behind)
        #expect(value("technical_experts", on: 20210630, ["technical_experts": 100]).status == .met)
        // A past year is judged on its 31 December: short of the target is behind.
        #expect(value("technical_experts", on: 20220315, ["technical_experts": 99], year: 2021).status == .behind)
        #expect(value("competition_participants", on: 20211231, ["participants": 10_000]).status == .met)
        #expect(value("competition_participants", on: 20210630, ["participants": 4_000]).status == .behind)
        #expect(value("level_promotions", on: 20210630, ["level_promotions": 30]).status == .noTarget)
        // Studios from 0 on 2020-01-01: 40 by mid-2021 projects past 50 by the end of 2021.
        let studios = value("master_studios", on: 20210630, ["master_studios": 40])
        #expect(studios.baselineDate == 20200101 && studios.status == .onTrack)
        #expect(value("master_studios", on: 20210630, ["master_studios": 20]).status == .behind)
        #expect(value("master_studios", on: 20211001, ["master_studios": 50]).status == .met)
        #expect(value("counties_without_studio", on: 20201001, ["counties_without_studio": 2]).status == .behind)
        #expect(value("counties_without_studio", on: 20201001, ["counties_without_studio": 0]).status == .met)
        #expect(value("counties_without_studio", on: 20201001, ["counties_without_studio": 0]).lowerIsBetter)
    }

    @Test
    func theCatalogueFileOverridesThePlanAndBadFilesAreNamed() throws {
        let catalogue = try IndicatorCatalogue.parse("""
            indicators:
              - key: skilled_workers
                name_zh: 技能劳动者总量
                name_en: Skilled workers
                unit: persons
                formula: evaluation.skilled_workers
                baseline: 284000
                baseline_date: 2019-12-31
                target: 450000
                deadline: 2022-12-31
              - key: labour_coverage
                name_zh: 覆盖率
                name_en: Coverage
                unit: percent
                formula: registry.registered / registry.estimated_labour_force
                target: 100
                target_scope: every_scope
            """, path: "test.yaml")
        #expect(catalogue.indicators.count == 2)
        #expect(catalogue.indicators[0].target == .city(450_000))
        #expect(catalogue.indicators[0].deadline == CalendarDate(yyyymmdd: 20221231))
        #expect(catalogue.indicators[1].formula == .percentage(Measure(service: "registry", name: "registered"), of: Measure(service: "registry", name: "estimated_labour_force")))
        #expect(catalogue.indicators[1].target == .everyScope(100))
        #expect(catalogue.sources == ["evaluation", "registry"])

        let bad = #expect(throws: CatalogueError.self) {
            _ = try IndicatorCatalogue.parse("""
                indicators:
                  - {key: x, name_zh: x, name_en: x, unit: persons, formula: "registry"}
                """, path: "bad.yaml")
        }
        #expect(bad?.description.contains("x: formula registry") == true)
        let twice = #expect(throws: CatalogueError.self) {
            _ = try IndicatorCatalogue.parse("""
                indicators:
                  - {key: x, name_zh: x, name_en: x, unit: persons, formula: registry.registered}
                  - {key: x, name_zh: x, name_en: x, unit: persons, formula: registry.registered}
                """, path: "bad.yaml")
        }
        #expect(twice?.description.contains("declared twice") == true)
    }

    @Test
    func theShippedCatalogueFileIsThePlan() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../deploy/config/indicators.yaml").path
        #expect(try IndicatorCatalogue.load(path: path) == IndicatorCatalogue.plan)
    }

    @Test
    func aSourceThatFailsLaterLeavesItsLastKnownValueAndTheCacheKeepsOnlyCompleteAnswers() async throws {
        let source = ScriptedSource(service: "evaluation")
        let registry = ScriptedSource(service: "registry")
        let service = GatewayDefinition.makeService(
            catalogue: .plan, sources: [source, registry], cache: .seconds(60),
            clock: { Date(timeIntervalSince1970: 1_793_505_600) })
        let engine = service.engine

        source.answer(["skilled_workers": 300_000, "high_skill": 70_000, "new_skilled_workers": 10, "in_system_skilled_workers": 16_000,
                       "institutions_active": 52, "enterprises_lacking_body": 3])
        registry.answer(["registered": 1_400_000, "estimated_labour_force": 1_500_000, "enterprises": 900, "enterprises_surveyed": 800])
        // What the server answers at once, without a task: only what the cache holds.
        #expect(try engine.cachedTotals(TotalsRequest()) == nil)
        let first = try await engine.totals(TotalsRequest())
        #expect(!first.partial && !first.cached)
        #expect(try engine.cachedTotals(TotalsRequest())?.scope == first.scope)
        #expect(try engine.cachedTotals(TotalsRequest())?.cached == true)
        #expect(try engine.cachedTotals(TotalsRequest(fresh: true)) == nil)
        #expect(try engine.cachedTotals(TotalsRequest(county: 140_525)) == nil, "another question")
        let notACounty = #expect(throws: RPCError.self) { try engine.cachedTotals(TotalsRequest(county: 999)) }
        #expect(notACounty?.code == .invalidArgument)
        #expect(first.indicator("skilled_workers")?.value == 300_000)
        #expect(abs((first.indicator("labour_coverage")?.value ?? 0) - 1_400_000.0 / 15_000.0) < 1e-9)
        #expect(first.indicator("evaluation_institutions")?.status == .met)
        #expect(first.indicator("enterprises_surveyed")?.status == .noTarget)

        // Served from the cache while it is fresh, even with the source down…
        source.fail("connection refused")
        #expect(try await engine.totals(TotalsRequest()).cached)
        // …and a fresh question reports the source down, with the last value it gave.
        let second = try await engine.totals(TotalsRequest(fresh: true))
        #expect(second.partial)
        let skilled = try #require(second.indicator("skilled_workers"))
        #expect(skilled.status == .unavailable && skilled.reason == "evaluation: connection refused")
        #expect(skilled.hasLastKnown && skilled.lastKnownValue == 300_000)
        #expect(second.indicator("labour_registered")?.value == 1_400_000)
        // The partial answer did not replace the complete one in the cache.
        let third = try await engine.totals(TotalsRequest())
        #expect(third.cached && !third.partial)
        #expect(third.indicator("skilled_workers")?.value == 300_000)
    }
}

/// A source whose answers the test sets.
final class ScriptedSource: IndicatorSource, @unchecked Sendable {
    let service: String
    private let lock = NSLock()
    private var next: Result<[String: Double], SourceFailure> = .failure(SourceFailure(reason: "not set"))

    init(service: String) { self.service = service }

    func answer(_ measures: [String: Double]) { lock.withLock { next = .success(measures) } }
    func fail(_ reason: String) { lock.withLock { next = .failure(SourceFailure(reason: reason)) } }

    func read(_ question: SourceQuestion, timeout: Duration) async throws -> [SourceReading] {
        let measures = try lock.withLock { next }.get()
        var reading = SourceReading(dataTimeMs: 1)
        for scope in question.scopes { reading.measures[scope] = measures }
        return question.dates.map { _ in reading }
    }
}
