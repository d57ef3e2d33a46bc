import JCSkillsProtocol

/// What it takes to reach a target in time, against what the recent past did: the monthly
/// change still needed, the monthly change of the last 90 days, and the month the target falls
/// at that pace (docs/NUMBERS.md, "Planning aid"). A pure function of two values and the plan,
/// so every case can be worked out by hand.
struct PlanningAid: Equatable {
    /// The change per month still needed; nil when the deadline has passed unmet, 0 when met.
    var neededPerMonth: Double?
    /// The change per month over the window; nil when its first value is unknown or the window
    /// has no days.
    var currentPerMonth: Double?
    /// `yyyymm` the target is reached at the current pace; 0 for "not at this pace" or "already".
    var reachedMonth: Int32
    var windowDays: Int

    var deadlinePassed: Bool { neededPerMonth == nil }

    /// A month as 365.25 / 12 = 30.4375 days (the Julian year's average month, within two
    /// minutes of the Gregorian one): one number for every month, so a rate does not change with
    /// the month's length, and the needed rate to a deadline falls smoothly day by day.
    static let daysPerMonth = 30.4375
    /// The current rate's window: long enough that one busy week does not swing it, short
    /// enough to show a change of pace within a quarter.
    static let windowDays = Int(IndicatorValue.planningWindowDays)
    /// Beyond this the month reached says nothing a leader can plan with.
    static let farthestDays = 100 * 365

    struct Plan: Equatable {
        var target: Double
        /// For a yearly indicator, 31 December of its year.
        var deadline: CalendarDate
        var lowerIsBetter: Bool
        /// For a yearly indicator, 1 January of its year: the count starts at 0 there, so the
        /// window never reaches back before it and the target must fall by ``deadline``.
        var yearStart: CalendarDate?
    }

    /// The first date the window looks back to: as-of − 90 days, the value counted at its end.
    static func windowStart(asOf: CalendarDate) -> CalendarDate? {
        asOf.adding(days: -windowDays)
    }

    /// - Parameters:
    ///   - valueNow: the value on `asOf`.
    ///   - valueEarlier: the value on ``windowStart(asOf:)``, nil when it could not be read.
    static func compute(valueNow: Double, valueEarlier: Double?, plan: Plan, asOf: CalendarDate) -> PlanningAid {
        let (startValue, days) = window(valueEarlier: valueEarlier, plan: plan, asOf: asOf)
        let change = startValue.map { valueNow - $0 }
        let current = change.flatMap { days > 0 ? $0 * daysPerMonth / Double(days) : nil }
        let remaining = plan.target - valueNow
        let met = plan.lowerIsBetter ? remaining >= 0 : remaining <= 0
        let daysLeft = plan.deadline.dayNumber - asOf.dayNumber

        var aid = PlanningAid(neededPerMonth: 0, currentPerMonth: current, reachedMonth: 0, windowDays: max(0, days))
        if met { return aid }
        aid.neededPerMonth = daysLeft > 0 ? remaining * daysPerMonth / Double(daysLeft) : nil
        if let change, days > 0, change != 0, (change > 0) == (remaining > 0) {
            // Days counted from the change itself rather than the monthly rate: fewer roundings,
            // so a hand-computed whole number of days stays whole.
            let daysToTarget = (remaining * Double(days) / change).rounded(.up)
            if daysToTarget <= Double(farthestDays), let reached = asOf.adding(days: Int(daysToTarget)),
               plan.yearStart == nil || reached <= plan.deadline {
                aid.reachedMonth = Int32(reached.year * 100 + reached.month)
            }
        }
        return aid
    }

    /// The window's first value and its length in days. A yearly count is 0 on 31 December of
    /// the year before, so early in the year the window starts there with 0, whatever was read.
    private static func window(valueEarlier: Double?, plan: Plan, asOf: CalendarDate) -> (Double?, Int) {
        if let yearStart = plan.yearStart {
            let daysIntoYear = asOf.dayNumber - yearStart.dayNumber + 1
            if daysIntoYear <= windowDays { return (0, daysIntoYear) }
        }
        return (valueEarlier, windowDays)
    }
}

extension IndicatorValue {
    /// Carries a planning aid in the answer's fields 21+.
    mutating func plan(_ aid: PlanningAid) {
        hasPlan = true
        neededPerMonth = aid.neededPerMonth ?? 0
        deadlinePassed = aid.deadlinePassed
        hasCurrent = aid.currentPerMonth != nil
        currentPerMonth = aid.currentPerMonth ?? 0
        reachedMonth = aid.reachedMonth
        windowDays = Int32(aid.windowDays)
    }
}
