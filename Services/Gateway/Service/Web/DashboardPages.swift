import Foundation
import HTTPTypes
import Hummingbird
import JCSkillsMessages
import JCSkillsProtocol

struct DashboardRequest: Sendable {
    var method: String
    var uri: String
    var authorization: String?
    var hasClientCertificate: Bool
    /// Who the certificate names, for the `/quality` page's county (DashboardIdentity.swift).
    var clientIdentity: DashboardClientIdentity? = nil
    /// The browser's `Accept-Language`, which chooses the page's language when `?lang=` does not.
    var acceptLanguage: String? = nil
}

/// One whole answer of the dashboard; ``DashboardServer`` adds the security headers.
struct DashboardResponse: Sendable {
    var status: HTTPResponse.Status
    var contentType: String
    var body: [UInt8]

    static func text(_ status: HTTPResponse.Status, _ text: String) -> DashboardResponse {
        DashboardResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }
}

/// What the dashboard answers: the page for those let in, a plain refusal for the rest.
struct DashboardPages: Sendable {
    let engine: TotalsEngine
    let history: IndicatorHistory
    let token: String?
    /// The `/quality` page, where the gateway has a registry to ask (QualityRoute.swift).
    var quality: QualityRoute? = nil
    /// The dated series the charts draw once the refresher has built one (PlanSeriesRefresher.swift).
    var planSeries: LatestPlanSeries? = nil

    func respond(to request: DashboardRequest) async -> DashboardResponse {
        let parts = request.uri.split(separator: "?", maxSplits: 1)
        let path = parts.first.map(String.init) ?? "/"
        let query = parts.count > 1 ? String(parts[1]) : ""
        let language = DashboardLanguage.choose(query: query, acceptLanguage: request.acceptLanguage)
        func say(_ message: Message) -> String { message.text(in: language) + "\n" }
        guard request.method == "GET" else { return .text(.methodNotAllowed, say(Messages.Dashboard.readOnly)) }
        if path == "/healthz" { return .text(.ok, "ok\n") }
        guard mayEnter(request, query: query) else {
            return .text(.unauthorized, say(Messages.Dashboard.enter))
        }
        if path == "/quality", let quality { return await quality.respond(to: request, query: query) }
        guard path == "/" else { return .text(.notFound, say(Messages.Dashboard.notFound)) }
        do {
            let totals = try await engine.totals(TotalsRequest(county: TotalsRequest.everyCounty), language: language)
            var series: [String: [IndicatorHistory.Point]] = [:]
            for indicator in totals.scope.indicators {
                series[indicator.key] = (try? await history.series(indicator.key)) ?? []
            }
            let html = DashboardPage(totals: totals, series: series, dated: planSeries?.current, language: language, query: query).render()
            return DashboardResponse(status: .ok, contentType: "text/html; charset=utf-8", body: Array(html.utf8))
        } catch {
            return .text(.serviceUnavailable, say(Messages.Dashboard.totalsFailed("\(error)")))
        }
    }

    private func mayEnter(_ request: DashboardRequest, query: String) -> Bool {
        if request.hasClientCertificate { return true }
        guard let token, !token.isEmpty else { return false }
        var offered: [String] = []
        if let authorization = request.authorization, authorization.hasPrefix("Bearer ") {
            offered.append(String(authorization.dropFirst("Bearer ".count)))
        }
        for pair in query.split(separator: "&") where pair.hasPrefix("token=") {
            offered.append(String(pair.dropFirst("token=".count)).removingPercentEncoding ?? "")
        }
        return offered.contains { Self.constantTimeEqual($0, token) }
    }

    /// Compares without stopping at the first difference, so timing does not reveal the token.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}
