import JCSkillsProtocol
@testable import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import Synchronization
import Testing

/// An endpoint given as a name stands for every replica it resolves to
/// (Sources/RPC/Client/ReplicaSet.swift): the client keeps a connection to each address and
/// spreads its calls over them, finds replicas that came or went when it resolves again, and
/// says which name failed when none can be reached.
@Suite("Client: a name for several replicas", .timeLimit(.minutes(1)))
struct NameResolutionTests {
    /// Answers a fixed name with whatever the test says now, counting the questions.
    final class TestResolver: Sendable {
        let answer: Mutex<Result<[Endpoint], NameResolutionError>>
        let questions = Atomic(0)

        init(_ addresses: [Endpoint]) { answer = Mutex(.success(addresses)) }

        func set(_ addresses: [Endpoint]) { answer.withLock { $0 = .success(addresses) } }
        func fail(_ reason: String) { answer.withLock { $0 = .failure(NameResolutionError(name: NameResolutionTests.name.host, reason: reason)) } }

        var resolve: NameResolver {
            { endpoint in
                #expect(endpoint == NameResolutionTests.name)
                self.questions.add(1, ordering: .relaxed)
                return try self.answer.withLock { try $0.get() }
            }
        }
    }

    /// The name the client is given. The test PKI's server certificates name "localhost", and
    /// the name is what the certificate is checked against, whatever address is dialled.
    static let name = Endpoint(host: "localhost", port: 7101)

    /// Two servers that name themselves in their health answers.
    private func withReplicas<T: Sendable>(_ body: (Endpoint, Endpoint) async throws -> T) async throws -> T {
        try await withTestServer(services: [], configure: { $0.serverName = "replica-a" }) { _, a in
            try await withTestServer(services: [], configure: { $0.serverName = "replica-b" }) { _, b in
                try await body(a, b)
            }
        }
    }

    private func whoAnswers(_ client: RPCClient) async throws -> String {
        try await client.unary(HealthService.check, HealthCheckRequest()).server
    }

    private func client<T: Sendable>(_ resolver: TestResolver, interval: TimeAmount = .seconds(30), _ body: (RPCClient) async throws -> T) async throws -> T {
        try await withTestClient(endpoints: [Self.name], configure: {
            $0.resolveInterval = interval
            $0.nameResolver = resolver.resolve
        }, body)
    }

    @Test func aNameForTwoReplicasSpreadsCallsOverBoth() async throws {
        try await withReplicas { a, b in
            let resolver = TestResolver([a, b])
            let answered = try await client(resolver) { client in
                var answered: [String: Int] = [:]
                for _ in 0..<20 { answered[try await whoAnswers(client), default: 0] += 1 }
                return answered
            }
            #expect(answered == ["replica-a": 10, "replica-b": 10], "round-robin over both addresses")
            #expect(resolver.questions.load(ordering: .relaxed) == 1, "resolved once within the interval")
        }
    }

    @Test func aReplicaThatWentIsDroppedAndOneThatCameIsUsed() async throws {
        try await withReplicas { a, b in
            let resolver = TestResolver([a])
            try await client(resolver, interval: .nanoseconds(1)) { client in
                #expect(try await whoAnswers(client) == "replica-a")
                resolver.set([b])
                // Every call past the interval starts a resolution in the background; the one
                // that sees the new answer swaps both addresses at once.
                var calls = 0
                while try await whoAnswers(client) == "replica-a" {
                    calls += 1
                    try #require(calls < 1_000, "the new address was never used")
                    await Task.yield()
                }
                for _ in 0..<10 { #expect(try await whoAnswers(client) == "replica-b", "the address that left the name is no longer called") }
            }
        }
    }

    @Test func aNameThatDoesNotResolveFailsUnavailableNamingIt() async throws {
        try await withReplicas { a, _ in
            let resolver = TestResolver([])
            resolver.fail("no such host")
            try await client(resolver) { client in
                let error = await #expect(throws: RPCError.self) { try await whoAnswers(client) }
                #expect(error?.code == .unavailable)
                #expect(error?.message.contains("localhost:7101") == true && error?.message.contains("no such host") == true, "\(String(describing: error))")
                // A streaming call's failure is an RPCError too, not the client's internal one.
                await #expect(throws: RPCError.self) {
                    try await client.serverStreaming(EchoService.expand, EchoMessage(count: 1)) { _ in }
                }
                // The name works again: after the pause that spares the resolver, calls go through.
                resolver.set([a])
                try await Task.sleep(for: .milliseconds(Int(ReplicaSet.retryAfterFailure.nanoseconds / 1_000_000) + 100))
                #expect(try await whoAnswers(client) == "replica-a")
            }
        }
    }

    /// The system's resolver, and a name dialled by address with the name checked against the
    /// server's certificate.
    @Test func localhostResolvesAndItsCertificateNameIsChecked() async throws {
        let addresses = try await SystemNameResolver.resolve(Endpoint(host: "localhost", port: 7101))
        #expect(addresses.contains(Endpoint(host: "127.0.0.1", port: 7101)), "\(addresses)")
        try await withTestServer(services: []) { _, endpoint in
            try await withTestClient(Endpoint(host: "localhost", port: endpoint.port)) { client in
                let health = try await client.unary(HealthService.check, HealthCheckRequest())
                #expect(health.status == .serving)
            }
        }
    }
}
