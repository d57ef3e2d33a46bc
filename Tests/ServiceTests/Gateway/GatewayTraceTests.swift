import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
import Tracing
@testable import GatewayService

@Suite("Gateway: one Totals call is one trace across the gateway and its sources")
struct GatewayTraceTests {
    /// The gateway, the registry and the evaluation service each trace with the same recording
    /// tracer (as three processes would each export to one collector): the caller's span, the
    /// gateway's server span, its calls to the sources and the sources' server spans must form
    /// one tree in one trace.
    @Test func oneTotalsCallProducesOneTraceSpanningTheGatewayAndItsSources() async throws {
        let tracer = RecordingTracer()
        try await TestTracing.$tracer.withValue(tracer) {
            try await EvaluationHarness.with(.sqlite) { harness in
                try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation) { gateway, _ in
                    try await withTestClient(gateway, as: "admin") { client in
                        let totals = try await client.unary(GatewayService.totals, TotalsRequest(county: TotalsRequest.everyCounty))
                        #expect(!totals.partial)
                        #expect(totals.sources.map(\.service) == ["evaluation", "registry"])
                    }
                }
            }
        }
        try await withTimeout(.seconds(10)) { await tracer.waitUntilQuiet() }
        let spans = tracer.finishedSpans

        #expect(Set(spans.map(\.traceID)).count == 1, "every span is in one trace")
        let roots = spans.filter { $0.parentID == nil }
        #expect(roots.count == 1)
        let caller = try #require(roots.first)
        #expect(caller.kind == .client && caller.name == GatewayService.totals.path)

        let gatewayServer = try #require(spans.first { $0.kind == .server && $0.name == GatewayService.totals.path })
        #expect(gatewayServer.parentID == caller.spanID)

        // One call a source for every scope on both dates (the every-county question).
        let fanOut = spans.filter { $0.kind == .client && $0.parentID == gatewayServer.spanID }
        #expect(fanOut.map(\.name).sorted() == [EvaluationService.batchCounts.path, RegistryService.batchStatistics.path])
        for call in fanOut {
            let served = spans.filter { $0.kind == .server && $0.parentID == call.spanID }
            #expect(served.count == 1, "\(call.name): one server span under the gateway's call")
            #expect(served.first?.name == call.name)
            #expect(served.first?.string("jcskills.principal") == "jcskills://gateway", "the source served the gateway")
        }

        // Nothing hangs loose: every span's parent is a span of this trace, and all succeeded.
        let ids = Set(spans.map(\.spanID))
        #expect(spans.allSatisfy { $0.parentID.map(ids.contains) ?? true })
        #expect(spans.allSatisfy { $0.int("rpc.jcskills.status_code") == 0 })
        #expect(spans.allSatisfy { $0.string("rpc.system") == "jcskills" })
    }
}
