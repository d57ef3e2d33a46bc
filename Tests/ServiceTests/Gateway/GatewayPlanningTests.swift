import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import GatewayService

/// The planning aid through the real gateway over real sources: its rates agree with two
/// answers for the two dates of the window.
@Suite("Gateway: the planning aid in Totals")
struct GatewayPlanningTests {
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-6 }

    @Test
    func theRatesAgreeWithTheTotalsOfBothDates() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            _ = try await SeededCity.seed(harness)
            try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation, cache: .seconds(60)) { gateway, _ in
                try await withTestClient(gateway, as: "admin") { client in
                    let asOf = CalendarDate(yyyymmdd: 20260630)!
                    let planned = try await client.unary(GatewayService.totals, TotalsRequest(county: TotalsRequest.everyCounty, asOf: asOf.yyyymmdd))
                    let earlier = try await client.unary(GatewayService.totals, TotalsRequest(county: TotalsRequest.everyCounty, asOf: 20260401, year: 2026))
                    #expect(!planned.partial && !planned.cached)

                    var checked: Set<String> = []
                    for (now, then) in zip([planned.scope] + planned.counties, [earlier.scope] + earlier.counties) {
                        for (value, before) in zip(now.indicators, then.indicators) {
                            let label = "\(value.key), scope \(now.county)"
                            let steady = ["key_group_pass_rate", "key_group_certificate_rate", "key_group_employment_rate"].contains(value.key)
                            let planable = value.status != .unavailable && value.hasTarget && value.deadline > 0 && !steady
                            #expect(value.hasPlan == planable, "\(label)")
                            guard value.hasPlan else { continue }
                            checked.insert(value.key)
                            #expect(value.hasCurrent && value.windowDays == 90, "\(label)")
                            #expect(Self.close(value.currentPerMonth, (value.value - before.value) * 30.4375 / 90), "\(label)")
                            let deadline = CalendarDate(yyyymmdd: value.deadline)!
                            let met = value.lowerIsBetter ? value.value <= value.target : value.value >= value.target
                            if met {
                                #expect(value.neededPerMonth == 0 && !value.deadlinePassed && value.reachedMonth == 0, "\(label)")
                            } else if deadline <= asOf {
                                #expect(value.deadlinePassed && value.neededPerMonth == 0, "\(label)")
                            } else {
                                let days = Double(deadline.dayNumber - asOf.dayNumber)
                                #expect(!value.deadlinePassed && Self.close(value.neededPerMonth, (value.target - value.value) * 30.4375 / days), "\(label)")
                            }
                        }
                    }
                    // A stock past its deadline, a yearly count and a ceiling were all planned.
                    #expect(checked.isSuperset(of: ["skilled_workers", "new_skilled_workers", "enterprises_lacking_body"]))
                    let skilled = try #require(planned.indicator("skilled_workers"))
                    #expect(skilled.deadlinePassed && skilled.currentPerMonth > 0)
                    let newThisYear = try #require(planned.indicator("new_skilled_workers"))
                    #expect(newThisYear.deadline == 20261231 && newThisYear.neededPerMonth > 0)
                    // The yearly target is the city's only: a county has none to plan for.
                    #expect(planned.indicator("new_skilled_workers", county: 140524)?.hasPlan == false)

                    // The gateway's short cache keeps the planning figures with the values.
                    let again = try await client.unary(GatewayService.totals, TotalsRequest(county: TotalsRequest.everyCounty, asOf: asOf.yyyymmdd))
                    #expect(again.cached)
                    #expect(again.scope.indicators == planned.scope.indicators && again.counties == planned.counties)
                }
            }
        }
    }

    @Test
    func earlyInTheYearAYearlyCountIsRatedOnTheDaysSinceFirstJanuary() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            _ = try await SeededCity.seed(harness)
            try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation) { gateway, _ in
                try await withTestClient(gateway, as: "admin") { client in
                    // 2026-03-05 is the 64th day; the certificates of 1 March count from 0.
                    let totals = try await client.unary(GatewayService.totals, TotalsRequest(asOf: 20260305))
                    let value = try #require(totals.indicator("new_skilled_workers"))
                    #expect(value.value == Double(JinchengDivisions.countyCodes.count))
                    #expect(value.hasPlan && value.hasCurrent && value.windowDays == 64)
                    #expect(Self.close(value.currentPerMonth, value.value * 30.4375 / 64))
                }
            }
        }
    }
}
