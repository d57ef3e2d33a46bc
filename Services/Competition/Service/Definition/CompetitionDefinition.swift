import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import Logging

/// `jcskills-competition`: Skills competitions: events, marks, rankings, technical experts, skill-master studios.
public enum CompetitionDefinition: ServiceDefinition {
    public static let kind = ServiceKind.competition
    public static let summary = "Skills competitions: events, marks, rankings, technical experts, skill-master studios."

    /// The competition service's own section of the config file (`competition:`).
    struct Options: Decodable {
        /// Seconds between passes over promotions waiting for the evaluation service (default 5).
        var promotionRetrySeconds: Int?

        enum CodingKeys: String, CodingKey {
            case promotionRetrySeconds = "promotion_retry_seconds"
        }
    }

    static let defaultPromotionRetry: Duration = .seconds(5)

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        let settings = environment.settings
        let options = try settings.section(Options.self)
        let registry = try environment.client(for: .registry)
        let evaluation = try environment.client(for: .evaluation)
        let (store, personal) = try await ServiceStore.open(settings: settings, migrations: CompetitionSchema.migrations, logger: environment.logger)
        let service = makeService(store: store, personal: personal, registry: registry, evaluation: evaluation, logger: environment.logger)
        let retry = options?.promotionRetrySeconds.map { Duration.seconds(max(1, $0)) } ?? defaultPromotionRetry
        return ServiceAssembly(
            services: [service],
            auditor: StoreAuditor(store: store),
            background: [
                AwardPromotionService(promoter: service.promoter, signal: service.promotionSignal, spacing: retry),
                SealingKeyUpkeep(store: store, personal: personal, tables: CompetitionSchema.sealedTables, logger: environment.logger),
            ],
            onShutdown: {
                await registry.close()
                await evaluation.close()
                await store.close()
            })
    }

    /// The service over an open store and its peers' clients; tests build it this way (and
    /// drive ``CompetitionRPCService/promoter`` themselves).
    static func makeService(
        store: Store, personal: PersonalData, registry: RPCClient, evaluation: RPCClient,
        logger: Logger = Logger(label: "jcskills.competition"), clock: @escaping @Sendable () -> Date = { Date() }
    ) -> CompetitionRPCService {
        let competitions = CompetitionRepository(clock: clock)
        let entries = EntryRepository(personal: personal, competitions: competitions)
        let marks = MarkRepository(clock: clock)
        let awards = AwardRepository()
        let registryPeer = RegistryPeer(registry: registry)
        let evaluationPeer = EvaluationPeer(evaluation: evaluation)
        let today: @Sendable () -> CalendarDate = { .today(by: clock) }
        return CompetitionRPCService(
            store: store, competitions: competitions, entries: entries,
            scoreboard: Scoreboard(entries: entries, marks: marks),
            sheets: MarkSheetWriter(competitions: competitions, entries: entries, marks: marks),
            awards: awards, studios: StudioRepository(personal: personal, clock: clock),
            counts: CompetitionCountsQueries(),
            entryImport: EntryImport(store: store, competitions: competitions, entries: entries, registry: registryPeer, today: today),
            registry: registryPeer, evaluation: evaluationPeer,
            promoter: AwardPromoter(store: store, awards: awards, personal: personal, evaluation: evaluationPeer, logger: logger),
            promotionSignal: AwardPromotionSignal(), personal: personal, logger: logger, today: today)
    }
}
