#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix

/// Gives memory freed by closed connections back to the system.
///
/// glibc keeps what other threads freed in its per-thread arenas and returns a heap's pages only
/// from its top, so after a burst of connections the process stays large long after they have
/// gone: ten times its idle size after the soak's abusers left, all of it free memory that
/// `malloc_trim(0)` released at once (BENCHMARKS.md, "Soak"). Every `interval` in which a
/// connection closed, and once more in the interval after (what a closed connection held is
/// freed by its calls' tasks a little later: a single trim left a third of it), one trim runs
/// on the blocking-work thread pool, never on an event loop. Elsewhere than glibc it does
/// nothing.
enum FreedMemoryReturn {
    static let interval: TimeAmount = .seconds(5)

    /// Checks every `interval` until the returned task is cancelled.
    static func start(on eventLoop: any EventLoop, budget: ServerBudget) -> RepeatedTask {
        let trimsDue = NIOLoopBoundBox.makeBoxSendingValue(0, eventLoop: eventLoop)
        return eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            if budget.takeClosedConnections() > 0 { trimsDue.value = 2 }
            guard trimsDue.value > 0 else { return }
            trimsDue.value -= 1
            NIOThreadPool.singleton.submit { state in
                if case .active = state { trim() }
            }
        }
    }

    static func trim() {
        _ = trimFunction?(0)
    }

    /// glibc's `malloc_trim`, looked up at run time: Swift's Glibc module leaves out
    /// `<malloc.h>`, and other C libraries (musl) do not have it.
    private static let trimFunction: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()
}
