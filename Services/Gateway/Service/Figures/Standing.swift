import JCSkillsProtocol

/// Where a value stands against its target on a date: progress from the baseline, and a
/// status from a straight line through (baseline date, baseline) and (today, value),
/// extended to the deadline.
struct Standing: Equatable {
    var progress: Double
    var status: IndicatorStatus
    /// The straight line's value at the deadline; the value itself when there is no line.
    var projected: Double

    struct Plan: Equatable {
        var target: Double
        var baseline: Double
        var baselineDate: CalendarDate?
        var deadline: CalendarDate?
        var lowerIsBetter: Bool
    }

    static func judge(value: Double, on date: CalendarDate, against plan: Plan) -> Standing {
        let better: (Double, Double) -> Bool = plan.lowerIsBetter ? { $0 <= $1 } : { $0 >= $1 }
        let span = plan.target - plan.baseline
        let progress = span == 0 ? (better(value, plan.target) ? 1 : 0) : max(0, (value - plan.baseline) / span)
        if better(value, plan.target) {
            return Standing(progress: progress, status: .met, projected: value)
        }
        guard let deadline = plan.deadline else {
            // Unmet with no deadline: nothing says it is late yet.
            return Standing(progress: progress, status: .onTrack, projected: value)
        }
        if date >= deadline {
            return Standing(progress: progress, status: .behind, projected: value)
        }
        guard let start = plan.baselineDate, start < date else {
            // No elapsed time since the baseline to draw a line through.
            return Standing(progress: progress, status: .onTrack, projected: value)
        }
        let elapsed = Double(date.dayNumber - start.dayNumber)
        let total = Double(deadline.dayNumber - start.dayNumber)
        let projected = plan.baseline + (value - plan.baseline) * total / elapsed
        return Standing(progress: progress, status: better(projected, plan.target) ? .onTrack : .behind, projected: projected)
    }

    /// A rate that must hold all along: met or behind on the value, no line drawn; on track
    /// while there is no one to rate.
    static func judgeSteady(value: Double, target: Double, lowerIsBetter: Bool, nobodyToRate: Bool) -> Standing {
        let met = lowerIsBetter ? value <= target : value >= target
        let progress = target == 0 ? (met ? 1 : 0) : min(1, max(0, value / target))
        if nobodyToRate { return Standing(progress: 0, status: .onTrack, projected: value) }
        return Standing(progress: met ? 1 : progress, status: met ? .met : .behind, projected: value)
    }
}
