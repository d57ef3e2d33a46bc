import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Synchronization
import Testing
@testable import GatewayService

/// The gateway asks each source once a `Totals` — every scope, on the as-of date and on its
/// planning window's first day — with the batch figures calls (`BatchStatistics`,
/// `BatchCounts`); a source older than them is asked one call a scope and date, to the same answer.
@Suite("Gateway: one batch call a source, and the same totals from a source without it")
struct GatewayBatchFiguresTests {
    /// The questions the gateway asks about every county: the city and its counties, on two dates.
    static let scopes: [Int32] = [0] + JinchengDivisions.countyCodes
    static let dates: [Int32] = [EvaluationHarness.today, 20211231]

    @Test(arguments: TestDatabases.backends)
    func theBatchCallsAnswerEachQuestionAsItsSingleCallDoes(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            _ = try await SeededCity.seed(harness)
            try await withTestClient(harness.registry, as: "gateway") { registry in
                let questions = Self.dates.flatMap { day in Self.scopes.map { StatisticsRequest(county: $0, summaryOnly: true, registrationsUpTo: day) } }
                let batch = try await registry.unary(RegistryService.batchStatistics, StatisticsQuestions(requests: questions)).answers
                var singles: [RegistrationStatistics] = []
                for question in questions { singles.append(try await registry.unary(RegistryService.statistics, question)) }
                #expect(batch.count == questions.count)
                // `asOf` is when each was read; everything else is the same, question by question.
                #expect(batch.map(\.readTimeless) == singles.map(\.readTimeless))
                #expect(Set(batch.map(\.registrationsUpTo)).count > 1, "the seeded city differs between scopes and dates")
            }
            try await withTestClient(harness.evaluation, as: "gateway") { evaluation in
                let questions = Self.dates.flatMap { day in Self.scopes.map { CountsRequest(county: $0, asOf: day) } }
                let batch = try await evaluation.unary(EvaluationService.batchCounts, CountsQuestions(requests: questions)).answers
                var singles: [EvaluationCounts] = []
                for question in questions { singles.append(try await evaluation.unary(EvaluationService.counts, question)) }
                #expect(batch.map { [$0.county, $0.asOf] } == questions.map { [$0.county, $0.asOf] }, "answered in the questions' order")
                #expect(batch.map(\.withoutCompliance) == singles.map(\.withoutCompliance))
                #expect(Set(batch.map(\.skilledWorkers)).count > 1, "the seeded city differs between scopes and dates")
            }
        }
    }

    @Test
    func trainingAndCompetitionAnswerEachQuestionAsTheirSingleCallDoes() async throws {
        let questions = Self.dates.flatMap { day in Self.scopes.map { CountsRequest(county: $0, asOf: day, year: 2026) } }
        try await TrainingHarness.with(.sqlite) { harness in
            try await withTestClient(harness.training, as: "gateway") { training in
                let batch = try await training.unary(TrainingService.batchCounts, CountsQuestions(requests: questions)).answers
                var singles: [TrainingCounts] = []
                for question in questions { singles.append(try await training.unary(TrainingService.counts, question)) }
                #expect(batch == singles)
                #expect(batch.map(\.asOf) == questions.map(\.asOf))
                // Every county lacks a brand; the city's answer names them all, a county's itself.
                #expect(batch.map(\.countiesLackingCityBrand.count) == questions.map { $0.county == 0 ? JinchengDivisions.countyCodes.count : 1 })
            }
        }
        try await CompetitionHarness.with(.sqlite) { harness in
            try await harness.client("gateway") { competition in
                let batch = try await competition.unary(CompetitionService.batchCounts, CountsQuestions(requests: questions)).answers
                var singles: [CompetitionCounts] = []
                for question in questions { singles.append(try await competition.unary(CompetitionService.counts, question)) }
                #expect(batch == singles)
                #expect(batch.map(\.countiesWithoutStudio) == questions.map { $0.county == 0 ? UInt64(JinchengDivisions.countyCodes.count) : 1 })
            }
        }
    }

    @Test
    func tooManyQuestionsOrABadOneRefusesTheCall() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            try await withTestClient(harness.registry, as: "gateway") { registry in
                let many = StatisticsQuestions(requests: Array(repeating: StatisticsRequest(county: 0, summaryOnly: true), count: StatisticsQuestions.limit + 1))
                let refused = await #expect(throws: RPCError.self) { try await registry.unary(RegistryService.batchStatistics, many) }
                #expect(refused?.code == .invalidArgument)
                #expect(refused?.message == "requests: 65 questions in one call; at most 64")
                let bad = StatisticsQuestions(requests: [StatisticsRequest(county: 0, summaryOnly: true), StatisticsRequest(county: 999, summaryOnly: true)])
                let badRefused = await #expect(throws: RPCError.self) { try await registry.unary(RegistryService.batchStatistics, bad) }
                #expect(badRefused?.code == .invalidArgument)
            }
            try await withTestClient(harness.evaluation, as: "gateway") { evaluation in
                let many = CountsQuestions(requests: Array(repeating: CountsRequest(asOf: 0), count: CountsQuestions.limit + 1))
                let refused = await #expect(throws: RPCError.self) { try await evaluation.unary(EvaluationService.batchCounts, many) }
                #expect(refused?.code == .invalidArgument)
                let bad = CountsQuestions(requests: [CountsRequest(asOf: 0), CountsRequest(asOf: 20261399)])
                let badRefused = await #expect(throws: RPCError.self) { try await evaluation.unary(EvaluationService.batchCounts, bad) }
                #expect(badRefused?.code == .invalidArgument)
                // No question, no answer.
                let none = try await evaluation.unary(EvaluationService.batchCounts, CountsQuestions())
                #expect(none.answers.isEmpty)
            }
        }
    }

    /// Sources that predate the batch calls (a rolling upgrade): a proxy answering only the single
    /// calls, forwarded to the real services. The gateway's answer through it is the answer from
    /// the real services, indicator by indicator, planning aid included (it reads the earlier date).
    @Test
    func aSourceWithoutTheBatchCallsGivesTheSameTotals() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            _ = try await SeededCity.seed(harness)
            let older = OlderSources(registry: try GatewayHarness.sourceClient(harness.registry),
                                     evaluation: try GatewayHarness.sourceClient(harness.evaluation))
            try await withTestServer(services: [older]) { _, olderEndpoint in
                try await GatewayHarness.with(registry: harness.registry, evaluation: harness.evaluation) { current, _ in
                    try await GatewayHarness.with(registry: olderEndpoint, evaluation: olderEndpoint) { throughOlder, _ in
                        for county in [0, TotalsRequest.everyCounty] {
                            let expected = try await withTestClient(current, as: "admin") {
                                try await $0.unary(GatewayService.totals, TotalsRequest(county: county, fresh: true))
                            }
                            let before = older.calls
                            let measured = try await withTestClient(throughOlder, as: "admin") {
                                try await $0.unary(GatewayService.totals, TotalsRequest(county: county, fresh: true))
                            }
                            #expect(!measured.partial && !expected.partial)
                            #expect(measured.comparable == expected.comparable, "county \(county)")
                            // One single call a scope and date for each of the two sources.
                            let scopes = county == 0 ? 1 : Self.scopes.count
                            #expect(older.calls - before == 2 * 2 * scopes)
                        }
                    }
                }
            }
            await older.registry.close()
            await older.evaluation.close()
        }
    }
}

/// The registry's `Statistics` and the evaluation service's `Counts`, forwarded; nothing else
/// (the batch calls are UNIMPLEMENTED here, as in a service built before them).
final class OlderSources: RPCService {
    let registry: RPCClient
    let evaluation: RPCClient
    private let count = Mutex(0)

    init(registry: RPCClient, evaluation: RPCClient) {
        self.registry = registry
        self.evaluation = evaluation
    }

    var calls: Int { count.withLock { $0 } }

    func register(in router: inout RPCRouter) {
        router.unary(RegistryService.statistics, policy: .anyAuthenticated) { [self] request, _ in
            count.withLock { $0 += 1 }
            return try await registry.unary(RegistryService.statistics, request)
        }
        router.unary(EvaluationService.counts, policy: .anyAuthenticated) { [self] request, _ in
            count.withLock { $0 += 1 }
            return try await evaluation.unary(EvaluationService.counts, request)
        }
    }
}

extension RegistrationStatistics {
    var readTimeless: RegistrationStatistics {
        var copy = self
        copy.asOf = 0
        return copy
    }
}

extension EvaluationCounts {
    /// The compliance figure is asked of the registry on a short deadline and may be unknown in
    /// one answer and known in the next under load; the rest is the service's own.
    var withoutCompliance: EvaluationCounts {
        var copy = self
        copy.complianceKnown = false
        copy.enterprisesLackingBody = 0
        return copy
    }
}

extension Totals {
    /// The answer without what differs between two askings: when it was made and read, and how
    /// long each source took.
    var comparable: Totals {
        var copy = self
        copy.generatedMs = 0
        copy.sources = copy.sources.map { var state = $0; state.latencyMicros = 0; return state }
        func timeless(_ scope: ScopeTotals) -> ScopeTotals {
            var scope = scope
            scope.indicators = scope.indicators.map { var value = $0; value.dataTimeMs = 0; return value }
            return scope
        }
        copy.scope = timeless(copy.scope)
        copy.counties = copy.counties.map(timeless)
        return copy
    }
}
