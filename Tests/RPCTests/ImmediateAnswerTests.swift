import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// Unary handlers that answer from memory (`RPCRouter.unary(_:policy:immediate:otherwise:)`):
/// answered on the connection's event loop with no task, or handed on to the async handler,
/// with the same statuses, audit and spans as any other handler's.
@Suite("Answers at once, without a task", .timeLimit(.minutes(1)))
struct ImmediateAnswerTests {
    /// Records where each of its two handlers ran: in a task or not.
    struct AtOnceService: RPCService {
        static let look = Method<EchoMessage, EchoMessage>(service: "test.AtOnce", name: "Look", kind: .unary)
        let probe: Probe

        struct Broken: Error {}

        func register(in router: inout RPCRouter) {
            router.unary(Self.look, policy: .anyIdentified) { request, context in
                probe.record(withUnsafeCurrentTask { $0 == nil } ? "at once" : "in a task")
                switch request.text {
                case "later": return nil
                case "not found": throw RPCError(.notFound, "no record \(request.count)")
                case "refuse": throw RPCError(.permissionDenied, "not this county's record")
                case "broken": throw Broken()
                // What the services' refusals are written in, read from the call's scope.
                case "language": return EchoMessage(text: ServerContext.servedCallLanguage ?? "none")
                default: return EchoMessage(text: context.principal.identity, count: request.count)
                }
            } otherwise: { request, context in
                probe.record(withUnsafeCurrentTask { $0 == nil } ? "otherwise at once" : "otherwise in a task")
                try await Task.sleep(for: .milliseconds(1))
                return EchoMessage(text: "later", count: request.count + 1)
            }
        }
    }

    @Test func answersWithoutATask() async throws {
        let probe = Probe()
        try await withTestServer(services: [AtOnceService(probe: probe)]) { _, endpoint in
            try await withTestClient(endpoint, as: "county-140524") { client in
                let answer = try await client.unary(AtOnceService.look, EchoMessage(count: 7))
                #expect(answer == EchoMessage(text: "jcskills://county/140524", count: 7))
                try await withThrowingTaskGroup(of: UInt32.self) { group in
                    for index in 0..<200 {
                        group.addTask { try await client.unary(AtOnceService.look, EchoMessage(count: UInt32(index))).count }
                    }
                    var seen = Set<UInt32>()
                    for try await count in group { seen.insert(count) }
                    #expect(seen == Set(0..<200))
                }
            }
        }
        #expect(probe.recorded == Array(repeating: "at once", count: 201))
    }

    /// The call's scope is bound while the handler answers, as in a task: the refusals a
    /// service builds deep in its rules find the caller's language there.
    @Test func theCallersScopeIsBound() async throws {
        let probe = Probe()
        try await withTestServer(services: [AtOnceService(probe: probe)]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let chinese = try await client.unary(
                    AtOnceService.look, EchoMessage(text: "language"),
                    options: CallOptions(metadata: [MetadataEntry(MetadataKey.acceptLanguage, "zh-CN")]))
                #expect(chinese.text == "zh-CN")
                let unnamed = try await client.unary(AtOnceService.look, EchoMessage(text: "language"))
                #expect(unnamed.text == "none")
            }
        }
        #expect(probe.recorded == ["at once", "at once"])
    }

    /// nil hands the call on: the async handler answers, in a task, and the immediate one ran once.
    @Test func nilHandsTheCallToTheAsyncHandler() async throws {
        let probe = Probe()
        try await withTestServer(services: [AtOnceService(probe: probe)]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let answer = try await client.unary(AtOnceService.look, EchoMessage(text: "later", count: 1))
                #expect(answer == EchoMessage(text: "later", count: 2))
            }
        }
        #expect(probe.recorded == ["at once", "otherwise in a task"])
    }

    /// A thrown error ends the call as an async handler's would: its own status, INTERNAL with
    /// the request id for anything else, and a refusal on the auditor's record before the
    /// caller hears of it.
    @Test func errorsEndTheCallWithTheirStatus() async throws {
        let auditor = RecordingAuditor()
        try await withTestServer(services: [AtOnceService(probe: Probe())], auditor: auditor) { _, endpoint in
            try await withTestClient(endpoint, as: "county-140524") { client in
                let missing = await #expect(throws: RPCError.self) { try await client.unary(AtOnceService.look, EchoMessage(text: "not found", count: 3)) }
                #expect(missing?.code == .notFound)
                #expect(missing?.message == "no record 3")
                let broken = await #expect(throws: RPCError.self) { try await client.unary(AtOnceService.look, EchoMessage(text: "broken")) }
                #expect(broken?.code == .internal)
                #expect(broken?.message.contains("request id") == true, "\(String(describing: broken))")
                #expect(auditor.recorded.isEmpty)
                let refused = await #expect(throws: RPCError.self) { try await client.unary(AtOnceService.look, EchoMessage(text: "refuse")) }
                #expect(refused?.code == .permissionDenied)
                #expect(auditor.recorded == ["jcskills://county/140524 test.AtOnce/Look"])
                // The connection serves on after each.
                let after = try await client.unary(AtOnceService.look, EchoMessage(count: 9))
                #expect(after.count == 9)
            }
        }
    }

    /// A server with a tracer runs both handlers in the call's task, under its span, so the
    /// span covers the answer and records its status.
    @Test func aTracedServerAnswersUnderTheCallsSpan() async throws {
        let tracer = RecordingTracer()
        let probe = Probe()
        try await TestTracing.$tracer.withValue(tracer) {
            try await withTestServer(services: [AtOnceService(probe: probe)]) { _, endpoint in
                try await withTestClient(endpoint) { client in
                    let atOnce = try await client.unary(AtOnceService.look, EchoMessage(count: 4))
                    let later = try await client.unary(AtOnceService.look, EchoMessage(text: "later", count: 4))
                    #expect([atOnce.count, later.count] == [4, 5])
                    let missing = await #expect(throws: RPCError.self) { try await client.unary(AtOnceService.look, EchoMessage(text: "not found")) }
                    #expect(missing?.code == .notFound)
                }
            }
        }
        #expect(probe.recorded == ["in a task", "in a task", "otherwise in a task", "in a task"])
        try await withTimeout(.seconds(10)) { await tracer.waitUntilQuiet() }
        let servers = tracer.finishedSpans.filter { $0.kind == .server }
        #expect(servers.count == 3)
        #expect(servers.compactMap { $0.int("rpc.jcskills.status_code") }.sorted() == [0, 0, 5])
    }
}
