import Foundation
import JCSkillsProtocol

/// The dashboard's one page: the city's indicators as progress bars against target and
/// deadline, a table per county, and a chart per indicator. Self-contained HTML (the city
/// network has no internet): inline CSS and SVG, nothing fetched.
struct DashboardPage {
    let totals: Totals
    let series: [String: [IndicatorHistory.Point]]

    func render() -> String {
        var html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>晋城市 人人持证 · Jincheng skills indicators</title>
        <style>\(Self.style)</style></head><body>
        <h1>人人持证、技能社会 · Jincheng skills plan</h1>
        <p class="meta">As of \(IndicatorValue.isoDate(totals.asOf)) · year \(totals.year) · generated \(Self.time(totals.generatedMs))\(totals.partial ? " · <strong class=\"unavailable\">partial: some sources did not answer</strong>" : "")</p>
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
            source.available
                ? "<li class=\"ok\">\(Self.escape(source.service)): answered in \(source.latencyMicros / 1000) ms</li>"
                : "<li class=\"unavailable\">\(Self.escape(source.service)): \(Self.escape(source.reason))</li>"
        }
        return "<ul class=\"sources\">\(items.joined())</ul>"
    }

    private func card(_ indicator: IndicatorValue) -> String {
        let status = Self.statusClass(indicator.status)
        var html = "<article class=\"card \(status)\" id=\"\(Self.escape(indicator.key))\">"
        html += "<h2>\(Self.escape(indicator.nameZh)) <small>\(Self.escape(indicator.nameEn))</small></h2>"
        if indicator.status == .unavailable {
            html += "<p class=\"value\">—</p><p class=\"reason\">unavailable: \(Self.escape(indicator.reason))</p>"
            if indicator.hasLastKnown {
                html += "<p class=\"reason\">last known \(indicator.displayLastKnown) at \(Self.time(indicator.lastKnownTimeMs))</p>"
            }
        } else {
            html += "<p class=\"value\" data-key=\"\(Self.escape(indicator.key))\">\(indicator.displayValue)</p>"
            if indicator.hasTarget {
                let percent = min(100, max(0, indicator.progress * 100))
                html += "<div class=\"bar\" title=\"\(Int(percent))% of the way from baseline to target\"><span style=\"width:\(Int(percent))%\"></span></div>"
                html += "<p>target \(indicator.displayTarget)\(indicator.deadline > 0 ? " by \(IndicatorValue.isoDate(indicator.deadline))" : "") · <span class=\"status\">\(indicator.status)</span></p>"
            } else {
                html += "<p><span class=\"status\">\(indicator.status)</span></p>"
            }
        }
        html += chart(indicator)
        return html + "</article>"
    }

    private func chart(_ indicator: IndicatorValue) -> String {
        let points = (series[indicator.key] ?? []).map { SVGChart.Point(atMs: $0.atMs, value: $0.value) }
        var baseline: SVGChart.Point?
        if indicator.hasTarget, indicator.baselineDate > 0, let date = CalendarDate(yyyymmdd: indicator.baselineDate) {
            baseline = SVGChart.Point(atMs: date.startUnixMilliseconds(), value: indicator.baseline)
        }
        let deadline = CalendarDate(yyyymmdd: indicator.deadline).map { $0.startUnixMilliseconds() }
        return SVGChart(points: points, baseline: baseline, target: indicator.hasTarget ? indicator.target : nil, deadlineMs: deadline)
            .render(label: Self.escape(indicator.nameEn))
    }

    private func countyTable() -> String {
        guard !totals.counties.isEmpty else { return "" }
        var html = "<h2>By county</h2><table><thead><tr><th>indicator</th>"
        for county in totals.counties {
            let name = JinchengDivisions.county(code: county.county)?.chineseName ?? String(county.county)
            html += "<th>\(Self.escape(name))</th>"
        }
        html += "<th>city</th></tr></thead><tbody>"
        for (row, indicator) in totals.scope.indicators.enumerated() {
            html += "<tr><th>\(Self.escape(indicator.nameZh))</th>"
            for county in totals.counties where row < county.indicators.count {
                let cell = county.indicators[row]
                html += cell.status == .unavailable
                    ? "<td class=\"unavailable\" title=\"\(Self.escape(cell.reason))\">—</td>"
                    : "<td class=\"\(Self.statusClass(cell.status))\">\(cell.displayValue)</td>"
            }
            html += "<td>\(indicator.status == .unavailable ? "—" : indicator.displayValue)</td></tr>"
        }
        return html + "</tbody></table>"
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
    table{border-collapse:collapse;margin-top:1rem;background:#fff}th,td{padding:.35rem .6rem;border-bottom:1px solid #e4e7eb;text-align:right}
    td.met{color:#2f7d32}td.behind{color:#c62828}
    """
}
