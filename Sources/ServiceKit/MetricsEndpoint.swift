import Hummingbird
import HTTPTypes
import JCSkillsRPC
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle

/// Serves `GET /metrics` in Prometheus text format (plain HTTP, meant for a loopback or
/// monitoring-network address) and `GET /healthz`, within the service's ``HTTPServerLimits``.
public struct MetricsEndpoint: Service {
    let address: Endpoint
    let registry: PrometheusCollectorRegistry
    let limits: HTTPServerLimits
    let logger: Logger

    public init(address: Endpoint, registry: PrometheusCollectorRegistry, limits: HTTPServerLimits = HTTPServerLimits(), logger: Logger) {
        self.address = address
        self.registry = registry
        self.limits = limits
        self.logger = logger
    }

    public func run() async throws {
        try await run(onServerRunning: { _ in })
    }

    /// Serves until graceful shutdown; `onServerRunning` gets the listening channel once bound
    /// (tests ask for port 0 and read the port from it).
    public func run(onServerRunning: @escaping @Sendable (any Channel) async -> Void) async throws {
        let server = LimitedHTTPServer(
            name: "metrics", host: address.host, port: address.port, limits: limits,
            responder: MetricsResponder(registry: registry), logger: logger)
        let logger = logger
        try await server.run { channel in
            let port = channel.localAddress?.port ?? 0
            logger.info("metrics endpoint", metadata: ["address": "http://\(Endpoint(host: address.host, port: port))/metrics"])
            await onServerRunning(channel)
        }
    }
}

/// `/metrics` and `/healthz`; anything else is 404 (the query string is ignored).
struct MetricsResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let registry: PrometheusCollectorRegistry

    func respond(to request: Request, context: Context) async throws -> Response {
        let (status, contentType, body): (HTTPResponse.Status, String, [UInt8])
        switch (request.method, request.uri.path) {
        case (.get, "/metrics"):
            var bytes: [UInt8] = []
            registry.emit(into: &bytes)
            (status, contentType, body) = (.ok, "text/plain; version=0.0.4; charset=utf-8", bytes)
        case (.get, "/healthz"):
            (status, contentType, body) = (.ok, "text/plain", Array("ok\n".utf8))
        default:
            (status, contentType, body) = (.notFound, "text/plain", Array("not found: try /metrics\n".utf8))
        }
        return Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
