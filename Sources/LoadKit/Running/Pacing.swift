import JCSkillsExecutors
import JCSkillsRPC
import NIOCore

/// Waits for an open loop's next due time.
///
/// On an event loop (the callers' usual executor) the wait is a scheduled task of that loop:
/// the caller wakes on its own thread with no other thread involved. `Task.sleep` would set a
/// timer on the global executor and hop back to the loop at every call, which at tens of
/// thousands of calls per second costs the client more than the calls themselves.
enum Pacing {
    static func pause(_ delay: Duration, on executor: (any TaskExecutor)?) async {
        guard delay > .zero else { return }
        if let loop = (executor as? EventLoopTaskExecutor)?.eventLoop {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                loop.scheduleTask(in: .nanoseconds(Int64(nanoseconds(delay)))) { continuation.resume() }
            }
        } else {
            try? await Task.sleep(for: delay, tolerance: .microseconds(50))
        }
    }
}
