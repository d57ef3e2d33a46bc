import JCSkillsTestSupport

/// Waits until `condition` — a reading of the server's own counters (`RPCServer.connectionCount`,
/// `runningCalls`, `bufferedBytes`) — holds, failing after 30 s.
///
/// The one place the RPC tests look again and again rather than await an event: those counters
/// change on the server's event loops, which tell no one, and a test must not reach into them.
/// Each look is a condition, not a guess at how long something takes: a slow or busy machine
/// only makes the wait longer, never the test wrong. The 30 s bound is for a broken server.
func waitUntil(_ condition: @escaping @Sendable () -> Bool) async throws {
    try await withTimeout(.seconds(30)) {
        while !condition() { try await Task.sleep(for: .milliseconds(5)) }
    }
}
