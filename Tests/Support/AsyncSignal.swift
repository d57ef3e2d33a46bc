import Synchronization

/// A one-shot event a task can wait for: `fire()` once (later calls do nothing) wakes every
/// waiter, and a wait after the fire returns at once. Tests wait on it instead of sleeping
/// until something has probably happened.
public final class AsyncSignal: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Void, Never>])
        case fired
    }

    private let state = Mutex(State.waiting([]))

    public init() {}

    public func fire() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard case .waiting(let waiters) = state else { return [] }
            state = .fired
            return waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    public var hasFired: Bool {
        state.withLock { if case .fired = $0 { true } else { false } }
    }

    public func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                guard case .waiting(var waiters) = state else { return true }
                waiters.append(continuation)
                state = .waiting(waiters)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}
