import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import NIOPosix
import Testing
@testable import GatewayService

@Suite("Gateway: a source down, hanging or refusing never costs the whole answer")
struct GatewayFailureTests {
    @Test
    func aStoppedSourceMakesOnlyItsIndicatorsUnavailable() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            let expected = try await SeededCity.seed(harness)
            let dead = try await DeadPort.make()
            try await GatewayHarness.with(registry: harness.registry, evaluation: dead) { gateway, _ in
                try await withTestClient(gateway, as: "admin") { client in
                    let started = ContinuousClock.now
                    let totals = try await client.unary(GatewayService.totals, TotalsRequest(), options: CallOptions(timeout: .seconds(2)))
                    #expect(ContinuousClock.now - started < .seconds(2))
                    #expect(totals.partial)
                    let evaluation = try #require(totals.sources.first { $0.service == "evaluation" })
                    #expect(!evaluation.available && evaluation.reason.contains("unavailable"))
                    for key in ["skilled_workers", "high_skill_talent", "new_skilled_workers", "evaluation_institutions", "certified_share"] {
                        #expect(totals.indicator(key)?.status == .unavailable, "\(key)")
                        #expect(totals.indicator(key)?.reason.hasPrefix("evaluation:") == true, "\(key)")
                    }
                    #expect(totals.indicator("labour_registered")?.value == Double(expected.city(expected.registered)))
                    #expect(totals.indicator("labour_registered")?.status != .unavailable)
                }
                // Asked in Chinese, the reasons are Chinese; the Chinese page shows them so.
                let chinese = try await withTestClient(gateway, as: "admin", configure: {
                    $0.metadata = [MetadataEntry(MetadataKey.acceptLanguage, "zh")]
                }) { client in
                    try await client.unary(GatewayService.totals, TotalsRequest(), options: CallOptions(timeout: .seconds(2)))
                }
                let evaluation = try #require(chinese.sources.first { $0.service == "evaluation" })
                #expect(evaluation.reason.hasPrefix("不可用："), "\(evaluation.reason)")
                #expect(chinese.indicator("skilled_workers")?.reason.hasPrefix("技能评价：不可用：") == true)
                let page = DashboardPage(totals: chinese, series: [:]).render()
                #expect(page.contains("<li class=\"unavailable\">技能评价：不可用："), "\(page)")
                #expect(page.contains("<p class=\"reason\">无法获取：技能评价：不可用："), "\(page)")
            }
        }
    }

    @Test
    func aHangingSourceDoesNotDelayTheAnswerPastTheDeadline() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            try await HangingServer.with { hanging in
                try await GatewayHarness.with(registry: harness.registry, evaluation: hanging) { gateway, _ in
                    try await withTestClient(gateway, as: "admin") { client in
                        let deadline = CallOptions(timeout: .milliseconds(1500))
                        // The first answer also opens the connections; the second is timed.
                        _ = try await client.unary(GatewayService.totals, TotalsRequest(fresh: true), options: CallOptions(timeout: .seconds(5)))
                        let started = ContinuousClock.now
                        let totals = try await client.unary(GatewayService.totals, TotalsRequest(fresh: true), options: deadline)
                        let took = ContinuousClock.now - started
                        #expect(took < .milliseconds(1500), "answered in \(took)")
                        #expect(totals.partial)
                        #expect(totals.indicator("skilled_workers")?.status == .unavailable)
                        #expect(totals.indicator("labour_registered")?.status != .unavailable)
                    }
                }
            }
        }
    }

    @Test
    func theGatewayIdentityReadsAggregatesOnly() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            _ = try await SeededCity.seed(harness)
            let id = TestIDs.make(birth: "19900101", sequence: 100)
            try await withTestClient(harness.registry, as: "gateway") { registry in
                _ = try await registry.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true))
                await expectDenied { _ = try await registry.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19910101", sequence: 3))) }
                await expectDenied { _ = try await registry.unary(RegistryService.getPerson, PersonLookup(idNumber: id)) }
                await expectDenied { _ = try await registry.unary(RegistryService.verifyPerson, PersonLookup(idNumber: id)) }
                await expectDenied {
                    _ = try await registry.serverStreaming(RegistryService.exportPersons, ExportRequest()) { stream in
                        for try await _ in stream {}
                    }
                }
            }
            try await withTestClient(harness.evaluation, as: "gateway") { evaluation in
                _ = try await evaluation.unary(EvaluationService.counts, CountsRequest(asOf: 20261101))
                await expectDenied {
                    _ = try await evaluation.unary(EvaluationService.issueCertificate, .sample(
                        institution: "CITY-1", level: .level4, id: id, county: 140502, issuedOn: 20260601))
                }
            }
        }
    }

    @Test
    func anUnknownCountyOrDateIsRefusedClearly() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation) { gateway, _ in
                try await withTestClient(gateway, as: "admin") { client in
                    let county = await #expect(throws: RPCError.self) {
                        _ = try await client.unary(GatewayService.totals, TotalsRequest(county: 110101))
                    }
                    #expect(county?.code == .invalidArgument)
                    let date = await #expect(throws: RPCError.self) {
                        _ = try await client.unary(GatewayService.totals, TotalsRequest(asOf: 20211340))
                    }
                    #expect(date?.code == .invalidArgument)
                }
            }
        }
    }

    private func expectDenied(_ body: () async throws -> Void) async {
        let error = await #expect(throws: RPCError.self) { try await body() }
        #expect(error?.code == .permissionDenied)
    }
}

/// A port nothing listens on (bound, then closed).
enum DeadPort {
    static func make() async throws -> Endpoint {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress!.port!
        try await channel.close()
        return Endpoint(host: "127.0.0.1", port: port)
    }
}

/// Accepts TCP connections and never says a word: neither TLS nor frames.
enum HangingServer {
    static func with<T: Sendable>(_ body: (Endpoint) async throws -> T) async throws -> T {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelOption(.autoRead, value: false)
            .bind(host: "127.0.0.1", port: 0).get()
        let endpoint = Endpoint(host: "127.0.0.1", port: channel.localAddress!.port!)
        do {
            let result = try await body(endpoint)
            try await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }
}
