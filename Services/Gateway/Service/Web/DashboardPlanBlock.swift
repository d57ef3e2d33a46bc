import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// The planning aid beside an indicator on the dashboard (docs/NUMBERS.md, "Planning aid"):
/// the pace needed, the pace of the last 90 days, the month the target falls at that pace,
/// and the verdict, in the page's language.
struct DashboardPlanBlock {
    let indicator: IndicatorValue
    let language: Language

    func render() -> String {
        guard let verdict = indicator.planVerdict else { return "" }
        var items: [String] = []
        items.append(Messages.Dashboard.needed(needed).text(in: language))
        if indicator.hasCurrent {
            items.append(Messages.Dashboard.current(rate(indicator.currentPerMonth), days: indicator.windowDays).text(in: language))
        }
        if let (year, month) = indicator.reachedYearMonth {
            items.append(Messages.Dashboard.reached(Messages.Totals.month(year: year, month: month).text(in: language)).text(in: language))
        }
        let list = items.map { "<li>\(DashboardPage.escape($0))</li>" }.joined()
        return "<div class=\"plan \(Self.verdictClass(verdict))\" data-plan=\"\(DashboardPage.escape(indicator.key))\">"
            + "<h3>\(Messages.Dashboard.plan.text(in: language))</h3><ul>\(list)</ul>"
            + "<p class=\"verdict\">\(DashboardPage.escape(verdict.message.text(in: language)))</p></div>"
    }

    /// One line for a county cell's tooltip: needed and current pace.
    func summary() -> String? {
        guard indicator.hasPlan else { return nil }
        var parts = [Messages.Dashboard.needed(needed).text(in: language)]
        if indicator.deadlinePassed { parts.append(Messages.Totals.deadlinePassed.text(in: language)) }
        if indicator.hasCurrent {
            parts.append(Messages.Dashboard.current(rate(indicator.currentPerMonth), days: indicator.windowDays).text(in: language))
        }
        return parts.joined(separator: " · ")
    }

    /// A dash once the deadline has passed: no pace reaches the target in time.
    private var needed: String {
        indicator.deadlinePassed ? Messages.Totals.dash.text(in: language) : rate(indicator.neededPerMonth)
    }

    private func rate(_ perMonth: Double) -> String {
        Messages.Totals.perMonth(IndicatorValue.formatRate(perMonth, unit: indicator.unit), percent: indicator.unit == IndicatorValue.percentUnit)
            .text(in: language)
    }

    static func verdictClass(_ verdict: PlanVerdict) -> String {
        switch verdict {
        case .met, .onCourse: "plan-ok"
        case .rateUnknown: "plan-unknown"
        case .deadlinePassed, .tooSlow, .notMoving: "plan-short"
        }
    }
}
