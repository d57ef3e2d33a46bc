import Synchronization

/// One read at a time per key: a call that finds a read of its key already running waits for
/// that read's value instead of starting its own. For figures kept a few seconds
/// (``FigureMemo``): when they expire under a steady load, every call in flight misses them at
/// once, and without this each reads afresh — the same statement, or the same call to another
/// service, tens of times over within a few milliseconds, with the calls behind them waiting.
///
/// When the running read fails, each call waiting for it reads for itself (the failure may be
/// the first caller's own: its deadline, its cancellation). After a write, ``forget()``: a call
/// arriving after it never joins a read begun before it. A waiting call waits for the read it
/// joined even when cancelled — as long as that read takes.
public final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State {
        var lastID: UInt64 = 0
        /// The calls waiting for each running read, by the read's number.
        var waiting: [UInt64: [CheckedContinuation<Value?, Never>]] = [:]
        /// The running read a call for the key may join (none after ``forget()``).
        var joinable: [Key: UInt64] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// The value `read` gives for `key`, or the value of the read of `key` already running.
    public func run(_ key: Key, _ read: () async throws -> Value) async throws -> Value {
        let leading: UInt64? = state.withLock { state in
            guard state.joinable[key] == nil else { return nil }
            state.lastID &+= 1
            state.joinable[key] = state.lastID
            state.waiting[state.lastID] = []
            return state.lastID
        }
        guard let leading else {
            let shared: Value? = await withCheckedContinuation { continuation in
                let joined = state.withLock { state in
                    guard let id = state.joinable[key] else { return false }
                    state.waiting[id, default: []].append(continuation)
                    return true
                }
                // The read ended between the two looks: read now.
                if !joined { continuation.resume(returning: nil) }
            }
            if let shared { return shared }
            return try await read()
        }
        let result: Result<Value, any Error>
        do {
            result = .success(try await read())
        } catch {
            result = .failure(error)
        }
        let waiters = state.withLock { state in
            if state.joinable[key] == leading { state.joinable[key] = nil }
            return state.waiting.removeValue(forKey: leading) ?? []
        }
        let shared = try? result.get()
        for waiter in waiters { waiter.resume(returning: shared) }
        return try result.get()
    }

    /// How many calls wait for the running read of `key` (for tests and diagnostics).
    public func waitingCalls(for key: Key) -> Int {
        state.withLock { state in state.joinable[key].map { state.waiting[$0]?.count ?? 0 } ?? 0 }
    }

    /// After a write: calls from now on start reads of their own (the running reads still
    /// answer the calls already waiting for them).
    public func forget() {
        state.withLock { $0.joinable.removeAll() }
    }
}
