import NIOCore
import NIOPosix

/// Runs a task's jobs on one event loop, so a handler and the connection it answers share a
/// thread: no wake-up of another thread per call, and the handler's writes need no hop.
/// (swift-nio 2.101 makes an event loop a `SerialExecutor` but not a `TaskExecutor`;
/// docs/ANCHORS.md §2 measured this adapter within 1–2 µs of a bare echo.)
public final class EventLoopTaskExecutor: TaskExecutor {
    public let eventLoop: any EventLoop

    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }

    /// The executor of the event loop running on this thread, if one is: for a task started on
    /// behalf of callers on that loop, so that the task's work and the callers' wake-ups stay on
    /// their thread (no hand-off to the shared pool and back).
    public static var onCurrentLoop: EventLoopTaskExecutor? {
        MultiThreadedEventLoopGroup.currentEventLoop.map(EventLoopTaskExecutor.init)
    }

    /// Runs `body` on `eventLoop`'s thread: at once when this task is already there, else with
    /// the task moved there for the call (and back after, at its next wait). What `body` does
    /// before it first waits then happens in one step of the loop, which no event of the loop
    /// (a connection's close) can come between.
    public static func onLoop<T>(_ eventLoop: any EventLoop, _ body: () async throws -> T) async throws -> T {
        if eventLoop.inEventLoop { return try await body() }
        return try await withTaskExecutorPreference(EventLoopTaskExecutor(eventLoop)) { try await body() }
    }
}
