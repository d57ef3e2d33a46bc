import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import GatewayService

/// The built `jcskills totals` against a gateway over real sources: the planning aid in the
/// table, in `--plan` and in `--json`, in Chinese by default and in English when asked.
@Suite("Gateway: jcskills totals shows the planning aid")
struct TotalsCommandTests {
    @Test
    func theCommandShowsThePlanInBothLanguagesAndInJSON() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            _ = try await SeededCity.seed(harness)
            try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation) { gateway, _ in
                let asOf = ["--as-of", "2026-06-30"]
                let answer = try await withTestClient(gateway, as: "admin") { client in
                    try await client.unary(GatewayService.totals, TotalsRequest(asOf: 20260630))
                }
                let skilled = try #require(answer.indicator("skilled_workers"))
                let newThisYear = try #require(answer.indicator("new_skilled_workers"))

                let english = try await runClientCommand("totals", asOf + ["--county", "all", "--plan"], endpoint: gateway)
                #expect(english.status == 0, "\(english.output)")
                for text in ["Planning aid", "needed per month", "Skilled workers", "deadline passed", "Chengqu",
                             IndicatorValue.formatRate(newThisYear.neededPerMonth, unit: "persons") + "/month"] {
                    #expect(english.output.contains(text), "\(text) in \(english.output)")
                }

                let chinese = try await Self.runInChinese(["totals"] + asOf, gateway: gateway)
                for text in ["晋城市 · 截至 2026-06-30 · 2026 年度", "技能劳动者总量", "进度滞后", "每月 所需/当前",
                             "— / " + IndicatorValue.formatRate(skilled.currentPerMonth, unit: "persons")] {
                    #expect(chinese.contains(text), "\(text) in \(chinese)")
                }
                #expect(!chinese.contains("behind") && !chinese.contains("Skilled workers"))

                let json = try jsonObject(try await runClientCommand("totals", asOf + ["--json"], endpoint: gateway).output)
                let indicators = try #require((json["city"] as? [String: Any])?["indicators"] as? [[String: Any]])
                let byKey = Dictionary(uniqueKeysWithValues: indicators.map { ($0["key"] as? String ?? "", $0) })
                let skilledJSON = try #require(byKey["skilled_workers"])
                #expect(skilledJSON["has_plan"] as? Bool == true && skilledJSON["deadline_passed"] as? Bool == true)
                #expect(skilledJSON["needed_per_month"] is NSNull && skilledJSON["verdict"] as? String == "deadline_passed")
                // JSON's decimal text may differ from the double in the last bit.
                #expect(abs((skilledJSON["current_per_month"] as? Double ?? -1) - skilled.currentPerMonth) < 1e-9)
                let newJSON = try #require(byKey["new_skilled_workers"])
                #expect(abs((newJSON["needed_per_month"] as? Double ?? -1) - newThisYear.neededPerMonth) < 1e-9)
                #expect(newJSON["window_days"] as? Int == 90)
                #expect(byKey["certified_share"]?["has_plan"] as? Bool == false)
            }
        }
    }

    /// `jcskills` in Chinese (`--lang zh`, whatever the machine's locale), as `runClientCommand`
    /// runs it in English.
    static func runInChinese(_ arguments: [String], gateway: Endpoint) async throws -> String {
        let home = try makeTemporaryDirectory("jcskills-totals-zh")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let process = try launch("jcskills", arguments + [
            "--endpoint", "127.0.0.1:\(gateway.port)", "--tls", TestPKI.shared.directory, "--as", "admin", "--lang", "zh",
        ], log: "\(home)/output")
        let status = await waitForExit(process, seconds: 60)
        if status == nil {
            process.terminate()
            process.waitUntilExit()
        }
        #expect(status == 0)
        return (try? String(contentsOfFile: "\(home)/output", encoding: .utf8)) ?? ""
    }
}
