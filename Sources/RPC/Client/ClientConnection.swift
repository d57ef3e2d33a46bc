import JCSkillsProtocol
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// How a client reaches its servers.
enum ClientTransport: Sendable {
    /// TCP and mutual TLS: the protocol's transport; servers whose certificate is on the deny
    /// list, when there is one, are refused during the handshake.
    case tls(NIOSSLContext, revoked: RevokedSerialsFile?)
    /// A server in this process, the caller named by the client (``RPCClient/init(inProcess:as:configuration:group:)``).
    case inProcess(RPCServer, Principal)
}

/// A ready connection: its channel and its handler. One object, made once a connection: every
/// call takes it, and as a value its three references (the channel, the handler, the loop)
/// were each retained and released a call (BENCHMARKS.md, note 37).
final class ConnectionHandle: Sendable {
    let channel: any Channel
    let handler: NIOLoopBound<ClientConnectionHandler>
    var eventLoop: any EventLoop { handler.eventLoop }

    init(channel: any Channel, handler: NIOLoopBound<ClientConnectionHandler>) {
        self.channel = channel
        self.handler = handler
    }
}

/// The one multiplexed connection a client keeps to one endpoint: opened on first use,
/// reopened after it closes, and backed off after failures so that a dead endpoint is skipped
/// quickly instead of dialled on every call.
final class ClientConnection: Sendable {
    /// The address dialled.
    let endpoint: Endpoint
    /// The name `endpoint` was resolved from (``ReplicaSet``): the TLS server name checked
    /// against the certificate, and how messages name the server.
    let name: Endpoint?
    private let configuration: ClientConfiguration
    private let transport: ClientTransport
    private let group: any EventLoopGroup
    private let state = Mutex(State.idle)

    private enum State {
        case idle
        case connecting(EventLoopFuture<ConnectionHandle>)
        case ready(ConnectionHandle)
        case backingOff(until: NIODeadline, failures: Int, error: RPCError)
        case shutDown
    }

    init(endpoint: Endpoint, name: Endpoint? = nil, configuration: ClientConfiguration, transport: ClientTransport, group: any EventLoopGroup) {
        self.endpoint = endpoint
        self.name = name
        self.configuration = configuration
        self.transport = transport
        self.group = group
    }

    /// `host:port`, or `name:port (address)` when dialled by a resolved name.
    var label: String { name.map { "\($0) (\(endpoint.host))" } ?? endpoint.description }

    /// Whether calls should avoid this endpoint for now.
    var isBackingOff: Bool {
        state.withLock { state in
            if case .backingOff(let until, _, _) = state { return until > .now() }
            return false
        }
    }

    /// The ready connection, connecting first if needed.
    func handle() async throws -> ConnectionHandle {
        enum Next { case ready(ConnectionHandle), wait(EventLoopFuture<ConnectionHandle>), fail(RPCError), connect(Int) }
        let next = state.withLock { state -> Next in
            switch state {
            case .ready(let handle): return .ready(handle)
            case .connecting(let future): return .wait(future)
            case .shutDown: return .fail(RPCError(.unavailable, "the client is closed"))
            case .backingOff(let until, let failures, let error):
                if until > .now() {
                    return .fail(RPCError(.unavailable, "\(label) unavailable (\(error.message)); next attempt in \((until - .now()).nanoseconds / 1_000_000) ms"))
                }
                return .connect(failures)
            case .idle: return .connect(0)
            }
        }
        switch next {
        case .ready(let handle): return handle
        case .fail(let error): throw CallFailure(error: error, notProcessed: true)
        case .wait(let future): return try await awaitConnection(future)
        case .connect(let failures):
            let future = connect(failures: failures)
            return try await awaitConnection(future)
        }
    }

    private func awaitConnection(_ future: EventLoopFuture<ConnectionHandle>) async throws -> ConnectionHandle {
        do {
            return try await future.get()
        } catch let error as RPCError {
            throw CallFailure(error: error, notProcessed: true)
        } catch {
            throw CallFailure(error: RPCError(.unavailable, "cannot connect to \(label): \(error)"), notProcessed: true)
        }
    }

    private func connect(failures: Int) -> EventLoopFuture<ConnectionHandle> {
        let loop = group.next()
        let promise = loop.makePromise(of: ConnectionHandle.self)
        let proceed = state.withLock { state -> EventLoopFuture<ConnectionHandle>? in
            if case .connecting(let existing) = state { return existing }
            state = .connecting(promise.futureResult)
            return nil
        }
        if let existing = proceed {
            promise.fail(RPCError(.unavailable, "superseded"))
            return existing
        }
        let configuration = configuration
        let label = label
        let handshake = loop.makePromise(of: Void.self)
        let onUnusable: @Sendable (any Channel) -> Void = { [weak self] channel in self?.markUnusable(channel) }
        let addHandler: @Sendable (any Channel) throws -> Void = { channel in
            let handler = ClientConnectionHandler(configuration: configuration, peer: label, handshake: handshake, onUnusable: onUnusable)
            try channel.pipeline.syncOperations.addHandler(handler)
        }
        let opened: EventLoopFuture<any Channel>
        let refusedSerial = Mutex<String?>(nil)
        let revokedPath: String?
        switch transport {
        case .tls(let sslContext, let revokedFile):
            let serverHostname = name?.host ?? (endpoint.isIPAddress ? nil : endpoint.host)
            let revoked = revokedFile?.current() ?? .empty
            revokedPath = revokedFile?.path
            opened = ClientBootstrap(group: loop)
                .connectTimeout(configuration.connectTimeout)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(RevocationCheck.clientHandler(
                            context: sslContext, serverHostname: serverHostname, refusing: revoked,
                            refused: { serial in refusedSerial.withLock { $0 = serial } }))
                        try addHandler(channel)
                    }
                }
                .connect(host: endpoint.host, port: endpoint.port)
        case .inProcess(let server, let identity):
            revokedPath = nil
            opened = server.connectInProcess(as: identity, clientLoop: loop) { channel in
                channel.eventLoop.makeCompletedFuture { try addHandler(channel) }
            }
        }
        let connectTimeout = configuration.connectTimeout
        opened.flatMap { channel in
            // The handshake must also finish within the connect timeout.
            let timer = channel.eventLoop.scheduleTask(in: connectTimeout) {
                handshake.fail(RPCError(.unavailable, "TLS handshake with \(label) timed out"))
                channel.close(promise: nil)
            }
            return handshake.futureResult.flatMapThrowing {
                timer.cancel()
                let handler = try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self)
                return ConnectionHandle(channel: channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop))
            }.flatMapErrorThrowing { error -> ConnectionHandle in
                timer.cancel()
                channel.close(promise: nil)
                throw error
            }
        }.whenComplete { [self] result in
            switch result {
            case .success(let handle):
                let stale = state.withLock { state -> Bool in
                    if case .shutDown = state { return true }
                    state = .ready(handle)
                    return false
                }
                if stale { handle.channel.close(promise: nil) }
                promise.succeed(handle)
            case .failure(let error):
                var rpc = (error as? RPCError) ?? RPCError(.unavailable, "cannot connect to \(label): \(error)")
                if let serial = refusedSerial.withLock({ $0 }), let revokedPath {
                    rpc = RPCError(.unavailable, "\(label) presented a revoked certificate (serial \(serial), listed in \(revokedPath))")
                }
                // A refused connect never reaches the handshake; complete it so it is not dropped unfulfilled.
                handshake.fail(rpc)
                let delay = backoff(after: failures + 1)
                state.withLock { state in
                    if case .shutDown = state { return }
                    state = .backingOff(until: .now() + delay, failures: failures + 1, error: rpc)
                }
                promise.fail(rpc)
            }
        }
        return promise.futureResult
    }

    /// Exponential backoff with ±20 % jitter, so that clients of a restarted service do not
    /// reconnect in lockstep.
    private func backoff(after failures: Int) -> TimeAmount {
        let base = Double(configuration.initialBackoff.nanoseconds) * pow2(min(failures - 1, 20))
        let capped = min(base, Double(configuration.maximumBackoff.nanoseconds))
        return .nanoseconds(Int64(capped * Double.random(in: 0.8...1.2)))
    }

    private func pow2(_ exponent: Int) -> Double { Double(1 << exponent) }

    /// The connection got a GOAWAY or closed: the next call opens a new one.
    private func markUnusable(_ channel: any Channel) {
        state.withLock { state in
            if case .ready(let handle) = state, handle.channel === channel { state = .idle }
        }
    }

    func shutDown() async {
        let handle = state.withLock { state -> ConnectionHandle? in
            defer { state = .shutDown }
            if case .ready(let handle) = state { return handle }
            return nil
        }
        if let handle {
            try? await handle.channel.close()
        }
    }
}

extension Endpoint {
    var isIPAddress: Bool {
        host.contains(":") || host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
    }
}
