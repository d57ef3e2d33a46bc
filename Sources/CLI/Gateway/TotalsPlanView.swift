import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// `jcskills totals --plan`: the planning aid in detail, one table per scope (the city, then
/// each county when asked for all), one row per planned indicator.
struct TotalsPlanView {
    let totals: Totals
    let colour: Bool

    func render() -> String {
        var out = Messages.Totals.planHeading.text() + " · "
            + Messages.Totals.heading(asOf: IndicatorValue.isoDate(totals.asOf), year: totals.year).text() + "\n"
        for scope in [totals.scope] + totals.counties {
            out += "\n" + (scope.county == 0 ? Messages.Common.city.text() : TotalsTable.countyName(scope.county)) + "\n"
            out += table(scope.indicators)
        }
        if totals.partial { out += "\n" + TotalsTable(totals: totals, colour: colour).paint(Messages.Totals.partialAnswer.text(), .red) + "\n" }
        return out
    }

    private func table(_ indicators: [IndicatorValue]) -> String {
        let planned = indicators.filter(\.hasPlan)
        guard !planned.isEmpty else { return "  " + Messages.Totals.notPlanned.text() + "\n" }
        let header = [
            Messages.Totals.indicator.text(), Messages.Totals.value.text(), Messages.Totals.target.text(),
            Messages.Totals.neededPerMonth.text(), Messages.Totals.currentPerMonth(days: IndicatorValue.planningWindowDays).text(),
            Messages.Totals.reachedAtThisPace.text(), Messages.Totals.verdict.text(),
        ]
        let rows = planned.map(row)
        let widths = header.indices.map { column in
            ([header] + rows).map { TerminalColumns.width($0[column]) }.max()!
        }
        let table = TotalsTable(totals: totals, colour: colour)
        func render(_ cells: [String], verdict: PlanVerdict? = nil) -> String {
            let shown = cells.enumerated().map { column, cell -> String in
                if column == cells.count - 1 { return verdict.map { table.paint(cell, Self.colour(for: $0)) } ?? cell }
                let gap = String(repeating: " ", count: max(0, widths[column] - TerminalColumns.width(cell)))
                return Self.numericColumns.contains(column) ? gap + cell : cell + gap
            }
            return "  " + shown.joined(separator: "  ") + "\n"
        }
        return render(header) + zip(planned, rows).map { render($1, verdict: $0.planVerdict) }.joined()
    }

    /// Value, target, needed and current line up on the right.
    private static let numericColumns: ClosedRange<Int> = 1...4

    private func row(_ indicator: IndicatorValue) -> [String] {
        let percent = indicator.unit == IndicatorValue.percentUnit
        var current = indicator.hasCurrent ? Messages.Totals.perMonth(indicator.currentText, percent: percent).text() : indicator.currentText
        if indicator.hasCurrent, indicator.windowDays != IndicatorValue.planningWindowDays {
            current += " (" + Messages.Totals.days(Int64(indicator.windowDays)).text() + ")"
        }
        let target = indicator.displayTarget + " · " + Messages.Totals.deadline(IndicatorValue.isoDate(indicator.deadline)).text()
        return [
            TotalsTable.name(of: indicator), indicator.displayValue, target,
            indicator.deadlinePassed ? indicator.neededText : Messages.Totals.perMonth(indicator.neededText, percent: percent).text(),
            current, indicator.reachedText, indicator.planVerdict?.message.text() ?? "",
        ]
    }

    private static func colour(for verdict: PlanVerdict) -> TotalsTable.Colour {
        switch verdict {
        case .met, .onCourse: .green
        case .rateUnknown: .grey
        case .deadlinePassed, .tooSlow, .notMoving: .red
        }
    }
}
