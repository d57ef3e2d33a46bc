import JCSkillsRPC
import Logging
import NIOCore
import NIOHTTP1
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
        let channel = try await start()
        logger.info("metrics endpoint", metadata: ["address": "http://\(address)/metrics"])
        await withGracefulShutdownHandler {
            try? await channel.closeFuture.get()
        } onGracefulShutdown: {
            channel.close(promise: nil)
        }
    }

    /// Binds and serves until the returned channel is closed.
    public func start() async throws -> any Channel {
        let registry = registry
        return try await LimitedHTTPServer.bind(host: address.host, port: address.port, name: "metrics", limits: limits) {
            MetricsHTTPHandler(registry: registry)
        }
    }
}

final class MetricsHTTPHandler: HTTPRequestResponder {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let registry: PrometheusCollectorRegistry
    var pendingHead: HTTPRequestHead?

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        let (status, contentType, body): (HTTPResponseStatus, String, [UInt8])
        switch (request.method, request.uri.split(separator: "?").first ?? "") {
        case (.GET, "/metrics"):
            var bytes: [UInt8] = []
            registry.emit(into: &bytes)
            (status, contentType, body) = (.ok, "text/plain; version=0.0.4; charset=utf-8", bytes)
        case (.GET, "/healthz"):
            (status, contentType, body) = (.ok, "text/plain", Array("ok\n".utf8))
        default:
            (status, contentType, body) = (.notFound, "text/plain", Array("not found: try /metrics\n".utf8))
        }
        SimpleHTTPResponse(status: status, contentType: contentType, body: body)
            .write(to: context, version: request.version, keepAlive: request.isKeepAlive)
    }
}
