import JCSkillsProtocol
import JCSkillsTestSupport
import Testing
@testable import GatewayService

/// The dashboard speaks Chinese unless asked for English (`?lang=en`, or a browser that
/// prefers it), with the planning aid beside each planned indicator in either language.
@Suite("Gateway: the dashboard's language")
struct DashboardLanguageTests {
    @Test
    func theQueryThenTheBrowsersPreferenceChoose() {
        #expect(DashboardLanguage.choose(query: "", acceptLanguage: nil) == .zh)
        #expect(DashboardLanguage.choose(query: "token=x&lang=en", acceptLanguage: nil) == .en)
        #expect(DashboardLanguage.choose(query: "lang=zh", acceptLanguage: "en-US,en;q=0.9") == .zh)
        #expect(DashboardLanguage.choose(query: "", acceptLanguage: "en-US,en;q=0.9,zh-CN;q=0.8") == .en)
        #expect(DashboardLanguage.choose(query: "", acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8") == .zh)
        #expect(DashboardLanguage.choose(query: "", acceptLanguage: "fr-FR, en;q=0.5") == .en)
        #expect(DashboardLanguage.choose(query: "", acceptLanguage: "zh;q=0.4, en;q=0.7") == .en)
        #expect(DashboardLanguage.choose(query: "", acceptLanguage: "en;q=0, de") == .zh)
        #expect(DashboardLanguage.choose(query: "lang=fr", acceptLanguage: "de") == .zh)
        #expect(DashboardLanguage.switchQuery("token=abc&lang=zh", to: .en) == "?token=abc&lang=en")
    }

    /// What a reader sees: the page without its style sheet and markup.
    static func visibleText(_ page: String) -> String {
        page.replacing(/<style>.*?<\/style>/.dotMatchesNewlines(), with: " ").replacing(/<[^>]*>/, with: " ")
    }

    @Test
    func thePageIsChineseByDefaultAndEnglishWhenAsked() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            _ = try await SeededCity.seed(harness)
            let history = try await DashboardTestStore.history()
            try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation, history: history.history) { _, service in
                let dashboard = try DashboardServer(
                    options: DashboardOptions(), tls: TestPKI.shared.files("gateway"),
                    engine: service.engine, history: history.history, catalogue: .plan, logger: .init(label: "test"))
                try await HTTPPort.serving(dashboard, clientTLS: try DashboardTestStore.tls(clientIdentity: "auditor")) { server in
                    let chinese = try await server.get("/")
                    #expect(chinese.hasPrefix("HTTP/1.0 200"))
                    #expect(chinese.contains("<html lang=\"zh-CN\">"))
                    for label in ["人人持证、技能社会", "技能劳动者总量", "目标 400,000，期限 2021-12-31", "进度滞后", "规划", "已过期限", "分县（市、区）", "全市"] {
                        #expect(chinese.contains(label), "\(label)")
                    }
                    for county in JinchengDivisions.countyCodes {
                        #expect(chinese.contains("<th>\(JinchengDivisions.county(code: county)!.chineseName)</th>"), "\(county)")
                    }
                    let shown = Self.visibleText(chinese)
                    for english in ["behind", "on track", "target", "By county", "Skilled workers", "As of", "unavailable", "Plan"] {
                        #expect(!shown.contains(english), "\(english) on the Chinese page")
                    }
                    #expect(chinese.contains("data-plan=\"skilled_workers\""))

                    let english = try await server.get("/?lang=en")
                    #expect(english.contains("<html lang=\"en\">"))
                    for label in ["Skilled workers", "target 400,000 by 2021-12-31", "behind", "Plan", "deadline passed", "By county", "Chengqu"] {
                        #expect(english.contains(label), "\(label)")
                    }
                    #expect(!english.contains("技能劳动者总量") && !english.contains("进度滞后"))
                    #expect(english.contains("data-plan=\"skilled_workers\""))
                    // A link back to the other language, keeping the rest of the query.
                    #expect(english.contains("href=\"?lang=zh\"") && chinese.contains("href=\"?lang=en\""))

                    let preferred = try await server.get("/", headers: ["Accept-Language: en-GB,en;q=0.9,zh;q=0.5"])
                    #expect(preferred.contains("<html lang=\"en\">"))
                }
            }
            await history.close()
        }
    }
}
