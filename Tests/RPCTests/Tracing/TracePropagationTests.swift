import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
import Tracing

/// Protocol/SPEC.md §6.4 over real TLS on 127.0.0.1: a client span per call, its context in
/// HEADERS, a server span around the handler that is its child, and the handler's own calls in
/// the same trace.
@Suite("Trace context across a call", .timeLimit(.minutes(1)))
struct TracePropagationTests {
    /// Answers with the caller's `traceparent` as the handler saw it; fails on request.
    struct Probe: RPCService {
        static let look = Method<EchoMessage, EchoMessage>(service: "test.Trace", name: "Look", kind: .unary)
        /// Calls the echo service at `count`'s port on the handler's behalf.
        static let relay = Method<EchoMessage, EchoMessage>(service: "test.Trace", name: "Relay", kind: .unary)
        let next: RPCClient?

        func register(in router: inout RPCRouter) {
            router.unary(Self.look, policy: .anyIdentified) { request, context in
                switch request.text {
                case "not found": throw RPCError(.notFound, "no such thing")
                case "broken": throw RPCError(.internal, "broken")
                default: return EchoMessage(text: context[metadata: "traceparent"] ?? "")
                }
            }
            router.unary(Self.relay, policy: .anyIdentified) { request, _ in
                try await next!.unary(Self.look, request)
            }
        }
    }

    static func spans(_ tracer: RecordingTracer) async throws -> [RecordingTracer.FinishedSpan] {
        try await withTimeout(.seconds(10)) { await tracer.waitUntilQuiet() }
        return tracer.finishedSpans
    }

    @Test func theServerSpanIsTheChildOfTheClientSpanAndBothDescribeTheCall() async throws {
        let tracer = RecordingTracer()
        let seen = try await TestTracing.$tracer.withValue(tracer) {
            try await withTestServer(services: [Probe(next: nil)]) { _, endpoint in
                try await withTestClient(endpoint) { client in
                    try await client.unary(Probe.look, EchoMessage(text: "hello")).text
                }
            }
        }
        let spans = try await Self.spans(tracer)
        let client = try #require(spans.first { $0.kind == .client })
        let server = try #require(spans.first { $0.kind == .server })
        #expect(spans.count == 2)
        #expect(TraceParent(seen)?.traceID == client.traceID, "the handler saw the client span's trace")
        #expect(TraceParent(seen)?.parentID == client.spanID)
        #expect(client.parentID == nil)
        #expect(server.traceID == client.traceID && server.parentID == client.spanID)
        for span in [client, server] {
            #expect(span.name == "test.Trace/Look")
            #expect(span.string("rpc.system") == "jcskills")
            #expect(span.string("rpc.service") == "test.Trace")
            #expect(span.string("rpc.method") == "Look")
            #expect(span.int("rpc.jcskills.status_code") == 0)
            #expect(span.status == nil && span.errors.isEmpty)
        }
        #expect(client.string("server.address") == "127.0.0.1")
        #expect(server.string("jcskills.principal") == "jcskills://admin")
    }

    @Test func aHandlersOwnCallsJoinTheTraceOfTheCallItServes() async throws {
        let tracer = RecordingTracer()
        try await TestTracing.$tracer.withValue(tracer) {
            try await withTestServer(services: [Probe(next: nil)]) { _, inner in
                try await withTestClient(inner, as: "gateway") { next in
                    try await withTestServer(services: [Probe(next: next)]) { _, outer in
                        try await withTestClient(outer) { client in
                            _ = try await client.unary(Probe.relay, EchoMessage(text: "hello"))
                        }
                    }
                }
            }
        }
        let spans = try await Self.spans(tracer)
        #expect(spans.count == 4)
        #expect(Set(spans.map(\.traceID)).count == 1, "one trace")
        let root = try #require(spans.first { $0.parentID == nil })
        let relay = try #require(spans.first { $0.kind == .server && $0.name == "test.Trace/Relay" })
        let onward = try #require(spans.first { $0.kind == .client && $0.name == "test.Trace/Look" })
        let look = try #require(spans.first { $0.kind == .server && $0.name == "test.Trace/Look" })
        #expect(root.kind == .client && root.name == "test.Trace/Relay")
        #expect(relay.parentID == root.spanID)
        #expect(onward.parentID == relay.spanID, "the handler's call is the child of its server span")
        #expect(look.parentID == onward.spanID)
    }

    @Test func aMalformedTraceparentIsIgnoredAndTheCallSucceeds() async throws {
        let tracer = RecordingTracer()
        let answer = try await withTestServer(services: [Probe(next: nil)], configure: { $0.tracer = tracer }) { _, endpoint in
            // An untraced client sends whatever its caller put in the metadata.
            try await withTestClient(endpoint) { client in
                try await client.unary(Probe.look, EchoMessage(text: "hello"), options: CallOptions(metadata: [
                    MetadataEntry("traceparent", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"),
                    MetadataEntry("tracestate", "rojo=1"),
                ]))
            }
        }
        #expect(answer.text.hasPrefix("00-4BF92F"), "the handler still sees the metadata as sent")
        let spans = try await Self.spans(tracer)
        let server = try #require(spans.first)
        #expect(spans.count == 1)
        #expect(server.kind == .server && server.parentID == nil, "a root span: the bad context was dropped")
        #expect(server.int("rpc.jcskills.status_code") == 0)
        #expect(tracer.extractedTraceParents.isEmpty, "the tracer never saw the malformed value")
    }

    @Test func aLaterVersionsTraceparentIsFollowedAndPassedToTheTracerAsVersion00() async throws {
        let tracer = RecordingTracer()
        let traceID = "4bf92f3577b34da6a3ce929d0e0e4736", spanID = "00f067aa0ba902b7"
        try await withTestServer(services: [Probe(next: nil)], configure: { $0.tracer = tracer }) { _, endpoint in
            try await withTestClient(endpoint) { client in
                _ = try await client.unary(Probe.look, EchoMessage(text: "hello"), options: CallOptions(metadata: [
                    MetadataEntry("traceparent", "02-\(traceID)-\(spanID)-01-future"),
                ]))
            }
        }
        let server = try #require(try await Self.spans(tracer).first)
        #expect(tracer.extractedTraceParents == ["00-\(traceID)-\(spanID)-01"])
        #expect(server.traceID == TraceParent("00-\(traceID)-\(spanID)-01")?.traceID)
        #expect(server.parentID == TraceParent("00-\(traceID)-\(spanID)-01")?.parentID)
    }

    @Test func failuresCarryTheirStatusAndOnlyServerFaultsAreServerErrors() async throws {
        let tracer = RecordingTracer()
        try await TestTracing.$tracer.withValue(tracer) {
            try await withTestServer(services: [Probe(next: nil)]) { _, endpoint in
                try await withTestClient(endpoint) { client in
                    for text in ["not found", "broken"] {
                        await #expect(throws: RPCError.self) { try await client.unary(Probe.look, EchoMessage(text: text)) }
                    }
                }
            }
        }
        let spans = try await Self.spans(tracer)
        #expect(spans.count == 4)
        func span(_ kind: SpanKind, _ code: Int64) -> RecordingTracer.FinishedSpan? {
            spans.first { $0.kind == kind && $0.int("rpc.jcskills.status_code") == code }
        }
        let clientNotFound = try #require(span(.client, 5))
        let serverNotFound = try #require(span(.server, 5))
        let clientInternal = try #require(span(.client, 13))
        let serverInternal = try #require(span(.server, 13))
        #expect(clientNotFound.status?.code == .error && clientNotFound.errors.count == 1, "every failure is the client's error")
        #expect(serverNotFound.status == nil && serverNotFound.errors.isEmpty, "a refusal is the server doing its job")
        #expect(clientInternal.status?.code == .error)
        #expect(serverInternal.status?.code == .error && serverInternal.errors.count == 1)
    }

    @Test func withoutATracerNothingIsAddedToTheCall() async throws {
        let seen = try await withTestServer(services: [Probe(next: nil)]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                try await client.unary(Probe.look, EchoMessage(text: "hello")).text
            }
        }
        #expect(seen.isEmpty, "no traceparent in HEADERS")
    }

    @Test func streamingCallsGetOneSpanEach() async throws {
        let tracer = RecordingTracer()
        try await TestTracing.$tracer.withValue(tracer) {
            try await withTestServer(services: [EchoRPCService(policy: .anyIdentified)]) { _, endpoint in
                try await withTestClient(endpoint) { client in
                    let count = try await client.serverStreaming(EchoService.expand, EchoMessage(count: 3)) { responses in
                        var count = 0
                        for try await _ in responses { count += 1 }
                        return count
                    }
                    #expect(count == 3)
                    let collected = try await client.clientStreaming(EchoService.collect) { writer in
                        for _ in 0..<3 { try await writer.send(EchoMessage(text: "x")) }
                    }
                    #expect(collected.count == 3)
                    let updates = try await client.bidirectionalStreaming(EchoService.update) { writer, responses in
                        try await writer.send(EchoMessage(text: "a"))
                        writer.finish()
                        var count = 0
                        for try await _ in responses { count += 1 }
                        return count
                    }
                    #expect(updates == 1)
                }
            }
        }
        let spans = try await Self.spans(tracer)
        #expect(spans.count == 6)
        for name in ["jcskills.Echo/Expand", "jcskills.Echo/Collect", "jcskills.Echo/Update"] {
            let client = try #require(spans.first { $0.kind == .client && $0.name == name })
            let server = try #require(spans.first { $0.kind == .server && $0.name == name })
            #expect(server.parentID == client.spanID && server.traceID == client.traceID, "\(name)")
            #expect(server.int("rpc.jcskills.status_code") == 0 && client.int("rpc.jcskills.status_code") == 0)
        }
        #expect(Set(spans.map(\.traceID)).count == 3, "three calls, three traces")
    }
}
