import JCSkillsProtocol
import Testing
@testable import GatewayService

/// The planning aid's arithmetic against figures worked out by hand (docs/NUMBERS.md,
/// "Planning aid"): a month is 30.4375 days, the window 90 days.
@Suite("Gateway: the planning aid's arithmetic")
struct PlanningAidTests {
    static func date(_ yyyymmdd: Int32) -> CalendarDate { CalendarDate(yyyymmdd: yyyymmdd)! }

    static func plan(target: Double, deadline: Int32, lowerIsBetter: Bool = false, yearly: Bool = false) -> PlanningAid.Plan {
        let end = date(deadline)
        return PlanningAid.Plan(
            target: target, deadline: end, lowerIsBetter: lowerIsBetter,
            yearStart: yearly ? CalendarDate(year: end.year, month: 1, day: 1) : nil)
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-6 } ?? false }

    @Test
    func theWindowStartsNinetyDaysBeforeTheAsOfDate() {
        #expect(PlanningAid.windowStart(asOf: Self.date(20210630)) == Self.date(20210401))
    }

    @Test
    func aCumulativeTargetNeedsTheRestSpreadOverTheMonthsLeft() {
        // 100,000 to go in the 184 days to 2021-12-31; 9,000 in the last 90 days.
        let aid = PlanningAid.compute(
            valueNow: 300_000, valueEarlier: 291_000, plan: Self.plan(target: 400_000, deadline: 20211231), asOf: Self.date(20210630))
        #expect(Self.close(aid.neededPerMonth, 100_000 * 30.4375 / 184))  // 16,542.12
        #expect(Self.close(aid.currentPerMonth, 3_043.75))  // 9,000 × 30.4375 / 90
        // 100,000 at 100 a day: 1,000 days, 2024-03-26.
        #expect(aid.reachedMonth == 202403)
        #expect(aid.windowDays == 90 && !aid.deadlinePassed)
    }

    @Test
    func aYearlyTargetMidYearIsDueOnThirtyFirstDecember() {
        let plan = Self.plan(target: 60_000, deadline: 20211231, yearly: true)
        // 36,000 to go in the 183 days after 1 July; 12,000 in 90 days takes 270 days, into 2022.
        let slow = PlanningAid.compute(valueNow: 24_000, valueEarlier: 12_000, plan: plan, asOf: Self.date(20210701))
        #expect(Self.close(slow.neededPerMonth, 36_000 * 30.4375 / 183))  // 5,987.70
        #expect(Self.close(slow.currentPerMonth, 12_000 * 30.4375 / 90))  // 4,058.33
        #expect(slow.reachedMonth == 0, "a yearly count starts again in January: not this year at this pace")
        // 24,000 in 90 days: the 30,000 left take 112.5 days, so the 113th day, 2021-10-22.
        let fast = PlanningAid.compute(valueNow: 30_000, valueEarlier: 6_000, plan: plan, asOf: Self.date(20210701))
        #expect(fast.reachedMonth == 202110)
    }

    @Test
    func earlyInTheYearTheWindowIsTheDaysSinceFirstJanuary() {
        // 15 February is the 46th day: the window starts from 0 on 31 December, whatever the
        // source said for 90 days earlier.
        let aid = PlanningAid.compute(
            valueNow: 5_000, valueEarlier: 99, plan: Self.plan(target: 60_000, deadline: 20211231, yearly: true), asOf: Self.date(20210215))
        #expect(aid.windowDays == 46)
        #expect(Self.close(aid.currentPerMonth, 5_000 * 30.4375 / 46))  // 3,308.42
        #expect(Self.close(aid.neededPerMonth, 55_000 * 30.4375 / 319))  // 5,247.84
        #expect(aid.reachedMonth == 0)  // 506 days
        // On the 90th day the window is whole and still starts from 0.
        let ninetieth = PlanningAid.compute(
            valueNow: 9_000, valueEarlier: 99, plan: Self.plan(target: 60_000, deadline: 20211231, yearly: true), asOf: Self.date(20210331))
        #expect(ninetieth.windowDays == 90 && Self.close(ninetieth.currentPerMonth, 9_000 * 30.4375 / 90))
    }

    @Test
    func aPassedDeadlineHasNoNeededRateButStillAMonthAtThisPace() {
        let aid = PlanningAid.compute(
            valueNow: 380_000, valueEarlier: 370_000, plan: Self.plan(target: 400_000, deadline: 20211231), asOf: Self.date(20220301))
        #expect(aid.deadlinePassed && aid.neededPerMonth == nil)
        #expect(Self.close(aid.currentPerMonth, 10_000 * 30.4375 / 90))
        // 20,000 at 10,000 per 90 days: 180 days, 2022-08-28.
        #expect(aid.reachedMonth == 202208)
        // On the deadline itself no month is left either.
        let onTheDay = PlanningAid.compute(
            valueNow: 380_000, valueEarlier: 370_000, plan: Self.plan(target: 400_000, deadline: 20211231), asOf: Self.date(20211231))
        #expect(onTheDay.deadlinePassed)
    }

    @Test
    func aMetTargetNeedsNothingAndHasNoMonthToReach() {
        for asOf: Int32 in [20210630, 20220301] {
            let aid = PlanningAid.compute(
                valueNow: 410_000, valueEarlier: 400_500, plan: Self.plan(target: 400_000, deadline: 20211231), asOf: Self.date(asOf))
            #expect(aid.neededPerMonth == 0 && !aid.deadlinePassed && aid.reachedMonth == 0)
            #expect(Self.close(aid.currentPerMonth, 9_500 * 30.4375 / 90))
        }
    }

    @Test
    func aCeilingNeedsAFallAndIsReachedByFalling() {
        let plan = Self.plan(target: 0, deadline: 20211231, lowerIsBetter: true)
        // 12 enterprises still lacking a body, 18 ninety days earlier.
        let falling = PlanningAid.compute(valueNow: 12, valueEarlier: 18, plan: plan, asOf: Self.date(20210630))
        #expect(Self.close(falling.neededPerMonth, -12 * 30.4375 / 184))  // −1.99
        #expect(Self.close(falling.currentPerMonth, -6 * 30.4375 / 90))  // −2.03
        #expect(falling.reachedMonth == 202112)  // 180 days: 2021-12-27
        let rising = PlanningAid.compute(valueNow: 12, valueEarlier: 10, plan: plan, asOf: Self.date(20210630))
        #expect(rising.reachedMonth == 0 && (rising.currentPerMonth ?? 0) > 0)
        let met = PlanningAid.compute(valueNow: 0, valueEarlier: 3, plan: plan, asOf: Self.date(20210630))
        #expect(met.neededPerMonth == 0 && met.reachedMonth == 0)
    }

    @Test
    func aStillOrFallingRateReachesNothing() {
        let plan = Self.plan(target: 400_000, deadline: 20211231)
        let still = PlanningAid.compute(valueNow: 300_000, valueEarlier: 300_000, plan: plan, asOf: Self.date(20210630))
        #expect(still.currentPerMonth == 0 && still.reachedMonth == 0)
        let falling = PlanningAid.compute(valueNow: 300_000, valueEarlier: 301_000, plan: plan, asOf: Self.date(20210630))
        #expect(Self.close(falling.currentPerMonth, -1_000 * 30.4375 / 90) && falling.reachedMonth == 0)
        #expect(Self.close(falling.neededPerMonth, 100_000 * 30.4375 / 184))
        // One a year: beyond a hundred years is no month.
        let crawling = PlanningAid.compute(valueNow: 300_000, valueEarlier: 299_999.75, plan: plan, asOf: Self.date(20210630))
        #expect(crawling.reachedMonth == 0)
    }

    @Test
    func anUnknownEarlierValueLeavesTheCurrentRateUnknown() {
        let aid = PlanningAid.compute(
            valueNow: 300_000, valueEarlier: nil, plan: Self.plan(target: 400_000, deadline: 20211231), asOf: Self.date(20210630))
        #expect(aid.currentPerMonth == nil && aid.reachedMonth == 0)
        #expect(Self.close(aid.neededPerMonth, 100_000 * 30.4375 / 184))
    }

    @Test
    func aPercentageIsPlannedInPercentagePoints() {
        // Coverage 62.5 % on 2020-07-31, 50 % ninety days before; 100 % due 2020-10-31 (92 days).
        let aid = PlanningAid.compute(
            valueNow: 62.5, valueEarlier: 50, plan: Self.plan(target: 100, deadline: 20201031), asOf: Self.date(20200731))
        #expect(Self.close(aid.neededPerMonth, 37.5 * 30.4375 / 92))  // 12.41 points a month
        #expect(Self.close(aid.currentPerMonth, 12.5 * 30.4375 / 90))  // 4.23
        #expect(aid.reachedMonth == 202104)  // 270 days: 2021-04-27
    }
}
