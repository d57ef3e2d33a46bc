import Foundation
import JCSkillsMessages
import JCSkillsProtocol

/// The `/quality` page: the registry's data-quality report of one county or the city as
/// tables, in the caller's language. Self-contained HTML like the indicators page: inline CSS,
/// nothing fetched, no scripts.
struct QualityPage {
    let report: QualityReport
    let language: Language
    /// Whether the caller may switch county (the city office, the token).
    let mayPick: Bool
    /// The token the page was opened with, kept in its links.
    let token: String?

    private typealias Words = Messages.Quality

    func render() -> String {
        let scope = scopeName(report.county)
        var html = """
        <!doctype html>
        <html lang="\(language == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(word(Words.pageTitle)))</title>
        <style>\(Self.style)</style></head><body>
        <h1 data-county="\(report.county)">\(escape(word(Words.title(scope))))</h1>
        <p class="meta">\(escape(word(Words.asOf(Self.time(report.asOf))))) · <a href="\(link(county: nil, path: "/"))">\(escape(word(Words.backToIndicators)))</a></p>
        """
        if mayPick { html += picker() }
        html += "<h2>\(escape(word(Words.summary)))</h2>"
        let share = report.estimatedLabourForce == 0 ? "" : " (\(Self.percent(report.registered, of: report.estimatedLabourForce)))"
        html += table(nil, [
            [word(Words.registered), "\(report.registered)\(share)"],
            [word(Words.estimatedLabourForce), "\(report.estimatedLabourForce)"],
            [word(Words.pastAgeActive), "\(report.pastAgeActive)"],
            [word(Words.missingPhone), "\(report.missingPhone)"],
            [word(Words.duplicateRegistrations), "\(report.duplicateRegistrations)"],
        ], id: "summary")
        html += "<h2>\(escape(word(Words.imports)))</h2>"
        html += table([Words.kind, Words.when, Words.importedBy, Words.received, Words.accepted, Words.alreadyRegistered, Words.rejected,
                       Words.whyRejected].map(word),
                      report.imports.map { entry in
                          [kindName(entry.kind), Self.time(entry.atMs), entry.principal, "\(entry.received)", "\(entry.accepted)",
                           "\(entry.alreadyRegistered)", "\(entry.rejected)",
                           entry.rejections.map { "\(reasonName($0.reason)) \($0.rows)" }.joined(separator: "; ")]
                      }, id: "imports")
        html += "<h2>\(escape(word(Words.rejections)))</h2>"
        html += table([Words.kind, Words.reason, Words.rows].map(word),
                      report.rejections.map { [kindName($0.kind), reasonName($0.reason), "\($0.rows)"] },
                      id: "rejections")
        html += "<h2>\(escape(word(Words.coverage)))</h2>"
        html += table([Words.category, Words.gender, Words.ageBand, Words.registeredColumn].map(word),
                      report.coverage.map { cell in
                          [Words.categoryName(number: cell.category.rawValue).map(word) ?? "\(cell.category.rawValue)",
                           genderName(cell.gender), AgeBand.label(Int(cell.ageBand)), "\(cell.registered)"]
                      }, id: "coverage")
        html += "<h2>\(escape(word(Words.expected)))</h2>"
        html += table([Words.gender, Words.ageBand, Words.registeredColumn, Words.expectedColumn, Words.share].map(word),
                      report.expected.map { cell in
                          [genderName(cell.gender), AgeBand.label(Int(cell.ageBand)), "\(cell.registered)", "\(cell.expected)",
                           Self.percent(cell.registered, of: cell.expected)]
                      }, id: "expected")
        return html + "</body></html>\n"
    }

    private func word(_ message: Message) -> String { message.text(in: language) }

    private func scopeName(_ county: Int32) -> String {
        guard county != 0 else { return word(Messages.Common.city) }
        return (JinchengDivisions.standard.division(code: county)?.chineseName ?? "") + "（\(county)）"
    }

    private func kindName(_ kind: String) -> String { Words.kindName(kind).map(word) ?? kind }
    private func reasonName(_ code: String) -> String { Words.reasonName(code).map(word) ?? code }
    private func genderName(_ gender: Gender) -> String { Words.genderName(number: gender.rawValue).map(word) ?? "\(gender.rawValue)" }

    /// Links to the city and every county, by their Chinese names.
    private func picker() -> String {
        var items = ["<a href=\"\(link(county: 0))\">\(escape(word(Messages.Common.city)))</a>"]
        for division in JinchengDivisions.counties {
            items.append("<a href=\"\(link(county: division.code))\">\(escape(division.chineseName))</a>")
        }
        return "<p class=\"picker\">\(escape(word(Words.chooseCounty)))\(items.joined(separator: " · "))</p>"
    }

    private func link(county: Int32?, path: String = "/quality") -> String {
        var parameters: [String] = []
        if let county, county != 0 { parameters.append("county=\(county)") }
        if language == .en { parameters.append("lang=en") }
        if let token, let encoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
            parameters.append("token=\(encoded)")
        }
        return escape(path + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")))
    }

    private func table(_ header: [String]?, _ rows: [[String]], id: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"none\" id=\"\(id)\">\(escape(word(Words.none)))</p>" }
        var html = "<table id=\"\(id)\">"
        if let header { html += "<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>" }
        for row in rows { html += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
        return html + "</table>"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func percent(_ part: UInt64, of whole: UInt64) -> String {
        whole == 0 ? "—" : String(format: "%.1f%%", Double(part) / Double(whole) * 100)
    }

    /// Beijing time, to the minute.
    static func time(_ ms: Int64) -> String {
        guard ms > 0, let day = CalendarDate(unixMilliseconds: ms) else { return "—" }
        let minutes = (ms / 1000 + 8 * 3600) % 86_400 / 60
        return day.isoString + String(format: " %02d:%02d", minutes / 60, minutes % 60)
    }

    static let style = """
    body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d2733;background:#f6f7f9}
    h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}.meta,.picker{color:#555}
    table{border-collapse:collapse;background:#fff}th,td{border:1px solid #d5dae1;padding:.25rem .6rem;text-align:left}
    td:not(:first-child){font-variant-numeric:tabular-nums}
    """
}
