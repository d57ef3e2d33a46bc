import JCSkillsMessages
import JCSkillsProtocol

extension IndicatorValue {
    /// The needed change per month as a bare signed number; a dash after the deadline.
    var neededText: String {
        deadlinePassed ? Messages.Totals.dash.text() : Self.formatRate(neededPerMonth, unit: unit)
    }

    /// The current change per month as a bare signed number; a dash when unknown.
    var currentText: String {
        hasCurrent ? Self.formatRate(currentPerMonth, unit: unit) : Messages.Totals.dash.text()
    }

    /// `2024年3月` / `2024-03`; a dash when there is none (the verdict says why).
    var reachedText: String {
        guard let (year, month) = reachedYearMonth else { return Messages.Totals.dash.text() }
        return Messages.Totals.month(year: year, month: month).text()
    }
}
