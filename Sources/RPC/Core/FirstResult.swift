import Synchronization

/// Resumes a continuation with the first value offered and ignores the rest; then runs the
/// clean-up registered with ``onSettled(_:)`` (cancelling the losers).
final class FirstResult<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, Never>?
        var early: Value?
        var settled = false
        var cleanUp: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    func arm(_ continuation: CheckedContinuation<Value, Never>) {
        let early: Value? = state.withLock { state in
            if let early = state.early { return early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    func offer(_ value: Value) {
        let (continuation, cleanUp): (CheckedContinuation<Value, Never>?, (@Sendable () -> Void)?) = state.withLock { state in
            guard !state.settled else { return (nil, nil) }
            state.settled = true
            guard let continuation = state.continuation else {
                // Settled before anyone waits: the clean-up already registered runs now all
                // the same, since no later call would run it.
                state.early = value
                return (nil, state.cleanUp)
            }
            state.continuation = nil
            return (continuation, state.cleanUp)
        }
        continuation?.resume(returning: value)
        cleanUp?()
    }

    /// Runs `cleanUp` once the race is settled (now, if it already is).
    func onSettled(_ cleanUp: @escaping @Sendable () -> Void) {
        let settled = state.withLock { state in
            state.cleanUp = cleanUp
            return state.settled
        }
        if settled { cleanUp() }
    }
}
