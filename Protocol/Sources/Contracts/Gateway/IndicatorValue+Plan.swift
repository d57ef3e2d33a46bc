/// What the planning aid's fields add up to, so every client (the `jcskills totals` table and
/// its `--plan` view, the dashboard) gives the same short verdict.
public enum PlanVerdict: Equatable, Sendable {
    case met
    /// The deadline is past and the target unmet.
    case deadlinePassed
    /// No current rate: the earlier date could not be read.
    case rateUnknown
    /// The current pace reaches the target by the deadline.
    case onCourse
    /// Moving towards the target, but `times` the current pace is needed.
    case tooSlow(times: Double)
    /// Still, or moving away from the target.
    case notMoving
}

extension IndicatorValue {
    /// The days the current rate looks back over (``windowDays`` is fewer only early in a
    /// yearly indicator's year).
    public static let planningWindowDays: Int32 = 90

    /// Nil for an indicator without planning figures.
    public var planVerdict: PlanVerdict? {
        guard hasPlan else { return nil }
        if status == .met { return .met }
        if deadlinePassed { return .deadlinePassed }
        guard hasCurrent else { return .rateUnknown }
        guard currentPerMonth != 0, (currentPerMonth > 0) == (neededPerMonth > 0) else { return .notMoving }
        let times = abs(neededPerMonth) / abs(currentPerMonth)
        return times <= 1 ? .onCourse : .tooSlow(times: times)
    }

    /// A monthly change with its sign: `+16,542`, `−2.0`, `+12.4` (points for a percentage).
    /// Under 100 a count keeps one decimal, so a slow pace does not round to nothing.
    public static func formatRate(_ perMonth: Double, unit: String) -> String {
        let size = abs(perMonth)
        let digits: String
        if unit == percentUnit || size < 100 {
            let tenths = Int((size * 10).rounded())
            digits = "\(tenths / 10).\(tenths % 10)"
        } else {
            digits = format(size, unit: unit)
        }
        // What rounds to nothing gets no sign: "0.0", never "−0.0".
        guard digits.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) else { return digits }
        return (perMonth > 0 ? "+" : "−") + digits
    }

    /// `(2024, 3)` for `reachedMonth` 202403; nil for 0.
    public var reachedYearMonth: (year: Int, month: Int)? {
        reachedMonth > 0 ? (Int(reachedMonth) / 100, Int(reachedMonth) % 100) : nil
    }
}
