import JCSkillsProtocol
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import ServiceLifecycle
import Synchronization

/// A server for the JCSkills protocol: mutual TLS, the services it is given, the health service.
///
/// Run it in a `ServiceGroup` (SIGTERM then drains it) or call ``run()`` directly and end it
/// with ``beginShutdown()``. Shutdown is graceful: the listener closes, every connection gets a
/// GOAWAY, calls in flight have ``ServerConfiguration/drainTimeout`` to finish, then whatever
/// is left is closed and ``run()`` returns.
public final class RPCServer: Service, Sendable {
    public let configuration: ServerConfiguration
    let shared: ServerShared
    let group: any EventLoopGroup
    let state = Mutex(State())
    private let started = Mutex<[CheckedContinuation<SocketAddress, any Error>]>([])

    struct State {
        var listener: (any Channel)?
        var address: SocketAddress?
        var failure: (any Error)?
        var draining = false
    }

    public init(
        configuration: ServerConfiguration, services: [any RPCService], auditor: (any AccessAuditor)? = nil,
        logger: Logger = Logger(label: "jcskills.rpc.server"), group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        var router = RPCRouter()
        for service in services { router.add(service) }
        self.configuration = configuration
        self.group = group
        let status = HealthStatus(server: configuration.serverName, version: configuration.version)
        router.add(HealthRPCService(status: status))
        self.health = status
        self.tls = ServerTLS(files: configuration.tls)
        self.shared = ServerShared(configuration: configuration, router: router, auditor: auditor ?? LoggingAuditor(logger: logger), logger: logger)
    }

    let health: HealthStatus

    /// Certificate, key, trust roots and revoked serials, read at ``run()`` and again by
    /// ``reloadTLS()`` (Sources/RPC/TLS/ServerTLS.swift).
    public let tls: ServerTLS

    /// Reads the TLS files again (on SIGHUP): new connections use what they hold now, those
    /// already established go on with what they had. On failure nothing changes.
    @discardableResult
    public func reloadTLS() throws -> TLSReloadSummary {
        try tls.reload()
    }

    /// Every method this server answers.
    public var methodPaths: [String] { shared.router.paths }

    public func run() async throws {
        let tls = self.tls
        do {
            try tls.reload()
        } catch {
            resolveStart(.failure(error))
            throw error
        }
        let shared = self.shared
        let listener: any Channel
        do {
            listener = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.writeBufferWaterMark, value: .init(
                    low: configuration.outboundHighWatermark / 2, high: configuration.outboundHighWatermark))
                .childChannelInitializer { channel in
                    guard shared.budget.admitConnection() else {
                        Self.refuse(channel, shared: shared)
                        return channel.eventLoop.makeFailedFuture(RPCServerError(message: "connection limit reached"))
                    }
                    channel.closeFuture.whenComplete { _ in shared.budget.connectionClosed() }
                    return channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(tls.makeHandler())
                        // Reads stop while the socket cannot take our writes: a peer that
                        // never reads cannot pile answers up in this process.
                        try channel.pipeline.syncOperations.addHandler(BackPressureHandler())
                        try channel.pipeline.syncOperations.addHandler(ServerConnectionHandler(shared: shared, eventLoop: channel.eventLoop))
                    }
                }
                .bind(host: configuration.host, port: configuration.port)
                .get()
        } catch {
            let wrapped = RPCServerError(message: "cannot listen on \(configuration.host):\(configuration.port): \(error)")
            resolveStart(.failure(wrapped))
            throw wrapped
        }
        let cancelled = state.withLock { state in
            state.listener = listener
            state.address = listener.localAddress
            return state.draining
        }
        if cancelled { listener.close(promise: nil) }
        resolveStart(.success(listener.localAddress!))
        health.set(.serving)
        shared.logger.info("serving", metadata: [
            "address": "\(listener.localAddress!)", "server": "\(configuration.serverName)",
            "methods": "\(shared.router.methods.count)",
        ])

        let memoryReturn = FreedMemoryReturn.start(on: listener.eventLoop, budget: shared.budget)
        await withGracefulShutdownHandler {
            try? await listener.closeFuture.get()
            await drainConnections()
        } onGracefulShutdown: {
            self.beginShutdown()
        }
        memoryReturn.cancel()
        shared.logger.info("stopped", metadata: ["server": "\(configuration.serverName)"])
    }

    /// Stops taking connections and calls, and lets calls in flight finish. ``run()`` returns
    /// when they have (or when the drain timeout closes what is left).
    public func beginShutdown() {
        let listener = state.withLock { state -> (any Channel)? in
            state.draining = true
            return state.listener
        }
        health.set(.draining)
        listener?.close(promise: nil)
        shared.connections.goAwayAll(message: "server shutting down")
    }

    /// The address the server listens on, once it does (useful with port 0).
    public func listeningAddress() async throws -> SocketAddress {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<SocketAddress, any Error>? in
                if let address = state.address { return .success(address) }
                if let failure = state.failure { return .failure(failure) }
                started.withLock { $0.append(continuation) }
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    /// Open client connections (for tests and metrics).
    public var connectionCount: Int { shared.connections.count }

    /// Bytes held for the calls of all connections — unfinished and whole requests, responses
    /// waiting for the peers' credit or sockets — as charged to the server-wide budget (for
    /// tests and metrics).
    public var bufferedBytes: Int { shared.budget.buffered }

    /// Calls running on all connections (for tests and metrics).
    public var runningCalls: Int { shared.budget.runningCalls }

    /// A connection over ``ServerConfiguration/maximumConnections`` is closed before its TLS
    /// handshake; the log says so on the first refusal and every thousandth after it.
    private static func refuse(_ channel: any Channel, shared: ServerShared) {
        let refused = shared.budget.connectionRefused()
        if refused == 1 || refused % 1_000 == 0 {
            shared.logger.warning("connection limit reached: closing new connections", metadata: [
                "limit": "\(shared.budget.maximumConnections)", "refused-so-far": "\(refused)",
            ])
        }
        channel.close(promise: nil)
    }

    private func resolveStart(_ result: Result<SocketAddress, any Error>) {
        state.withLock { state in
            if case .failure(let error) = result { state.failure = error }
        }
        let waiters = started.withLock { waiters in
            defer { waiters = [] }
            return waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    private func drainConnections() async {
        let connections = shared.connections
        let timeout = configuration.drainTimeout
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await connections.waitUntilEmpty()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .nanoseconds(timeout.nanoseconds))
                return false
            }
            if await group.next() == false {
                shared.logger.warning("drain timeout: closing connections with calls still running")
                connections.closeAll()
            }
            group.cancelAll()
        }
        await connections.waitUntilEmpty()
    }
}

public struct RPCServerError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
