import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// `jcskills-gateway`: the city's indicators from every department's service. It holds no
/// personal data: its store keeps only the city's indicator values over time.
public enum GatewayDefinition: ServiceDefinition {
    public static let kind = ServiceKind.gateway
    public static let summary = "The city's targets: aggregates from every department's service, no personal data."

    /// The gateway's own section of the config file (`gateway:`).
    struct Options: Decodable {
        /// The indicator catalogue (YAML); the plan's figures when absent.
        var indicators: String?
        /// How long an answer is reused for the same question; 0 turns the cache off.
        var cacheMilliseconds: Int?
        /// The longest the sources are given per answer (a caller's shorter deadline wins).
        var sourceDeadlineMilliseconds: Int?
        /// How often `Watch` asks the sources.
        var watchIntervalMilliseconds: Int?
        /// Least time between two recorded points of the dashboard's charts.
        var historySpacingSeconds: Int?
        var dashboard: DashboardOptions?

        enum CodingKeys: String, CodingKey {
            case indicators
            case cacheMilliseconds = "cache_ms"
            case sourceDeadlineMilliseconds = "source_deadline_ms"
            case watchIntervalMilliseconds = "watch_interval_ms"
            case historySpacingSeconds = "history_spacing_s"
            case dashboard
        }
    }

    static let defaultCache: Duration = .seconds(2)
    static let defaultSourceDeadline: Duration = .seconds(2)
    static let defaultWatchInterval: Duration = .seconds(1)
    static let defaultHistorySpacing: Duration = .seconds(600)

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        let settings = environment.settings
        let options = try settings.section(Options.self)
        let catalogue = try options?.indicators.map { try IndicatorCatalogue.load(path: $0) } ?? .plan
        var peers: [ServiceKind: RPCClient] = [:]
        for name in catalogue.sources {
            guard let kind = ServiceKind(rawValue: name), kind != .gateway else {
                throw CatalogueError(path: options?.indicators ?? "(built in)", reason: "no service named \(name)")
            }
            peers[kind] = try environment.client(for: kind)
        }
        let clients = peers
        let (store, _) = try await ServiceStore.open(settings: settings, migrations: IndicatorHistory.migrations, logger: environment.logger)
        let history = IndicatorHistory(
            store: store, spacing: options?.historySpacingSeconds.map { .seconds($0) } ?? defaultHistorySpacing)
        let service = makeService(
            catalogue: catalogue, sources: sources(clients),
            cache: options?.cacheMilliseconds.map { .milliseconds($0) } ?? defaultCache,
            sourceDeadline: options?.sourceDeadlineMilliseconds.map { .milliseconds($0) } ?? defaultSourceDeadline,
            watchInterval: options?.watchIntervalMilliseconds.map { .milliseconds($0) } ?? defaultWatchInterval,
            history: history)
        var background: [any BackgroundService] = [HistorySampler(engine: service.engine, spacing: history.spacing)]
        // On loopback with the defaults when the config says nothing.
        let dashboard = options?.dashboard ?? DashboardOptions()
        if dashboard.enabled ?? true {
            let planSeries = dashboard.seriesInterval.map { _ in LatestPlanSeries() }
            background.append(try DashboardServer(
                options: dashboard, tls: settings.tls, engine: service.engine, history: history,
                catalogue: catalogue, limits: settings.httpLimits, logger: environment.logger,
                quality: clients[.registry].map { RegistryQualityReader(client: $0) }, planSeries: planSeries))
            if let planSeries, let interval = dashboard.seriesInterval {
                background.append(PlanSeriesRefresher(
                    builder: PlanSeriesBuilder(engine: service.engine), latest: planSeries, interval: interval, logger: environment.logger))
            }
        }
        return ServiceAssembly(
            services: [service],
            auditor: StoreAuditor(store: store),
            background: background,
            onShutdown: {
                for client in clients.values { await client.close() }
                await store.close()
            })
    }

    /// The readers for the services the catalogue names; a service without one (a later
    /// phase's) makes its indicators unavailable with that reason.
    static func sources(_ clients: [ServiceKind: RPCClient]) -> [any IndicatorSource] {
        clients.compactMap { kind, client -> (any IndicatorSource)? in
            switch kind {
            case .registry: RegistrySource(client: client)
            case .evaluation: EvaluationSource(client: client)
            case .training: TrainingSource(client: client)
            case .competition: CompetitionSource(client: client)
            default: nil
            }
        }
    }

    /// The service over its sources; tests build it this way.
    static func makeService(
        catalogue: IndicatorCatalogue, sources: [any IndicatorSource],
        cache: Duration = defaultCache, sourceDeadline: Duration = defaultSourceDeadline,
        watchInterval: Duration = defaultWatchInterval, history: IndicatorHistory? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) -> GatewayRPCService {
        var engine = TotalsEngine(
            composer: TotalsComposer(catalogue: catalogue), fanOut: SourceFanOut(sources: sources),
            cache: TotalsCache(timeToLive: cache), lastKnown: LastKnownValues(),
            sourceDeadline: sourceDeadline, clock: clock)
        if let history { engine.onFreshCityTotals = { await history.record($0) } }
        return GatewayRPCService(engine: engine, watchInterval: watchInterval)
    }
}
