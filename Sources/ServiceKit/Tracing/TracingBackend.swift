import Logging
import OTel
import ServiceLifecycle
import Tracing

/// The tracer a service hands its RPC server and its clients, and the background work that
/// exports its spans. Built only when ``TracingSettings/isEnabled``: a service without an
/// endpoint has no tracer at all, so its calls skip tracing with one nil check each.
public struct TracingBackend: Sendable {
    public let tracer: any Tracer
    /// Batches and sends the spans; runs beside the server and flushes on shutdown.
    public let exporter: any ServiceLifecycle.Service

    /// Spans over OTLP/HTTP (protobuf) to `settings.otlpEndpoint`, named `jcskills-<service>`;
    /// nil when tracing is off. swift-otel's own diagnostics go to `logger`.
    public static func make(_ settings: TracingSettings, service: ServiceKind, logger: Logger) throws -> TracingBackend? {
        guard let endpoint = settings.otlpEndpoint else { return nil }
        var configuration = OTel.Configuration.default
        configuration.serviceName = "jcskills-\(service.rawValue)"
        configuration.diagnosticLogger = .custom(logger)
        configuration.metrics.enabled = false
        configuration.logs.enabled = false
        configuration.traces.enabled = true
        configuration.traces.exporter = .otlp
        configuration.traces.otlpExporter.protocol = .httpProtobuf
        configuration.traces.otlpExporter.endpoint = endpoint.hasSuffix("/v1/traces")
            ? endpoint : endpoint.trimmingSuffix("/") + "/v1/traces"
        let backend = try OTel.makeTracingBackend(configuration: configuration)
        return TracingBackend(tracer: backend.factory, exporter: backend.service)
    }

    /// Stops a backend whose service never started (its service failed to assemble): the
    /// exporter's HTTP client must be shut down before it is freed, and only the exporter's
    /// own run does that, cancelled here at once.
    public func discard() async {
        let exporter = exporter
        let run = Task { try? await exporter.run() }
        run.cancel()
        await run.value
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
