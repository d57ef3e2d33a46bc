import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// The dashboard's `/quality` page (docs/QUALITY.md, "Who sees what"): a county office's
/// certificate sees its own county and no other; the token and every other identity from the
/// city's CA see the city and may pick a county with `?county=`. A certificate that names no
/// identity is not shown the page. Chinese unless `?lang=en` or the browser prefers English.
struct QualityRoute: Sendable {
    let reader: RegistryQualityReader

    func respond(to request: DashboardRequest, query: String) async -> DashboardResponse {
        let parameters = Self.parameters(query)
        // As the indicators page chooses: ?lang=, then the browser's preference, then Chinese.
        let language = DashboardLanguage.choose(query: query, acceptLanguage: request.acceptLanguage)
        var asked: Int32 = 0
        if let text = parameters["county"], !text.isEmpty {
            guard let code = Int32(text), JinchengDivisions.isJinchengCounty(code) else {
                return .text(.badRequest, "\(text): \(Messages.Quality.notACounty.text(in: language))\n")
            }
            asked = code
        }
        let county: Int32
        let mayPick: Bool
        if request.hasClientCertificate {
            guard let principal = request.clientIdentity?.principal, principal.kind != .unidentified else {
                return .text(.forbidden, Messages.Quality.noCertificateIdentity.text(in: language) + "\n")
            }
            if let own = principal.county {
                guard let code = Int32(own), asked == 0 || asked == code else {
                    return .text(.forbidden, Messages.Quality.notYourCounty(own).text(in: language) + "\n")
                }
                (county, mayPick) = (code, false)
            } else {
                (county, mayPick) = (asked, true)
            }
        } else {
            // Let in by the token (DashboardPages.mayEnter): the city office's view.
            (county, mayPick) = (asked, true)
        }
        do {
            let report = try await reader.report(county: county)
            let page = QualityPage(report: report, language: language, mayPick: mayPick, token: parameters["token"])
            return DashboardResponse(status: .ok, contentType: "text/html; charset=utf-8", body: Array(page.render().utf8))
        } catch {
            return .text(.serviceUnavailable, Messages.Quality.unavailable("\(error)").text(in: language) + "\n")
        }
    }

    /// `a=1&b=2`, percent-decoded; the last value of a name wins.
    static func parameters(_ query: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]).replacingOccurrences(of: "+", with: " ") : ""
            result[String(parts[0])] = value.removingPercentEncoding ?? value
        }
        return result
    }
}
