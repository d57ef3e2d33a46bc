import JCSkillsProtocol
import JCSkillsRPC
import Synchronization

/// Records what handlers observed, for tests to assert on.
final class Probe: Sendable {
    private let events = Mutex<[String]>([])
    private let counter = Atomic<Int>(0)

    func record(_ event: String) { events.withLock { $0.append(event) } }
    var recorded: [String] { events.withLock { $0 } }
    func increment() { counter.add(1, ordering: .relaxed) }
    var count: Int { counter.load(ordering: .relaxed) }

    /// Waits (bounded) until `event` has been recorded.
    func wait(for event: String, seconds: Double = 5) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if recorded.contains(event) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}

/// A service whose handlers report to a probe: a slow unary call that notices cancellation,
/// a downstream call that inherits the deadline, and a fire-hose server stream.
struct ProbeService: RPCService {
    static let slow = Method<EchoMessage, EchoMessage>(service: "test.Probe", name: "Slow", kind: .unary)
    static let flood = Method<EchoMessage, EchoMessage>(service: "test.Probe", name: "Flood", kind: .serverStreaming)
    static let adminOnly = Method<EchoMessage, EchoMessage>(service: "test.Probe", name: "AdminOnly", kind: .unary)
    static let countyOnly = Method<EchoMessage, EchoMessage>(service: "test.Probe", name: "CountyOnly", kind: .unary)
    static let whoAmI = Method<EchoMessage, EchoMessage>(service: "test.Probe", name: "WhoAmI", kind: .unary)
    /// Takes one request, then ends the call with FAILED_PRECONDITION while the client may still send.
    static let refuseAfterOne = Method<EchoMessage, EchoMessage>(service: "test.Probe", name: "RefuseAfterOne", kind: .clientStreaming)

    let probe: Probe

    func register(in router: inout RPCRouter) {
        router.unary(Self.slow, policy: .anyIdentified) { request, context in
            probe.record("started")
            probe.record("deadline:\(context.deadline != nil)")
            do {
                try await Task.sleep(for: .milliseconds(Int(request.delayMilliseconds)))
            } catch {
                probe.record("cancelled")
                throw error
            }
            probe.record("finished")
            return request
        }
        router.serverStreaming(Self.flood, policy: .anyIdentified) { request, writer, _ in
            for index in 0..<request.count {
                var message = request
                message.count = index
                try await writer.send(message)
                probe.increment()
            }
            probe.record("flood-done")
        }
        router.unary(Self.adminOnly, policy: .only(.role("admin"))) { request, _ in request }
        router.unary(Self.countyOnly, policy: .only(.anyCounty)) { request, context in
            EchoMessage(text: context.principal.county ?? "")
        }
        router.unary(Self.whoAmI, policy: .anyAuthenticated) { _, context in
            EchoMessage(text: context.principal.identity)
        }
        router.clientStreaming(Self.refuseAfterOne, policy: .anyIdentified) { requests, _ in
            for try await _ in requests { break }
            throw RPCError(.failedPrecondition, "one is enough")
        }
    }
}

/// Collects access denials.
final class RecordingAuditor: AccessAuditor {
    private let denials = Mutex<[String]>([])
    func denied(principal: Principal, method: String, requestID: String?, reason: String) {
        denials.withLock { $0.append("\(principal.identity) \(method)") }
    }
    var recorded: [String] { denials.withLock { $0 } }
}
