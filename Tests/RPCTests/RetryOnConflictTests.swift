import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Synchronization
import Testing

/// Protocol/SPEC.md §10.3: a unary call that lost a conflict (ABORTED: the server rolled its
/// transaction back) is sent again when a repeat cannot count twice — it carries an
/// idempotency key — and not otherwise.
@Suite("ABORTED is retried when a repeat cannot count twice", .timeLimit(.minutes(1)))
struct RetryOnConflictTests {
    @Test func aKeyedCallThatLostAConflictIsSentAgainAnUnkeyedOneIsNot() async throws {
        let service = ConflictOnceService()
        try await withTestServer(services: [service]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let answer = try await client.unary(ConflictOnceService.write, EchoMessage(text: "keyed"),
                                                    options: CallOptions(idempotencyKey: "conflict-1"))
                #expect(answer.text == "keyed")
                #expect(service.attempts("keyed") == 2)

                let refused = await #expect(throws: RPCError.self) {
                    try await client.unary(ConflictOnceService.write, EchoMessage(text: "unkeyed"))
                }
                #expect(refused?.code == .aborted)
                #expect(service.attempts("unkeyed") == 1)
            }
        }
    }
}

/// Loses a conflict the first time it sees each text, then answers.
private final class ConflictOnceService: RPCService, Sendable {
    static let write = Method<EchoMessage, EchoMessage>(service: "test.Conflict", name: "Write", kind: .unary)
    private let seen = Mutex<[String: Int]>([:])

    func attempts(_ text: String) -> Int { seen.withLock { $0[text] ?? 0 } }

    /// Counts an attempt with `text`; which one it is.
    private func count(_ text: String) -> Int {
        seen.withLock { counts in
            counts[text, default: 0] += 1
            return counts[text]!
        }
    }

    func register(in router: inout RPCRouter) {
        router.unary(Self.write, policy: .anyAuthenticated) { request, _ in
            if self.count(request.text) == 1 { throw RPCError(.aborted, "the write lost a conflict and was rolled back") }
            return request
        }
    }
}
