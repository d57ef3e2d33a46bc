import Synchronization

/// What all connections of one server hold together: connections, running calls and bytes of
/// unfinished request messages, each against its limit in ``ServerConfiguration``. Counted
/// with atomics because every event loop charges it; a charge over the limit is undone at once.
final class ServerBudget: Sendable {
    let maximumConnections: Int
    let maximumCalls: Int
    let maximumBufferedBytes: Int
    private let connections = Atomic<Int>(0)
    private let calls = Atomic<Int>(0)
    private let bufferedBytes = Atomic<Int>(0)
    private let refusedConnections = Atomic<Int>(0)
    private let closedConnections = Atomic<Int>(0)

    init(_ configuration: ServerConfiguration) {
        maximumConnections = configuration.maximumConnections
        maximumCalls = configuration.maximumCalls
        maximumBufferedBytes = configuration.maximumBufferedBytes
    }

    /// Takes a connection slot; false (and nothing taken) when all are in use.
    func admitConnection() -> Bool {
        admit(connections, limit: maximumConnections)
    }

    func connectionClosed() {
        connections.subtract(1, ordering: .relaxed)
        closedConnections.add(1, ordering: .relaxed)
    }

    /// Connections closed since the last call (what ``FreedMemoryReturn`` looks at).
    func takeClosedConnections() -> Int { closedConnections.exchange(0, ordering: .relaxed) }

    /// Counts a refused connection and returns how many have been refused so far.
    func connectionRefused() -> Int { refusedConnections.add(1, ordering: .relaxed).newValue }

    /// Takes a call slot; false (and nothing taken) when all are in use.
    func admitCall() -> Bool {
        admit(calls, limit: maximumCalls)
    }

    func callEnded() { calls.subtract(1, ordering: .relaxed) }

    /// Adds `delta` buffered bytes (negative to release); false when a growth would pass the
    /// limit, in which case the growth is not kept.
    func chargeBuffered(_ delta: Int) -> Bool {
        let total = bufferedBytes.add(delta, ordering: .relaxed).newValue
        if delta > 0 && total > maximumBufferedBytes {
            bufferedBytes.subtract(delta, ordering: .relaxed)
            return false
        }
        return true
    }

    var openConnections: Int { connections.load(ordering: .relaxed) }
    var runningCalls: Int { calls.load(ordering: .relaxed) }
    var buffered: Int { bufferedBytes.load(ordering: .relaxed) }

    private func admit(_ counter: borrowing Atomic<Int>, limit: Int) -> Bool {
        if counter.add(1, ordering: .relaxed).newValue > limit {
            counter.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }
}
