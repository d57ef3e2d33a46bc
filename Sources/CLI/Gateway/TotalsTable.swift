import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// The terminal table of `jcskills totals`: one line per indicator with a progress bar, the
/// status in colour on a terminal, the pace needed against the current pace, and a county
/// breakdown when asked.
struct TotalsTable {
    let totals: Totals
    let colour: Bool

    static let barWidth = 20
    static let numberWidth = 13
    static let statusWidth = 12
    static let countyWidth = 12

    /// Wide enough for the longest indicator name in the reader's language.
    private var nameWidth: Int {
        max(20, (totals.scope.indicators.map { TerminalColumns.width(Self.name(of: $0)) }.max() ?? 0) + 2)
    }

    static func name(of indicator: IndicatorValue) -> String {
        Language.current == .zh ? indicator.nameZh : indicator.nameEn
    }

    static func countyName(_ code: Int32) -> String {
        guard let county = JinchengDivisions.county(code: code) else { return String(code) }
        return Language.current == .zh ? county.chineseName : county.pinyin
    }

    func render() -> String {
        var out = Messages.Totals.heading(asOf: IndicatorValue.isoDate(totals.asOf), year: totals.year).text() + "\n"
        for source in totals.sources where !source.available {
            out += paint("! \(source.service): \(source.reason)", .red) + "\n"
        }
        out += "\n" + TerminalColumns.pad(Messages.Totals.indicator.text(), nameWidth)
            + TerminalColumns.pad(Messages.Totals.value.text(), Self.numberWidth, right: true)
            + TerminalColumns.pad(Messages.Totals.target.text(), Self.numberWidth, right: true) + "  "
            + TerminalColumns.pad(Messages.Totals.progress.text(), Self.barWidth + 3)
            + TerminalColumns.pad(Messages.Totals.status.text(), Self.statusWidth)
            + Messages.Totals.neededSlashCurrent.text() + "\n"
        for indicator in totals.scope.indicators {
            out += line(indicator) + "\n"
        }
        if !totals.counties.isEmpty { out += countyBreakdown() }
        if totals.partial { out += "\n" + paint(Messages.Totals.partialAnswer.text(), .red) + "\n" }
        return out
    }

    private func countyBreakdown() -> String {
        let keyWidth = max(28, (totals.scope.indicators.map(\.key.count).max() ?? 0) + 2)
        var out = "\n" + Messages.Totals.byCounty.text() + "\n" + TerminalColumns.pad(Messages.Totals.indicator.text(), keyWidth)
        for county in totals.counties {
            out += TerminalColumns.pad(Self.countyName(county.county), Self.countyWidth, right: true)
        }
        out += "\n"
        for (row, indicator) in totals.scope.indicators.enumerated() {
            out += TerminalColumns.pad(indicator.key, keyWidth)
            for county in totals.counties where row < county.indicators.count {
                let cell = county.indicators[row]
                out += TerminalColumns.pad(cell.status == .unavailable ? Messages.Totals.dash.text() : cell.displayValue, Self.countyWidth, right: true)
            }
            out += "\n"
        }
        return out
    }

    private func line(_ indicator: IndicatorValue) -> String {
        let name = TerminalColumns.pad(Self.name(of: indicator), nameWidth)
        guard indicator.status != .unavailable else {
            let last = indicator.hasLastKnown
                ? Messages.Totals.lastKnown(indicator.displayLastKnown, age: Self.age(sinceMs: indicator.lastKnownTimeMs)).text() : ""
            return name + TerminalColumns.pad(Messages.Totals.dash.text(), Self.numberWidth, right: true)
                + TerminalColumns.pad(indicator.displayTarget, Self.numberWidth, right: true) + "  "
                + paint(Messages.Totals.unavailableBecause(indicator.reason).text() + last, .grey)
        }
        let bar: String
        if indicator.hasTarget {
            let filled = Int((min(1, max(0, indicator.progress)) * Double(Self.barWidth)).rounded())
            bar = "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: Self.barWidth - filled) + "] "
        } else {
            bar = String(repeating: " ", count: Self.barWidth + 3)
        }
        let status = indicator.status.message.text()
        let pace = indicator.hasPlan ? "\(indicator.neededText) / \(indicator.currentText)" : ""
        let statusCell = pace.isEmpty ? paint(status, colour(for: indicator.status))
            : paint(status, colour(for: indicator.status)) + String(repeating: " ", count: max(1, Self.statusWidth - TerminalColumns.width(status))) + pace
        return name + TerminalColumns.pad(indicator.displayValue, Self.numberWidth, right: true)
            + TerminalColumns.pad(indicator.displayTarget, Self.numberWidth, right: true) + "  " + bar + statusCell
    }

    /// `40 s`, `12 min`, `3 h`, `2 d`: how old a last known value is.
    static func age(sinceMs: Int64, nowMs: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) -> String {
        let seconds = max(0, (nowMs - sinceMs) / 1000)
        switch seconds {
        case ..<120: return Messages.Totals.seconds(seconds).text()
        case ..<7_200: return Messages.Totals.minutes(seconds / 60).text()
        case ..<172_800: return Messages.Totals.hours(seconds / 3_600).text()
        default: return Messages.Totals.days(seconds / 86_400).text()
        }
    }

    enum Colour: String {
        case green = "32", blue = "34", red = "31", grey = "90", plain = "0"
    }

    private func colour(for status: IndicatorStatus) -> Colour {
        switch status {
        case .met: .green
        case .onTrack: .blue
        case .behind: .red
        case .unavailable: .grey
        default: .plain
        }
    }

    func paint(_ text: String, _ colour: Colour) -> String {
        self.colour && colour != .plain ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}
