import Synchronization

/// A FIFO counting semaphore for Swift concurrency.
///
/// The store uses it for the single SQLite writer (one permit) and for the pool of SQLite
/// reader connections (one permit per connection). Waiting suspends the task instead of
/// blocking a thread: the SQLite thread pool is small, and a thread parked in SQLite's busy
/// handler while the lock holder needs a thread to finish would deadlock.
///
/// Waiters are served in arrival order, so a steady stream of writers cannot starve an early
/// one. A waiter whose task is cancelled leaves the queue and throws `CancellationError`;
/// a waiter that was granted its permit just before the cancellation keeps it (and returns it
/// as usual), so no permit is ever lost.
final class AsyncSemaphore: Sendable {
    private struct State {
        var permits: Int
        var nextID: UInt64 = 0
        /// Queued waiters in arrival order.
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
        /// Waiters between "no permit free" and "queued", with whether they were cancelled
        /// meanwhile: the cancellation handler can run before the continuation exists.
        var registering: [UInt64: Bool] = [:]
    }

    private let state: Mutex<State>

    /// Creates a semaphore with `permits` permits (at least 1).
    init(permits: Int) {
        precondition(permits >= 1, "a semaphore needs at least one permit")
        self.state = Mutex(State(permits: permits))
    }

    /// How many tasks are queued for a permit (for tests that must know a waiter has queued).
    var waiting: Int { state.withLock { $0.waiters.count } }

    /// Takes a permit, suspending in FIFO order until one is free.
    ///
    /// - Throws: `CancellationError` when the task is cancelled before a permit is granted
    ///   (no permit is held in that case).
    func acquire() async throws {
        try Task.checkCancellation()
        let id: UInt64? = state.withLock { state in
            if state.permits > 0, state.waiters.isEmpty {
                state.permits -= 1
                return nil
            }
            state.nextID += 1
            state.registering[state.nextID] = false
            return state.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Outcome { case cancelled, granted, queued }
                let outcome: Outcome = state.withLock { state in
                    if state.registering.removeValue(forKey: id) == true { return .cancelled }
                    // A permit may have been released since the fast path looked.
                    if state.permits > 0, state.waiters.isEmpty {
                        state.permits -= 1
                        return .granted
                    }
                    state.waiters.append((id, continuation))
                    return .queued
                }
                switch outcome {
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .granted: continuation.resume()
                case .queued: break
                }
            }
        } onCancel: {
            let cancelled: CheckedContinuation<Void, any Error>? = state.withLock { state in
                if let index = state.waiters.firstIndex(where: { $0.id == id }) {
                    return state.waiters.remove(at: index).continuation
                }
                if state.registering[id] != nil { state.registering[id] = true }
                // Otherwise the permit was already granted: the waiter keeps it.
                return nil
            }
            cancelled?.resume(throwing: CancellationError())
        }
    }

    /// Returns a permit, waking the longest-waiting task if there is one.
    func release() {
        let next: CheckedContinuation<Void, any Error>? = state.withLock { state in
            if !state.waiters.isEmpty {
                // Queues stay short (bounded by concurrent calls), so removeFirst is cheap enough.
                return state.waiters.removeFirst().continuation
            }
            state.permits += 1
            return nil
        }
        next?.resume()
    }

    /// Runs `body` while holding a permit; the permit is returned however `body` ends.
    func withPermit<T>(_ body: () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await body()
    }
}
