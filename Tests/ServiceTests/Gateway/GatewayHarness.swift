import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
@testable import GatewayService

/// A gateway over real sources: its clients present the `gateway` identity, exactly as in
/// production, to whatever endpoints the test gives (live services, a dead port, a hang).
enum GatewayHarness {
    static func sourceClient(_ endpoint: Endpoint) throws -> RPCClient {
        var configuration = ClientConfiguration(tls: TestPKI.shared.files("gateway"))
        configuration.defaultTimeout = .seconds(5)
        configuration.tracer = TestTracing.tracer
        return try RPCClient(endpoints: [endpoint], configuration: configuration, group: TestLoops.group)
    }

    /// Runs a gateway on 127.0.0.1 reading `registry` and `evaluation` (and `training` and
    /// `competition` when given); `body` gets its endpoint and the service (for the dashboard).
    static func with<T: Sendable>(
        registry: Endpoint, evaluation: Endpoint, training: Endpoint? = nil, competition: Endpoint? = nil, cache: Duration = .zero, sourceDeadline: Duration = .seconds(10),
        watchInterval: Duration = .milliseconds(100), history: IndicatorHistory? = nil,
        clock: @escaping @Sendable () -> Date = { EvaluationHarness.now },
        _ body: (Endpoint, GatewayRPCService) async throws -> T
    ) async throws -> T {
        let registryClient = try sourceClient(registry)
        let evaluationClient = try sourceClient(evaluation)
        let trainingClient = try training.map(sourceClient)
        let competitionClient = try competition.map(sourceClient)
        var sources: [any IndicatorSource] = [RegistrySource(client: registryClient), EvaluationSource(client: evaluationClient)]
        if let trainingClient { sources.append(TrainingSource(client: trainingClient)) }
        if let competitionClient { sources.append(CompetitionSource(client: competitionClient)) }
        let service = GatewayDefinition.makeService(
            catalogue: .plan, sources: sources,
            cache: cache, sourceDeadline: sourceDeadline, watchInterval: watchInterval, history: history, clock: clock)
        func close() async {
            await registryClient.close()
            await evaluationClient.close()
            await trainingClient?.close()
            await competitionClient?.close()
        }
        do {
            let result = try await withTestServer(services: [service]) { _, endpoint in try await body(endpoint, service) }
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }
}

/// A small city: persons in every county, one city-level institution, certificates in two
/// years, one large enterprise without a body — and the numbers it should give, counted here.
struct SeededCity {
    var registered: [Int32: Int] = [:]
    var skilled: [Int32: Int] = [:]
    var highSkill: [Int32: Int] = [:]
    var newIn2026: [Int32: Int] = [:]
    var lackingBody: [Int32: Int] = [:]
    let institutions = 1

    static let welder = "6-18-02-04"
    static let electrician = "6-31-01-03"

    func city(_ counts: [Int32: Int]) -> Int { counts.values.reduce(0, +) }

    static func seed(_ harness: EvaluationHarness) async throws -> SeededCity {
        var expected = SeededCity()
        var people: [(id: String, county: Int32)] = []
        try await withTestClient(harness.registry, as: "admin") { registry in
            for (index, county) in JinchengDivisions.countyCodes.enumerated() {
                for person in 0..<(3 + index) {
                    let id = TestIDs.make(birth: "1990\(String(format: "%02d", index + 1))01", sequence: 100 + person * 2)
                    _ = try await registry.unary(RegistryService.registerPerson, .sample(id: id, county: county))
                    people.append((id, county))
                    expected.registered[county, default: 0] += 1
                }
            }
            try await harness.registerEnterprise(TestCreditCodes.make(4242), staff: 500)
            expected.lackingBody[140524] = 1
        }
        try await harness.client { evaluation in
            _ = try await evaluation.unary(EvaluationService.registerInstitution, .sample(code: "CITY-1", county: 140500, scope: [
                ScopeEntry(occupation: welder, levels: SkillLevel.standard),
                ScopeEntry(occupation: electrician, levels: SkillLevel.standard),
            ]))
            for (county, group) in Dictionary(grouping: people, by: \.county) {
                let ids = group.map(\.id).sorted()
                func issue(_ id: String, _ level: SkillLevel, _ occupation: String, on day: Int32) async throws {
                    _ = try await evaluation.unary(EvaluationService.issueCertificate, .sample(
                        institution: "CITY-1", occupation: occupation, level: level, id: id, county: county, issuedOn: day))
                }
                // First person: level 4 in 2021. Second: level 3 and level 2 in 2026 (one person,
                // high skill, new in 2026). Third: nothing. Fourth, where there is one: level 5 in 2026.
                try await issue(ids[0], .level4, welder, on: 20210601)
                try await issue(ids[1], .level3, welder, on: 20260301)
                try await issue(ids[1], .level2, electrician, on: 20260401)
                expected.skilled[county, default: 0] += 2
                expected.highSkill[county, default: 0] += 1
                expected.newIn2026[county, default: 0] += 1
                if ids.count > 3 {
                    try await issue(ids[3], .level5, welder, on: 20260501)
                    expected.skilled[county, default: 0] += 1
                    expected.newIn2026[county, default: 0] += 1
                }
            }
        }
        return expected
    }
}

extension Totals {
    func indicator(_ key: String, county: Int32 = 0) -> IndicatorValue? {
        let scope = county == 0 ? self.scope : counties.first { $0.county == county }
        return scope?.indicators.first { $0.key == key }
    }
}
