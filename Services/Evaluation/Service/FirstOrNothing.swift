import Synchronization

/// Runs `body` and gives up on it after `limit`: the answer if it came in time, else nil.
///
/// A task group will not do: it waits for every child before returning, and a call stuck in a
/// TLS handshake with a peer that never answers does not end when cancelled — the client's own
/// connect timeout ends it, seconds later. So `body` runs in its own task, cancelled (best
/// effort) and left to finish in the background once the limit has passed.
enum FirstOrNothing {
    static func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async -> T? {
        let race = Race<T>()
        return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            race.start(continuation)
            race.worker.withLock { $0 = Task { race.finish(try? await body()) } }
            Task {
                try? await Task.sleep(for: limit)
                race.finish(nil)
                race.worker.withLock { $0?.cancel() }
            }
        }
    }

    /// The continuation, resumed once by whichever side ends first.
    private final class Race<T: Sendable>: Sendable {
        let slot = Mutex<CheckedContinuation<T?, Never>?>(nil)
        let worker = Mutex<Task<Void, Never>?>(nil)

        func start(_ continuation: CheckedContinuation<T?, Never>) {
            slot.withLock { $0 = continuation }
        }

        func finish(_ value: T?) {
            let continuation = slot.withLock { slot in
                defer { slot = nil }
                return slot
            }
            continuation?.resume(returning: value)
        }
    }
}
