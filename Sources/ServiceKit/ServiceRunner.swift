import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import Logging
import ServiceLifecycle
import Tracing

/// What a service's factory gets to build its handlers: settings, a logger, and clients for
/// the peers it calls.
public struct ServiceEnvironment: Sendable {
    public let settings: ServiceSettings
    public let logger: Logger
    /// The service's tracer when tracing is on; its clients and its server share it, so a
    /// handler's calls to peers join the trace of the call it serves.
    public let tracer: (any Tracer)?

    public init(settings: ServiceSettings, logger: Logger, tracer: (any Tracer)? = nil) {
        self.settings = settings
        self.logger = logger
        self.tracer = tracer
    }

    /// A client for a peer service, presenting this service's own identity and checking the
    /// peer's (`jcskills://<peer>`).
    public func client(for peer: ServiceKind, timeout: Duration? = nil) throws -> RPCClient {
        var configuration = ClientConfiguration(tls: settings.tls)
        configuration.expectedServerIdentity = "jcskills://\(peer.rawValue)"
        configuration.tracer = tracer
        if let timeout { configuration.defaultTimeout = timeout }
        if settings.peers[peer] == nil {
            logger.notice("no --peer \(peer.rawValue)=HOST:PORT given; calling it at the default \(settings.peer(peer)[0])")
        }
        return try RPCClient(endpoints: settings.peer(peer), configuration: configuration)
    }
}

/// What a factory hands back: the RPC services to serve and anything else to run and stop with
/// them (a store to close, a background job).
public struct ServiceAssembly: Sendable {
    public var services: [any RPCService]
    public var auditor: (any AccessAuditor)?
    /// Run beside the RPC server and stopped with it (the gateway's dashboard).
    public var background: [any BackgroundService]
    public var onShutdown: @Sendable () async -> Void

    public init(
        services: [any RPCService], auditor: (any AccessAuditor)? = nil, background: [any BackgroundService] = [],
        onShutdown: @escaping @Sendable () async -> Void = {}
    ) {
        self.services = services
        self.auditor = auditor
        self.background = background
        self.onShutdown = onShutdown
    }
}

/// Something a service runs beside its RPC server until the graceful stop.
public typealias BackgroundService = ServiceLifecycle.Service

/// Runs one service executable: settings, observability, the RPC server, the metrics endpoint,
/// a graceful stop on SIGTERM or SIGINT, and a reload of the TLS files and sealing keys on SIGHUP. Each `main` is a call to ``run(kind:options:_:)``.
public enum ServiceRunner {
    public static let version = "0.1.0"

    public static func run(
        kind: ServiceKind, options: ServiceOptions,
        _ assemble: @Sendable (ServiceEnvironment) async throws -> ServiceAssembly
    ) async throws {
        let settings = try ServiceSettings.resolve(kind: kind, options: options)
        let registry = Observability.bootstrap(logLevel: settings.logLevel)
        let logger = Logger(label: "jcskills.\(kind.rawValue)")
        try FileManager.default.createDirectory(atPath: settings.dataDirectory, withIntermediateDirectories: true)

        var configuration = try settings.serverConfiguration(version: version)
        let tracing = try TracingBackend.make(settings.tracing, service: kind, logger: logger)
        if let endpoint = settings.tracing.otlpEndpoint { logger.info("tracing", metadata: ["otlp_endpoint": "\(endpoint)"]) }
        configuration.tracer = tracing?.tracer
        let environment = ServiceEnvironment(settings: settings, logger: logger, tracer: tracing?.tracer)
        let assembly: ServiceAssembly
        do {
            assembly = try await assemble(environment)
        } catch {
            await tracing?.discard()
            throw error
        }
        var services = assembly.services
        if settings.echoService { services.append(EchoRPCService()) }

        logger.info("RPC limits", metadata: Logger.Metadata(uniqueKeysWithValues: ServerLimit.all.map {
            ($0.name, .stringConvertible($0.current(configuration)))
        }))
        let server = RPCServer(configuration: configuration, services: services, auditor: assembly.auditor, logger: logger)

        // A group stops its services in reverse order: the exporter, first here, goes last
        // and sends the spans of the calls that drained.
        var running: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let tracing { running.append(.init(service: tracing.exporter)) }
        running.append(.init(service: server))
        // Ends when the graceful stop begins, which must not cut the server's drain short.
        running.append(.init(service: HangupReload(server: server, actions: settings.reload, logger: logger), successTerminationBehavior: .ignore))
        running += assembly.background.map { .init(service: $0) }
        if let metrics = settings.metrics {
            running.append(.init(service: MetricsEndpoint(address: metrics, registry: registry, limits: settings.httpLimits, logger: logger)))
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: running, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            await assembly.onShutdown()
            throw error
        }
        await assembly.onShutdown()
    }
}
