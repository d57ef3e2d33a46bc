import JCSkillsProtocol
import JCSkillsRPC

/// The gateway's mix: the city's totals, a county's, and the breakdown by every county. By
/// default every call skips the gateway's cache (`fresh`), so each answer is a real fan-out to
/// the sources — the figure the gateway's speed target is set for (BENCHMARKS.md, "Gateway at
/// city scale": ≥ 2,000 answers/s, p99 ≤ 50 ms at 64 outstanding); `--cached` measures the
/// cache instead.
/// Default weights: city 80, county 15, all counties 5.
public struct GatewayWorkload: Workload {
    public let name = "gateway"
    public let fresh: Bool

    public init(fresh: Bool = true) {
        self.fresh = fresh
    }

    public var label: String { "gateway (Totals: city, county, every county; \(fresh ? "no cache" : "cache allowed"))" }

    public func setUp(_ client: RPCClient) async throws {
        // One answer first: a gateway whose sources are down should fail the run now, clearly.
        let totals = try await client.unary(GatewayService.totals, TotalsRequest(fresh: true))
        if totals.partial {
            let missing = totals.sources.filter { !$0.available }.map { "\($0.service): \($0.reason)" }
            throw RPCError(.unavailable, "the gateway's answer is partial — \(missing.joined(separator: "; "))")
        }
    }

    public var operations: [LoadOperation] {
        let fresh = self.fresh
        let counties = JinchengDivisions.countyCodes
        return [
            LoadOperation("city", weight: 80) { client, _ in
                try Self.check(try await client.unary(GatewayService.totals, TotalsRequest(fresh: fresh)))
            },
            LoadOperation("county", weight: 15) { client, sequence in
                try Self.check(try await client.unary(GatewayService.totals, TotalsRequest(county: counties[sequence % counties.count], fresh: fresh)))
            },
            LoadOperation("all-counties", weight: 5) { client, _ in
                try Self.check(try await client.unary(GatewayService.totals, TotalsRequest(county: TotalsRequest.everyCounty, fresh: fresh)))
            },
        ]
    }

    /// A partial answer is an error for a load run: some source missed its deadline.
    static func check(_ totals: Totals) throws {
        if totals.partial {
            let reason = totals.sources.first { !$0.available }?.reason ?? "a source did not answer"
            throw RPCError(.deadlineExceeded, "partial answer: \(reason)")
        }
    }
}
