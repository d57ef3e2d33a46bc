import NIOCore
import NIOPosix

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
}
