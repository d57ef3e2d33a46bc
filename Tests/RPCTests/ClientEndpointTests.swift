import JCSkillsProtocol
@testable import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import Testing

/// How the client picks an endpoint and backs off from one that failed (Client/RPCClient.swift,
/// Client/ClientConnection.swift), and what a call made while serving another inherits
/// (Core/CallScope.swift). Real sockets on 127.0.0.1: a dead endpoint is a free port nobody
/// listens on, so a connect to it is refused at once.
@Suite("Client: endpoint choice, back-off and inherited call scope (SPEC.md §6.1, §6.3, §10.3)", .timeLimit(.minutes(1)))
struct ClientEndpointTests {
    private func client(_ endpoints: [Endpoint], _ configure: (inout ClientConfiguration) -> Void = { _ in }) throws -> RPCClient {
        var configuration = ClientConfiguration(tls: TestPKI.shared.files("admin"))
        configuration.defaultTimeout = .seconds(20)
        configuration.maximumAttempts = 1
        configure(&configuration)
        return try RPCClient(endpoints: endpoints, configuration: configuration)
    }

    private func deadEndpoint() throws -> Endpoint {
        Endpoint(host: "127.0.0.1", port: try freeLoopbackPort())
    }

    private func failure(_ body: () async throws -> Void) async -> RPCError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? RPCError
        }
    }

    /// The milliseconds in "next attempt in N ms".
    private func nextAttempt(_ message: String) -> Int? {
        guard let range = message.range(of: "next attempt in ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }

    /// §10.3: after a failed connect the endpoint backs off for the initial delay (±20 %
    /// jitter), capped by the maximum: a call meanwhile fails at once with UNAVAILABLE, saying
    /// why and when the next attempt is, without dialling. Only upper bounds are exact (time only
    /// shrinks the delay left); the uncapped case's lower bound allows 45 s of a slow machine.
    @Test(arguments: [
        (initial: TimeAmount.seconds(60), maximum: TimeAmount.seconds(120), ceiling: 72_000, floor: 2_400),
        (initial: .seconds(600), maximum: .seconds(2), ceiling: 2_400, floor: 0),
    ])
    func aFailedConnectBacksOffWithinItsBounds(_ backoff: (initial: TimeAmount, maximum: TimeAmount, ceiling: Int, floor: Int)) async throws {
        let client = try client([try deadEndpoint()]) {
            $0.initialBackoff = backoff.initial
            $0.maximumBackoff = backoff.maximum
        }
        let first = await failure { _ = try await client.unary(HealthService.check, HealthCheckRequest()) }
        #expect(first?.code == .unavailable)
        #expect(first.flatMap { nextAttempt($0.message) } == nil, "the first call dialled: \(first?.message ?? "")")
        let second = try #require(await failure { _ = try await client.unary(HealthService.check, HealthCheckRequest()) })
        #expect(second.code == .unavailable)
        let wait = try #require(nextAttempt(second.message), "not a back-off: \(second.message)")
        #expect(wait <= backoff.ceiling && wait > backoff.floor, "\(second.message)")
        await client.close()
    }

    /// §10.3: calls go round-robin over the endpoints and skip one that is backing off: with a
    /// dead endpoint first and no retries, only the first call (which found it dead) fails.
    @Test func callsSkipAnEndpointThatIsBackingOff() async throws {
        try await withTestServer(services: []) { _, live in
            let client = try client([try deadEndpoint(), live]) { $0.initialBackoff = .seconds(60) }
            let first = await failure { _ = try await client.unary(HealthService.check, HealthCheckRequest()) }
            #expect(first?.code == .unavailable)
            for call in 0..<10 {
                let health = try await client.unary(HealthService.check, HealthCheckRequest())
                #expect(health.status == .serving, "call \(call)")
            }
            await client.close()
        }
    }

    /// Calls alternate between live endpoints: ten calls over two servers are five each.
    @Test func callsAlternateBetweenLiveEndpoints() async throws {
        let probes = [Probe(), Probe()]
        try await withTestServer(services: [ProbeService(probe: probes[0])]) { _, first in
            try await withTestServer(services: [ProbeService(probe: probes[1])]) { _, second in
                let client = try client([first, second])
                for _ in 0..<10 { _ = try await client.unary(ProbeService.slow, EchoMessage(text: "x")) }
                await client.close()
            }
        }
        #expect(probes.map { $0.recorded.filter { $0 == "finished" }.count } == [5, 5])
    }

    /// §6.1: a call made while serving one whose deadline has passed fails with
    /// DEADLINE_EXCEEDED before it is sent — here before any connection is even tried.
    @Test func aPassedInheritedDeadlineFailsBeforeDialling() async throws {
        let client = try client([try deadEndpoint()])
        let scope = CallScope.Inherited(deadline: .now() - .milliseconds(1))
        let error = await CallScope.$current.withValue(scope) {
            await failure { _ = try await client.unary(HealthService.check, HealthCheckRequest(), options: CallOptions(timeout: .seconds(30))) }
        }
        #expect(error?.code == .deadlineExceeded)
        #expect(error?.message == "the deadline passed before the call to jcskills.Health/Check was made")
        await client.close()
    }

    /// What a handler's own calls take from the call it serves.
    struct ScopeEcho: RPCService {
        static let look = Method<EchoMessage, EchoMessage>(service: "test.Scope", name: "Look", kind: .unary)

        func register(in router: inout RPCRouter) {
            router.unary(Self.look, policy: .anyAuthenticated) { _, context in
                let remaining = context.timeRemaining.map { $0 / .milliseconds(1) } ?? -1
                return EchoMessage(text: "\(context.acceptLanguage ?? "-")|\(context.requestID)", count: UInt32(max(0, remaining)))
            }
        }
    }

    /// §6.1, §6.3: a downstream call inherits the served call's deadline when it is tighter than
    /// its own timeout, its request id, and its caller's language unless the call names one.
    @Test func aDownstreamCallInheritsTheServedCallsScope() async throws {
        try await withTestServer(services: [ScopeEcho()]) { _, endpoint in
            let client = try client([endpoint])
            let scope = CallScope.Inherited(deadline: .now() + .seconds(3), requestID: "upstream-7", acceptLanguage: "zh")
            let inherited = try await CallScope.$current.withValue(scope) {
                try await client.unary(ScopeEcho.look, EchoMessage(), options: CallOptions(timeout: .seconds(50)))
            }
            #expect(inherited.text == "zh|upstream-7")
            #expect(inherited.count <= 3_000, "the server saw \(inherited.count) ms left")
            let own = try await CallScope.$current.withValue(scope) {
                try await client.unary(ScopeEcho.look, EchoMessage(), options: CallOptions(
                    timeout: .seconds(1), metadata: [MetadataEntry(MetadataKey.acceptLanguage, "en")], requestID: "own-1"))
            }
            #expect(own.text == "en|own-1")
            #expect(own.count <= 1_000, "the call's own, tighter timeout")
            await client.close()
        }
    }

    /// Forwards ``ScopeEcho/look`` with no options of its own: what the downstream server sees
    /// comes from the scope the server gave the handler's task.
    struct ScopeRelay: RPCService {
        static let relay = Method<EchoMessage, EchoMessage>(service: "test.ScopeRelay", name: "Relay", kind: .unary)
        let downstream: RPCClient

        func register(in router: inout RPCRouter) {
            router.unary(Self.relay, policy: .anyAuthenticated) { [downstream] request, _ in
                try await downstream.unary(ScopeEcho.look, request)
            }
        }
    }

    /// §6.1, §6.3: a handler's own calls carry the served call's request id, language and
    /// (tighter) deadline — the scope the server binds for the handler's task.
    @Test func aHandlersCallsCarryTheServedCallsScope() async throws {
        try await withTestServer(services: [ScopeEcho()]) { _, downstreamEndpoint in
            let downstream = try client([downstreamEndpoint]) { $0.defaultTimeout = .seconds(50) }
            try await withTestServer(services: [ScopeRelay(downstream: downstream)]) { _, front in
                let client = try client([front])
                let seen = try await client.unary(ScopeRelay.relay, EchoMessage(), options: CallOptions(
                    timeout: .seconds(2), metadata: [MetadataEntry(MetadataKey.acceptLanguage, "zh-CN")], requestID: "front-42"))
                #expect(seen.text == "zh-CN|front-42")
                #expect(seen.count <= 2_000, "the downstream server saw \(seen.count) ms left")
                await client.close()
            }
            await downstream.close()
        }
    }
}
