/// How every client shows an indicator (the `jcskills totals` table, the dashboard), so the
/// two never disagree on a number.
extension IndicatorValue {
    public var displayValue: String { Self.format(value, unit: unit) }
    public var displayTarget: String { hasTarget ? Self.format(target, unit: unit) : "—" }
    public var displayLastKnown: String { hasLastKnown ? Self.format(lastKnownValue, unit: unit) : "—" }

    /// The unit of a percentage indicator (coverage, pass rates, shares).
    public static let percentUnit = "percent"

    /// `412,345` for counts, `87.3%` for percentages.
    public static func format(_ number: Double, unit: String) -> String {
        if unit == percentUnit {
            let tenths = (number * 10).rounded()
            return "\(Int(tenths) / 10).\(abs(Int(tenths)) % 10)%"
        }
        let whole = Int(number.rounded())
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (whole < 0 ? "-" : "") + digits + grouped
    }

    /// `2021-12-31` for a `yyyymmdd`; empty for 0.
    public static func isoDate(_ yyyymmdd: Int32) -> String {
        guard yyyymmdd > 0 else { return "" }
        let text = String(yyyymmdd)
        guard text.count == 8 else { return text }
        return "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))"
    }
}
