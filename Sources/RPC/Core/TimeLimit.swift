import NIOCore
import NIOPosix
import Synchronization

/// Runs work and gives up on it after a time limit, returning by the limit whatever happens.
///
/// A task group will not do: it waits for every child before returning, and a call stuck in a
/// TLS handshake with a peer that never answers does not end when cancelled — the client's own
/// connect timeout ends it, seconds later. So the work runs in its own task, is cancelled (best
/// effort) once the limit passes, and is left to finish in the background. Inside a handler that
/// task runs where the handler does (``CallScope/Inherited/executor``). The timer runs on an
/// event loop rather than as a task, so a busy task pool cannot hold the limit back.
public enum TimeLimit {
    /// `body`'s result if it ended within `limit` (its value or its error); nil if it did not.
    public static func run<T: Sendable>(
        _ limit: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async -> Result<T, any Error>? {
        let race = FirstResult<Result<T, any Error>?>()
        return await withCheckedContinuation { continuation in
            race.arm(continuation)
            let work = Task(executorPreference: CallScope.current?.executor) {
                do {
                    race.offer(.success(try await body()))
                } catch {
                    race.offer(.failure(error))
                }
            }
            let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: limit.timeAmount) {
                race.offer(nil)
            }
            race.onSettled {
                work.cancel()
                timer.cancel()
            }
        }
    }

    /// Runs `count` pieces of work at once (`body(0)`, `body(1)`, …) and returns by `limit`,
    /// or as soon as all have ended: each one's result, nil for those still running (they are
    /// cancelled and left to finish in the background). One timer for all of them — a fan-out
    /// with a limit per piece paid a task, a timer and a race for each.
    public static func runEach<T: Sendable>(
        _ limit: Duration, count: Int, _ body: @escaping @Sendable (Int) async throws -> T
    ) async -> [Result<T, any Error>?] {
        guard count > 0 else { return [] }
        let race = FirstResult<[Result<T, any Error>?]>()
        let gathered = Gathered<T>(count: count)
        return await withCheckedContinuation { continuation in
            race.arm(continuation)
            let work = (0..<count).map { index in
                Task(executorPreference: CallScope.current?.executor) {
                    let result: Result<T, any Error>
                    do {
                        result = .success(try await body(index))
                    } catch {
                        result = .failure(error)
                    }
                    if let all = gathered.add(result, at: index) { race.offer(all) }
                }
            }
            let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: limit.timeAmount) {
                race.offer(gathered.soFar)
            }
            race.onSettled {
                for task in work { task.cancel() }
                timer.cancel()
            }
        }
    }
}

/// The results of ``TimeLimit/runEach(_:count:_:)`` as they come in.
private final class Gathered<T: Sendable>: Sendable {
    private let state: Mutex<(results: [Result<T, any Error>?], remaining: Int)>

    init(count: Int) {
        state = Mutex((Array(repeating: nil, count: count), count))
    }

    /// Records one result; every result once this was the last.
    func add(_ result: Result<T, any Error>, at index: Int) -> [Result<T, any Error>?]? {
        state.withLock { state in
            state.results[index] = result
            state.remaining -= 1
            return state.remaining == 0 ? state.results : nil
        }
    }

    var soFar: [Result<T, any Error>?] { state.withLock { $0.results } }
}
