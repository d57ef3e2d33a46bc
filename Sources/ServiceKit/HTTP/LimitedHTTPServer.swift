import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import NIOSSL
import ServiceLifecycle

/// The one way the services open an HTTP/1.1 port: a Hummingbird application with every limit
/// of ``HTTPServerLimits`` applied, and TLS when `tls` is given. A ServiceLifecycle service:
/// it serves until graceful shutdown, then stops accepting, lets the requests being answered
/// finish and closes idle connections. Hummingbird runs each connection in a child task of the
/// server's task group, so nothing of a connection outlives the server.
///
/// What each limit is in Hummingbird:
/// - ``HTTPServerLimits/maximumConnections``: `ApplicationConfiguration.availableConnectionsDelegate`
///   (`MaximumAvailableConnections`).
/// - ``HTTPServerLimits/maximumRequestHeadBytes``: the HTTP/1 decoder's limits in
///   `HTTP1Channel.Configuration`.
/// - ``HTTPServerLimits/requestTimeout`` and ``HTTPServerLimits/keepAliveTimeout``:
///   ``HTTPRequestTimeouts`` in `additionalChannelHandlers` (Hummingbird's `idleTimeout` is off).
public struct LimitedHTTPServer<Responder: HTTPResponder>: Service
where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
    /// Labels the port in the metrics (`metrics`, `dashboard`).
    public let name: String
    public let host: String
    public let port: Int
    public let limits: HTTPServerLimits
    public let tls: TLSConfiguration?
    public let responder: Responder
    public let logger: Logger

    public init(
        name: String, host: String, port: Int, limits: HTTPServerLimits, tls: TLSConfiguration? = nil,
        responder: Responder, logger: Logger
    ) {
        self.name = name
        self.host = host
        self.port = port
        self.limits = limits
        self.tls = tls
        self.responder = responder
        self.logger = logger
    }

    public func run() async throws {
        try await run(onServerRunning: { _ in })
    }

    /// Binds, calls `onServerRunning` with the listening channel (its `localAddress` has the
    /// port when 0 was asked for), and serves until graceful shutdown. Throws when it cannot
    /// bind.
    public func run(onServerRunning: @escaping @Sendable (any Channel) async -> Void) async throws {
        let application = Application(
            responder: responder,
            server: try serverBuilder(),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port),
                // At the cap the server stops accepting (it no longer asks its listening socket
                // for connections) rather than accepting and closing: a connection beyond it
                // costs no descriptor of ours, since it waits in the kernel's listen backlog
                // (and once that is full, new ones are refused by the kernel) until a
                // connection closes. NIO accepts up to four connections per wake-up, so the
                // count can pass the cap by three before accepting pauses.
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maximumConnections, logger: logger)),
            onServerRunning: onServerRunning,
            logger: logger)
        try await application.run()
    }

    func serverBuilder() throws -> HTTPServerBuilder {
        let timedOut = Counter(label: "jcskills_http_connections_closed_total", dimensions: [("port", name), ("reason", "timeout")])
        let limits = limits
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [HTTPRequestTimeouts(limits: limits, timedOut: timedOut)],
            idleTimeout: nil,
            httpDecoderConfiguration: limits.decoderConfiguration)
        let plain = HTTPServerBuilder { responder in
            VersionedHTTP1Channel(base: HTTP1Channel(responder: responder, configuration: http1))
        }
        guard let tls else { return plain }
        return try .tls(plain, tlsConfiguration: tls)
    }
}

/// Hummingbird's HTTP/1 channel with ``HTTPVersionKeepAlive`` between NIO's HTTP/1 decoder
/// and the conversion to HTTPTypes (the only place that still sees the request's version).
struct VersionedHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel

    var responder: HTTPChannelHandler.Responder { base.responder }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(HTTPVersionKeepAlive(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
