import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import GatewayService

/// The dashboard's dated series: the values as of the plan's dates, each the same as a Totals
/// answer for that date, gaps where a source is down, and drawn with its dates on the page.
@Suite("Gateway: the dashboard's dated series")
struct PlanSeriesTests {
    static func date(_ yyyymmdd: Int32) -> CalendarDate { CalendarDate(yyyymmdd: yyyymmdd)! }

    @Test
    func quarterEndsFromTheStartToTheAsOfDate() {
        let dates = PlanSeries.dates(from: Self.date(20191231), to: Self.date(20200815), monthsApart: 3)
        #expect(dates.map(\.yyyymmdd) == [20191231, 20200331, 20200630, 20200815])
        let onQuarterEnd = PlanSeries.dates(from: Self.date(20200101), to: Self.date(20200630), monthsApart: 3)
        #expect(onQuarterEnd.map(\.yyyymmdd) == [20200101, 20200331, 20200630])
        let monthly = PlanSeries.dates(from: Self.date(20260101), to: Self.date(20260310), monthsApart: 1)
        #expect(monthly.map(\.yyyymmdd) == [20260101, 20260131, 20260228, 20260310])
    }

    @Test
    func aDeclaredBaselineStartsTheLineAndAYearlyCountStartsAtZeroOnFirstJanuary() throws {
        let catalogue = IndicatorCatalogue.plan
        let skilled = try #require(catalogue.indicators.first { $0.key == "skilled_workers" })
        let line = PlanSeries.line(for: skilled, asOf: Self.date(20210101))
        #expect(line.start == Self.date(20191231) && line.declared == 284_000)
        #expect(line.dates.map(\.yyyymmdd) == [20200331, 20200630, 20200930, 20201231, 20210101])
        let yearly = try #require(catalogue.indicators.first { $0.key == "new_skilled_workers" })
        let yearLine = PlanSeries.line(for: yearly, asOf: Self.date(20260415))
        #expect(yearLine.start == Self.date(20260101) && yearLine.declared == 0)
        #expect(yearLine.dates.map(\.yyyymmdd) == [20260131, 20260228, 20260331, 20260415])
    }

    @Test
    func theSeriesEqualsTheTotalsOfEachDateAndThePageDrawsItsDates() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            _ = try await SeededCity.seed(harness)
            try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation) { _, service in
                let builder = PlanSeriesBuilder(engine: service.engine)
                let asOf = try #require(builder.today())
                #expect(asOf.yyyymmdd == 20261101)
                let series = await builder.build(asOf: asOf)
                #expect(series.asOf == 20261101)

                var answers: [Int32: Totals] = [:]
                for date in Set(series.byIndicator.values.flatMap { $0.map(\.date) }) {
                    answers[date] = try await service.engine.totals(TotalsRequest(asOf: date))
                }
                for indicator in IndicatorCatalogue.plan.indicators {
                    let points = try #require(series.byIndicator[indicator.key])
                    let line = PlanSeries.line(for: indicator, asOf: asOf)
                    #expect(points.first?.date == line.start.yyyymmdd, "\(indicator.key)")
                    #expect(points.last?.date == 20261101, "\(indicator.key)")
                    for (index, point) in points.enumerated() {
                        if index == 0, let declared = line.declared {
                            #expect(point.value == declared, "\(indicator.key)")
                            continue
                        }
                        let value = try #require(answers[point.date]?.scope.indicators.first { $0.key == indicator.key })
                        #expect(point.value == (value.status == .unavailable ? nil : value.value), "\(indicator.key) on \(point.date)")
                    }
                }
                let newThisYear = try #require(series.byIndicator["new_skilled_workers"])
                #expect(newThisYear.first == PlanSeries.Point(date: 20260101, value: 0))
                #expect(newThisYear.count == 12)
                let skilled = try #require(series.byIndicator["skilled_workers"])
                #expect(skilled.first == PlanSeries.Point(date: 20191231, value: 284_000))
                #expect(skilled.contains { $0.date == 20260930 && $0.value != nil })

                let totals = try await service.engine.totals(TotalsRequest(county: TotalsRequest.everyCounty))
                let page = DashboardPage(totals: totals, series: [:], dated: series).render()
                #expect(page.contains("<html lang=\"zh-CN\">"))
                #expect(page.contains("data-key=\"skilled_workers\">"))
                #expect(page.contains("data-date=\"2019-12-31\""))
                #expect(page.contains("data-date=\"2026-09-30\""))
                #expect(page.contains("data-date=\"2026-01-01\""))
                #expect(page.contains("<title>期限 2021-12-31</title>"))
                #expect(!page.contains("暂无历史数据"))
            }
        }
    }

    @Test
    func anUnavailableSourceLeavesGapsNotZeros() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            _ = try await SeededCity.seed(harness)
            let dead = try await DeadPort.make()
            try await GatewayHarness.with(registry: harness.registry, evaluation: dead) { _, service in
                let builder = PlanSeriesBuilder(engine: service.engine)
                let series = await builder.build(asOf: try #require(builder.today()))
                let skilled = try #require(series.byIndicator["skilled_workers"])
                #expect(skilled.first?.value == 284_000)
                #expect(skilled.count > 2 && skilled.dropFirst().allSatisfy { $0.value == nil })
                #expect(series.byIndicator["new_skilled_workers"]?.dropFirst().allSatisfy { $0.value == nil } == true)
                #expect(series.byIndicator["labour_registered"]?.last?.value != nil)

                let totals = try await service.engine.totals(TotalsRequest(county: TotalsRequest.everyCounty))
                let page = DashboardPage(totals: totals, series: [:], dated: series, language: .en).render()
                #expect(page.contains("a source did not answer"))
            }
        }
    }
}

/// When the refresher rebuilds before its interval (PlanSeriesRefresher.swift).
@Suite("Gateway: when the dated series is out of date")
struct PlanSeriesStalenessTests {
    static func totals(asOf: Int32, _ values: [String: Double?]) -> Totals {
        var totals = Totals()
        totals.asOf = asOf
        totals.scope.indicators = values.map { key, value in
            var indicator = IndicatorValue()
            indicator.key = key
            if let value { indicator.value = value } else { indicator.status = .unavailable }
            return indicator
        }
        return totals
    }

    @Test
    func newDataOrANewDayMakeItStaleASourceGoingDownDoesNot() {
        let series = PlanSeries(asOf: 20261205, byIndicator: [
            "skilled_workers": [.init(date: 20191231, value: 284_000), .init(date: 20261205, value: 2262)],
            "labour_registered": [.init(date: 20200101, value: 0), .init(date: 20261205, value: nil)],
        ])
        #expect(!series.isStale(against: Self.totals(asOf: 20261205, ["skilled_workers": 2262, "labour_registered": nil])))
        #expect(series.isStale(against: Self.totals(asOf: 20261205, ["skilled_workers": 2263, "labour_registered": nil])))
        #expect(series.isStale(against: Self.totals(asOf: 20261205, ["skilled_workers": 2262, "labour_registered": 4360])))
        #expect(!series.isStale(against: Self.totals(asOf: 20261205, ["skilled_workers": nil, "labour_registered": nil])))
        #expect(series.isStale(against: Self.totals(asOf: 20261206, ["skilled_workers": 2262, "labour_registered": nil])))
    }
}
