import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOSSL
import Testing
@testable import GatewayService

@Suite("Gateway: totals from the real registry and evaluation services")
struct GatewayTotalsTests {
    @Test(arguments: TestDatabases.backends)
    func totalsEqualTheSeededNumbersAndCountiesAddUp(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            let expected = try await SeededCity.seed(harness)
            try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation) { gateway, _ in
                try await withTestClient(gateway, as: "admin") { client in
                    let totals = try await client.unary(GatewayService.totals, TotalsRequest(county: TotalsRequest.everyCounty))
                    #expect(!totals.partial)
                    #expect(totals.asOf == EvaluationHarness.today)
                    #expect(totals.year == 2026)
                    #expect(totals.sources.map(\.service) == ["evaluation", "registry"])
                    #expect(totals.sources.allSatisfy { $0.available })

                    let measured: [(String, [Int32: Int])] = [
                        ("labour_registered", expected.registered), ("skilled_workers", expected.skilled),
                        ("high_skill_talent", expected.highSkill), ("new_skilled_workers", expected.newIn2026),
                        ("enterprises_lacking_body", expected.lackingBody),
                    ]
                    for (key, perCounty) in measured {
                        #expect(totals.indicator(key)?.value == Double(expected.city(perCounty)), "\(key), city")
                        for county in JinchengDivisions.countyCodes {
                            #expect(totals.indicator(key, county: county)?.value == Double(perCounty[county] ?? 0), "\(key), \(county)")
                        }
                        let sum = totals.counties.compactMap { $0.indicators.first { $0.key == key }?.value }.reduce(0, +)
                        #expect(sum == totals.indicator(key)?.value, "\(key): the counties add up to the city")
                    }
                    #expect(totals.indicator("evaluation_institutions")?.value == Double(expected.institutions))
                    let share = 100 * Double(expected.city(expected.skilled)) / Double(expected.city(expected.registered))
                    #expect(abs((totals.indicator("certified_share")?.value ?? 0) - share) < 1e-9)

                    // The plan's judgement: 2026 is past the 2021 deadline, so unmet targets are behind.
                    let skilled = try #require(totals.indicator("skilled_workers"))
                    #expect(skilled.target == 400_000 && skilled.baseline == 284_000 && skilled.status == .behind)
                    #expect(totals.indicator("skilled_workers", county: 140524)?.hasTarget == false)
                    #expect(totals.indicator("enterprises_lacking_body", county: 140525)?.status == .met)
                    #expect(totals.indicator("enterprises_lacking_body", county: 140524)?.status == .behind)
                }
            }
        }
    }

    @Test
    func asOfAPastDateCountsWhatWasValidThen() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            let expected = try await SeededCity.seed(harness)
            try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation) { gateway, _ in
                try await withTestClient(gateway, as: "admin") { client in
                    let totals = try await client.unary(GatewayService.totals, TotalsRequest(asOf: 20211231))
                    // Only the first person of each county held a certificate at the end of 2021.
                    #expect(totals.indicator("skilled_workers")?.value == Double(JinchengDivisions.countyCodes.count))
                    #expect(totals.indicator("high_skill_talent")?.value == 0)
                    #expect(totals.indicator("new_skilled_workers")?.value == Double(JinchengDivisions.countyCodes.count))
                    // Everyone was registered on 2020-09-15.
                    #expect(totals.indicator("labour_registered")?.value == Double(expected.city(expected.registered)))
                    #expect(!totals.partial)
                }
            }
        }
    }

    @Test
    func watchDeliversAChangeAfterANewCertificate() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            _ = try await SeededCity.seed(harness)
            try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation) { gateway, _ in
                try await withTestClient(gateway, as: "admin") { client in
                    var request = WatchRequest()
                    request.intervalMs = 100
                    let seen = try await client.serverStreaming(GatewayService.watch, request, options: CallOptions(timeout: .seconds(20))) { stream in
                        var values: [Double] = []
                        for try await totals in stream {
                            // A source slower than the watch's short budget (a busy machine)
                            // makes a partial answer; only complete ones are compared.
                            guard !totals.partial else { continue }
                            values.append(totals.indicator("skilled_workers")?.value ?? -1)
                            if values.count == 1 {
                                try await harness.client { evaluation in
                                    _ = try await evaluation.unary(EvaluationService.issueCertificate, .sample(
                                        institution: "CITY-1", occupation: SeededCity.welder, level: .level4,
                                        id: TestIDs.make(birth: "19950505", sequence: 7), county: 140522, issuedOn: 20260601))
                                }
                            } else if values.last != values.first {
                                break
                            }
                        }
                        return values
                    }
                    #expect(seen.count >= 2)
                    #expect(seen.last == seen.first.map { $0 + 1 })
                }
            }
        }
    }

    @Test
    func theDashboardShowsTheValuesTotalsReturns() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            _ = try await SeededCity.seed(harness)
            let history = try await DashboardTestStore.history()
            try await GatewayHarness.with(
                registry: harness.registry, evaluation: harness.evaluation, cache: .seconds(60), history: history.history
            ) { gateway, service in
                // A fresh answer about the city today is a point on the charts.
                let totals = try await withTestClient(gateway, as: "admin") { client in
                    try await client.unary(GatewayService.totals, TotalsRequest(county: TotalsRequest.everyCounty))
                }
                #expect(try await history.history.series("skilled_workers").map(\.value) == [totals.indicator("skilled_workers")?.value])
                let dashboard = try DashboardServer(
                    options: DashboardOptions(token: "s3cret-token"), tls: TestPKI.shared.files("gateway"),
                    engine: service.engine, history: history.history, catalogue: .plan, logger: .init(label: "test"))
                // The reasons a value is missing as a caller reading Chinese gets them, and the page shows them.
                let chinese = try await withTestClient(gateway, as: "admin", configure: {
                    $0.metadata = [MetadataEntry(MetadataKey.acceptLanguage, "zh")]
                }) { client in
                    try await client.unary(GatewayService.totals, TotalsRequest(county: TotalsRequest.everyCounty))
                }
                try await HTTPPort.serving(dashboard, clientTLS: try DashboardTestStore.tls(clientIdentity: "auditor")) { server in
                    let port = server.port
                    // Chinese by default (DashboardLanguageTests has the English page).
                    let page = try await server.get("/")
                    #expect(page.hasPrefix("HTTP/1.0 200"))
                    for (indicator, inChinese) in zip(totals.scope.indicators, chinese.scope.indicators) {
                        if indicator.status == .unavailable {
                            // No training or competition service here: their indicators say why they have no value.
                            #expect(inChinese.reason != indicator.reason, "\(indicator.key): \(inChinese.reason)")
                            #expect(page.contains("<p class=\"reason\">无法获取：\(inChinese.reason)</p>"), "\(indicator.key)")
                        } else {
                            #expect(page.contains("data-key=\"\(indicator.key)\">\(indicator.displayValue)<"), "\(indicator.key)")
                        }
                    }
                    #expect(totals.scope.indicators.filter { $0.status == .unavailable }.allSatisfy { ["training", "competition"].contains($0.source) })
                    #expect(page.contains("<svg") && page.contains("<circle"))
                    #expect(!page.contains("<script"))
                    // The security headers.
                    #expect(page.contains("Cache-Control: no-store\r\n"))
                    #expect(page.contains("Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:\r\n"))
                    #expect(page.contains("X-Content-Type-Options: nosniff\r\n"))
                    // No certificate: only the token gets in.
                    let anonymous = try DashboardTestStore.tls(clientIdentity: nil)
                    #expect(try await httpGet(port: port, path: "/", tls: anonymous).hasPrefix("HTTP/1.0 401"))
                    #expect(try await httpGet(port: port, path: "/?token=wrong", tls: anonymous).hasPrefix("HTTP/1.0 401"))
                    #expect(try await httpGet(port: port, path: "/?token=s3cret-token", tls: anonymous).hasPrefix("HTTP/1.0 200"))
                    #expect(try await httpGet(port: port, path: "/", tls: anonymous, headers: ["Authorization: Bearer s3cret-token"]).hasPrefix("HTTP/1.0 200"))
                }
            }
            await history.close()
        }
    }
}
