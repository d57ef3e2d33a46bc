import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// The dashboard's one page: the city's indicators as progress bars against target and
/// deadline with the planning aid beside each, a table per county, and a chart per indicator,
/// in the request's language (``DashboardLanguage``). Self-contained HTML (the city
/// network has no internet): inline CSS and SVG, nothing fetched.
struct DashboardPage {
    let totals: Totals
    let series: [String: [IndicatorHistory.Point]]
    /// The values as of the plan's dates; the wall-clock `series` is drawn until one exists.
    var dated: PlanSeries? = nil
    var language: Language = .zh
    /// The request's query, to link to the page in the other language with the same token.
    var query: String = ""

    private func text(_ message: Message) -> String { Self.escape(message.text(in: language)) }

    func render() -> String {
        let other: Language = language == .zh ? .en : .zh
        let generated = Self.time(totals.generatedMs)
        let meta = text(Messages.Dashboard.meta(asOf: IndicatorValue.isoDate(totals.asOf), year: totals.year, generated: generated))
        var html = """
        <!doctype html>
        <html lang="\(text(Messages.Dashboard.htmlLanguage))"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(text(Messages.Dashboard.title))</title>
        <style>\(Self.style)</style></head><body>
        <p class="lang"><a href="/quality\(Self.escape(DashboardLanguage.switchQuery(query, to: language)))">\(text(Messages.Dashboard.dataQuality))</a> · <a href="\(Self.escape(DashboardLanguage.switchQuery(query, to: other)))" hreflang="\(other.rawValue)">\(text(Messages.Dashboard.otherLanguage))</a></p>
        <h1>\(text(Messages.Dashboard.heading))</h1>
        <p class="meta">\(meta)\(totals.partial ? " · <strong class=\"unavailable\">\(text(Messages.Dashboard.partial))</strong>" : "")</p>
        """
        html += sourcesLine()
        html += "<section class=\"cards\">"
        for indicator in totals.scope.indicators {
            html += card(indicator)
        }
        html += "</section>"
        html += countyTable()
        return html + "</body></html>\n"
    }

    private func sourcesLine() -> String {
        let items = totals.sources.map { source in
            let name = DashboardWords.service(source.service, in: language)
            return source.available
                ? "<li class=\"ok\">\(text(Messages.Dashboard.answered(name, milliseconds: source.latencyMicros / 1000)))</li>"
                : "<li class=\"unavailable\">\(text(Messages.Dashboard.sourceFailed(name, source.reason)))</li>"
        }
        return "<ul class=\"sources\">\(items.joined())</ul>"
    }

    private func card(_ indicator: IndicatorValue) -> String {
        let status = Self.statusClass(indicator.status)
        var html = "<article class=\"card \(status)\" id=\"\(Self.escape(indicator.key))\">"
        html += "<h2>\(Self.escape(DashboardWords.indicatorName(indicator, in: language)))</h2>"
        if indicator.status == .unavailable {
            html += "<p class=\"value\">—</p><p class=\"reason\">\(text(Messages.Dashboard.unavailable(indicator.reason)))</p>"
            if indicator.hasLastKnown {
                html += "<p class=\"reason\">\(text(Messages.Dashboard.lastKnown(indicator.displayLastKnown, at: Self.time(indicator.lastKnownTimeMs))))</p>"
            }
        } else {
            html += "<p class=\"value\" data-key=\"\(Self.escape(indicator.key))\">\(indicator.displayValue)</p>"
            let statusWord = "<span class=\"status\">\(text(indicator.status.message))</span>"
            if indicator.hasTarget {
                let percent = Int(min(100, max(0, indicator.progress * 100)))
                html += "<div class=\"bar\" title=\"\(text(Messages.Dashboard.progressTitle(percent: percent)))\"><span style=\"width:\(percent)%\"></span></div>"
                let target = indicator.deadline > 0
                    ? Messages.Dashboard.targetBy(indicator.displayTarget, deadline: IndicatorValue.isoDate(indicator.deadline))
                    : Messages.Dashboard.target(indicator.displayTarget)
                html += "<p>\(text(target)) · \(statusWord)</p>"
            } else {
                html += "<p>\(statusWord)</p>"
            }
            html += DashboardPlanBlock(indicator: indicator, language: language).render()
        }
        html += chart(indicator)
        return html + "</article>"
    }

    private func chart(_ indicator: IndicatorValue) -> String {
        if let points = dated?.byIndicator[indicator.key], !points.isEmpty {
            return datedChart(indicator, points)
        }
        let points = (series[indicator.key] ?? []).map { SVGChart.Point(atMs: $0.atMs, value: $0.value) }
        var baseline: SVGChart.Point?
        if indicator.hasTarget, indicator.baselineDate > 0, let date = CalendarDate(yyyymmdd: indicator.baselineDate) {
            baseline = SVGChart.Point(atMs: date.startUnixMilliseconds(), value: indicator.baseline)
        }
        let deadline = CalendarDate(yyyymmdd: indicator.deadline).map { $0.startUnixMilliseconds() }
        let name = DashboardWords.indicatorName(indicator, in: language)
        return SVGChart(points: points, baseline: baseline, target: indicator.hasTarget ? indicator.target : nil, deadlineMs: deadline)
            .render(label: text(Messages.Dashboard.chartLabel(name)), empty: text(Messages.Dashboard.noHistory))
    }

    private func datedChart(_ indicator: IndicatorValue, _ points: [PlanSeries.Point]) -> String {
        let name = DashboardWords.indicatorName(indicator, in: language)
        let unit = indicator.unit
        let words = DatedChart.Words(
            label: text(Messages.Dashboard.chartLabel(name)),
            point: { date, value in text(Messages.Dashboard.chartPoint(date, IndicatorValue.format(value, unit: unit))) },
            gap: { text(Messages.Dashboard.chartGap($0)) },
            target: indicator.hasTarget ? text(Messages.Dashboard.target(indicator.displayTarget)) : nil,
            deadline: indicator.deadline > 0 ? text(Messages.Dashboard.chartDeadline(IndicatorValue.isoDate(indicator.deadline))) : nil)
        return DatedChart(points: points, target: indicator.hasTarget ? indicator.target : nil, deadline: CalendarDate(yyyymmdd: indicator.deadline))
            .render(words)
    }

    private func countyTable() -> String {
        guard !totals.counties.isEmpty else { return "" }
        var html = "<h2>\(text(Messages.Dashboard.byCounty))</h2><table><thead><tr><th>\(text(Messages.Dashboard.indicator))</th>"
        for county in totals.counties {
            html += "<th>\(Self.escape(DashboardWords.county(county.county, in: language)))</th>"
        }
        html += "<th>\(text(Messages.Dashboard.city))</th></tr></thead><tbody>"
        for (row, indicator) in totals.scope.indicators.enumerated() {
            html += "<tr><th>\(Self.escape(DashboardWords.indicatorName(indicator, in: language)))</th>"
            for county in totals.counties where row < county.indicators.count {
                html += cell(county.indicators[row])
            }
            html += indicator.status == .unavailable ? "<td>—</td></tr>" : cell(indicator, plain: true) + "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// A county's (or the city's) value; its status as the colour and, where planned, the pace
    /// needed and the current pace on hover.
    private func cell(_ value: IndicatorValue, plain: Bool = false) -> String {
        if value.status == .unavailable {
            return "<td class=\"unavailable\" title=\"\(Self.escape(value.reason))\">—</td>"
        }
        let title = DashboardPlanBlock(indicator: value, language: language).summary().map { " title=\"\(Self.escape($0))\"" } ?? ""
        let plan = value.hasPlan ? " data-plan=\"\(Self.escape(value.key))\"" : ""
        let status = plain ? "" : " class=\"\(Self.statusClass(value.status))\""
        return "<td\(status)\(title)\(plan)>\(value.displayValue)</td>"
    }

    static func statusClass(_ status: IndicatorStatus) -> String {
        switch status {
        case .met: "met"
        case .onTrack: "on-track"
        case .behind: "behind"
        case .unavailable: "unavailable"
        default: "no-target"
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func time(_ ms: Int64) -> String {
        guard ms > 0 else { return "—" }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        return formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    static let style = """
    body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d2733;background:#f6f7f9}
    h1{font-size:1.4rem}.meta{color:#555}
    .sources{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap;font-size:.85rem}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:1rem}
    .card{background:#fff;border-radius:8px;padding:1rem;border-left:6px solid #999}
    .card h2{font-size:1rem;margin:0 0 .4rem}.card small{color:#666;font-weight:normal}
    .value{font-size:1.8rem;margin:.2rem 0}
    .bar{background:#e4e7eb;height:10px;border-radius:5px;overflow:hidden}.bar span{display:block;height:100%;background:#2f7d32}
    .met{border-color:#2f7d32}.on-track{border-color:#1565c0}.behind{border-color:#c62828}.unavailable{border-color:#9e9e9e;color:#757575}
    .behind .bar span{background:#c62828}.on-track .bar span{background:#1565c0}
    .reason{font-size:.85rem;color:#757575}
    .chart{width:100%;height:120px}.chart .series{fill:none;stroke:#1565c0;stroke-width:2}
    .chart .target{stroke:#c62828;stroke-dasharray:4 3}.chart circle{fill:#1565c0}
    .chart.dated{height:140px}.chart .deadline{stroke:#757575;stroke-dasharray:2 3}.chart .axis{stroke:#c5cbd3}
    .chart .gap{fill:#9e9e9e}.chart text{font-size:9px;fill:#555}
    table{border-collapse:collapse;margin-top:1rem;background:#fff}th,td{padding:.35rem .6rem;border-bottom:1px solid #e4e7eb;text-align:right}
    td.met{color:#2f7d32}td.behind{color:#c62828}
    .plan{margin:.5rem 0;padding:.4rem .6rem;background:#f3f5f8;border-radius:6px;font-size:.85rem}
    .plan h3{font-size:.85rem;margin:0 0 .2rem}.plan ul{margin:0;padding-left:1.1rem}.plan .verdict{margin:.2rem 0 0;font-weight:600}
    .plan-ok .verdict{color:#2f7d32}.plan-short .verdict{color:#c62828}.plan-unknown .verdict{color:#757575}
    .lang{float:right;margin:0}
    """
}
