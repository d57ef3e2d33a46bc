import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Synchronization

/// Records what handlers observed, for tests to assert on, and wakes the tests waiting for it:
/// a test awaits the event itself, not a time in which it probably happened.
final class Probe: Sendable {
    private struct Waiter {
        let satisfied: @Sendable (_ events: [String], _ count: Int) -> Bool
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var events: [String] = []
        var count = 0
        var waiters: [Int: Waiter] = [:]
        var nextWaiter = 0

        /// Removes and returns the waiters whose condition now holds.
        mutating func dueWaiters() -> [CheckedContinuation<Void, Never>] {
            let due = waiters.filter { $0.value.satisfied(events, count) }
            for id in due.keys { waiters[id] = nil }
            return due.values.map(\.continuation)
        }
    }

    private let state = Mutex(State())

    func record(_ event: String) {
        state.withLock { state in
            state.events.append(event)
            return state.dueWaiters()
        }.forEach { $0.resume() }
    }

    var recorded: [String] { state.withLock { $0.events } }

    func increment() {
        state.withLock { state in
            state.count += 1
            return state.dueWaiters()
        }.forEach { $0.resume() }
    }

    var count: Int { state.withLock { $0.count } }

    /// Returns true once `event` has been recorded; false if it was not within `limit`, a bound
    /// for a broken test (far beyond what any machine needs), not a guess at how long it takes.
    func wait(for event: String, within limit: Duration = .seconds(30)) async -> Bool {
        await wait(within: limit) { events, _ in events.contains(event) }
    }

    /// Returns true once `increment` has been called `count` times (or more).
    func wait(forCount count: Int, within limit: Duration = .seconds(30)) async -> Bool {
        await wait(within: limit) { _, reached in reached >= count }
    }

    private func wait(within limit: Duration, until satisfied: @escaping @Sendable ([String], Int) -> Bool) async -> Bool {
        (try? await withTimeout(limit) {
            await self.suspend(until: satisfied)
            return true
        }) ?? false
    }

    /// Suspends until `satisfied` holds; a cancelled wait (the bound passed) returns at once.
    private func suspend(until satisfied: @escaping @Sendable ([String], Int) -> Bool) async {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state -> Bool in
                    if satisfied(state.events, state.count) || Task.isCancelled { return true }
                    state.waiters[id] = Waiter(satisfied: satisfied, continuation: continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
        }
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
    /// Answers once the test records "open" (after recording "gated"): a call in flight for as
    /// long as the test needs, without a guess at how long that is.
    static let gated = Method<EchoMessage, EchoMessage>(service: "test.Probe", name: "Gated", kind: .unary)
    /// Takes one request, then answers OK while the client may still send.
    static let answerAfterOne = Method<EchoMessage, EchoMessage>(service: "test.Probe", name: "AnswerAfterOne", kind: .clientStreaming)

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
        router.unary(Self.gated, policy: .anyIdentified) { request, _ in
            probe.record("gated")
            guard await probe.wait(for: "open") else { throw RPCError(.deadlineExceeded, "the test never opened the gate") }
            return request
        }
        router.clientStreaming(Self.answerAfterOne, policy: .anyIdentified) { requests, _ in
            for try await request in requests { return EchoMessage(text: "took \(request.text)") }
            return EchoMessage(text: "took none")
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
