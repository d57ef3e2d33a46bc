import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsTestSupport
import Logging
import ServiceLifecycle
import Testing

@Suite("Tracing: spans exported over OTLP/HTTP when an endpoint is configured")
struct TracingExportTests {
    @Test func noEndpointNoTracer() throws {
        #expect(try TracingBackend.make(TracingSettings(), service: .registry, logger: Logger(label: "test")) == nil)
    }

    /// A service that fails to start after its backend was built stops the exporter it never
    /// ran (ServiceRunner): the exporter's run must end at once when cancelled, or the failed
    /// start would hang instead of reporting its error.
    @Test func aBackendThatNeverRanIsDiscardedPromptly() async throws {
        var logger = Logger(label: "test.tracing")
        logger.logLevel = .warning
        let backend = try #require(try TracingBackend.make(TracingSettings(otlpEndpoint: "http://127.0.0.1:9"), service: .gateway, logger: logger))
        try await withTimeout(.seconds(10)) { await backend.discard() }
    }

    /// The backend the executables build, pointed at a collector on loopback: one call's client
    /// and server spans arrive as an OTLP/HTTP protobuf POST to /v1/traces, at the latest when
    /// the service stops (the exporter flushes on graceful shutdown).
    @Test func aCallsSpansReachTheCollector() async throws {
        var logger = Logger(label: "test.tracing")
        logger.logLevel = .warning
        let collector = try await LoopbackCollector.start()
        let backend = try #require(try TracingBackend.make(
            TracingSettings(otlpEndpoint: "http://127.0.0.1:\(collector.port)"), service: .registry, logger: logger))
        let group = ServiceGroup(services: [backend.exporter], logger: logger)
        let exporting = Task { try await group.run() }
        do {
            try await withTestServer(services: [EchoRPCService(policy: .anyIdentified)], configure: { $0.tracer = backend.tracer }) { _, endpoint in
                try await withTestClient(endpoint, configure: { $0.tracer = backend.tracer }) { client in
                    _ = try await client.unary(EchoService.echo, EchoMessage(text: "traced"))
                }
            }
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await withTimeout(.seconds(20)) { try await exporting.value }
        let request = try #require(try await withTimeout(.seconds(10)) { await collector.next() })
        await collector.close()

        #expect(request.method == .POST)
        #expect(request.uri == "/v1/traces")
        #expect(request.contentType == "application/x-protobuf")
        // Protobuf keeps strings as their UTF-8 bytes: the span names and the service name.
        func contains(_ text: String) -> Bool { request.body.contains(subsequence: Array(text.utf8)) }
        #expect(contains("jcskills.Echo/Echo"))
        #expect(contains("jcskills-registry"))
        #expect(contains("rpc.system") && contains("jcskills"))
    }
}
