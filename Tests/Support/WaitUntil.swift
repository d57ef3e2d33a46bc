/// Waits until `condition` — a reading of counters a component keeps for itself (the RPC
/// server's `connectionCount`, the store's waiting reads) — holds, failing after 30 s.
///
/// For the few places a test looks again and again rather than awaits an event: those counters
/// change on threads that tell no one, and a test must not reach into them. Each look is a
/// condition, not a guess at how long something takes: a slow or busy machine only makes the
/// wait longer, never the test wrong. The 30 s bound is for a broken component.
public func waitUntil(_ condition: @escaping @Sendable () -> Bool) async throws {
    try await withTimeout(.seconds(30)) {
        while !condition() { try await Task.sleep(for: .milliseconds(5)) }
    }
}

/// ``waitUntil(_:)`` for a condition read by a call (a service's answer), failing after 30 s.
public func waitUntil(asking condition: @escaping @Sendable () async throws -> Bool) async throws {
    try await withTimeout(.seconds(30)) {
        while try await !condition() { try await Task.sleep(for: .milliseconds(5)) }
    }
}
