import Testing
@testable import EvaluationService
@testable import RegistryService

/// The memos of a past day's figures that every gateway `Totals` asks for (its planning
/// window's first day): kept per county and day, for a few seconds, forgotten on a write.
@Suite("Past days' figures are memoised per county and day")
struct PastDayMemoTests {
    @Test
    func theRegistrysEnterpriseFiguresArePerDayAndForgottenOnAWrite() {
        let memo = EnterpriseTotalsMemo.make()
        let start = ContinuousClock.now
        let pastDay = EnterpriseTotalsMemo.Key(county: 0, day: 20_261_001)
        let (missing, generation) = memo.lookup(pastDay, now: start)
        #expect(missing == nil)
        memo.store(.init(enterprises: 7, surveyed: 3), for: pastDay, generation: generation, now: start)
        #expect(memo.lookup(pastDay, now: start).value == .init(enterprises: 7, surveyed: 3))
        #expect(memo.lookup(.init(county: 0), now: start).value == nil, "today's figures are another entry")
        #expect(memo.lookup(.init(county: 140524, day: 20_261_001), now: start).value == nil)
        #expect(memo.lookup(pastDay, now: start + memo.maximumAge).value == nil)
        memo.invalidate()
        #expect(memo.lookup(pastDay, now: start).value == nil)
        // Read before the write, stored after it: not kept.
        memo.store(.init(enterprises: 7, surveyed: 3), for: pastDay, generation: generation, now: start)
        #expect(memo.lookup(pastDay, now: start).value == nil)
    }

    @Test
    func theEvaluationsLackingCountIsPerDayAndForgottenWhenABodyChanges() {
        let recent = RecentLargeEnterprises()
        let start = ContinuousClock.now
        let maxAge = ComplianceQueries.countsMaxAge
        #expect(recent.lacking(county: 0, on: 20_261_001, maxAge: maxAge, now: start) == nil)
        recent.record(lacking: 12, county: 0, on: 20_261_001, bodiesGeneration: recent.bodiesGeneration, now: start)
        #expect(recent.lacking(county: 0, on: 20_261_001, maxAge: maxAge, now: start) == 12)
        #expect(recent.lacking(county: 0, on: 20_261_002, maxAge: maxAge, now: start) == nil)
        #expect(recent.lacking(county: 140524, on: 20_261_001, maxAge: maxAge, now: start) == nil)
        #expect(recent.lacking(county: 0, on: 20_261_001, maxAge: maxAge, now: start + maxAge) == nil)
        recent.bodiesChanged()
        #expect(recent.lacking(county: 0, on: 20_261_001, maxAge: maxAge, now: start) == nil)
    }
}
