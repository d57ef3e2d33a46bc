import Foundation
import JCSkillsProtocol

/// The terminal table of `jcskills totals`: one line per indicator with a progress bar, the
/// status in colour on a terminal, and a county breakdown when asked.
struct TotalsTable {
    let totals: Totals
    let colour: Bool

    static let barWidth = 20

    /// Wide enough for the longest indicator name.
    private var nameWidth: Int { max(20, (totals.scope.indicators.map(\.nameEn.count).max() ?? 0) + 2) }

    func render() -> String {
        var out = "Jincheng · as of \(IndicatorValue.isoDate(totals.asOf)) · year \(totals.year)\n"
        for source in totals.sources where !source.available {
            out += paint("! \(source.service): \(source.reason)", .red) + "\n"
        }
        out += "\n" + pad("indicator", nameWidth) + pad("value", 13, right: true) + pad("target", 13, right: true) + "  progress" + String(repeating: " ", count: Self.barWidth - 6) + "status\n"
        for indicator in totals.scope.indicators {
            out += line(indicator) + "\n"
        }
        if !totals.counties.isEmpty {
            let keyWidth = max(28, (totals.scope.indicators.map(\.key.count).max() ?? 0) + 2)
            out += "\nby county\n" + pad("indicator", keyWidth)
            for county in totals.counties {
                out += pad(JinchengDivisions.county(code: county.county)?.pinyin ?? String(county.county), 12, right: true)
            }
            out += "\n"
            for (row, indicator) in totals.scope.indicators.enumerated() {
                out += pad(indicator.key, keyWidth)
                for county in totals.counties where row < county.indicators.count {
                    let cell = county.indicators[row]
                    out += pad(cell.status == .unavailable ? "—" : cell.displayValue, 12, right: true)
                }
                out += "\n"
            }
        }
        if totals.partial { out += "\n" + paint("partial answer: some sources did not answer", .red) + "\n" }
        return out
    }

    private func line(_ indicator: IndicatorValue) -> String {
        let name = pad(indicator.nameEn, nameWidth)
        guard indicator.status != .unavailable else {
            let last = indicator.hasLastKnown
                ? " (last known \(indicator.displayLastKnown), \(Self.age(sinceMs: indicator.lastKnownTimeMs)) ago)" : ""
            return name + pad("—", 13, right: true) + pad(indicator.displayTarget, 13, right: true) + "  " + paint("unavailable: \(indicator.reason)\(last)", .grey)
        }
        let bar: String
        if indicator.hasTarget {
            let filled = Int((min(1, max(0, indicator.progress)) * Double(Self.barWidth)).rounded())
            bar = "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: Self.barWidth - filled) + "] "
        } else {
            bar = String(repeating: " ", count: Self.barWidth + 3)
        }
        return name + pad(indicator.displayValue, 13, right: true) + pad(indicator.displayTarget, 13, right: true) + "  " + bar + paint(indicator.status.description, colour(for: indicator.status))
    }

    /// `40 s`, `12 min`, `3 h`, `2 d`: how old a last known value is.
    static func age(sinceMs: Int64, nowMs: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) -> String {
        let seconds = max(0, (nowMs - sinceMs) / 1000)
        switch seconds {
        case ..<120: return "\(seconds) s"
        case ..<7_200: return "\(seconds / 60) min"
        case ..<172_800: return "\(seconds / 3_600) h"
        default: return "\(seconds / 86_400) d"
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

    private func paint(_ text: String, _ colour: Colour) -> String {
        self.colour && colour != .plain ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = max(1, width - text.count)
        return right ? String(repeating: " ", count: gap) + text : text + String(repeating: " ", count: gap)
    }
}
