import NIOCore

/// One timer per connection for the deadlines of all its calls.
///
/// Scheduling and cancelling an event-loop timer per call cost about 4 % of server CPU at
/// 64 outstanding calls (NIO removes a cancelled timer by a linear search of its heap). Calls
/// on one connection mostly share a timeout, so their deadlines arrive in order: one timer set
/// for the earliest deadline, moved only when an earlier one arrives, and re-aimed at the next
/// earliest when it fires, does the same job.
struct DeadlineTimer {
    private var armed: (at: NIODeadline, task: Scheduled<Void>)?

    /// A call with `deadline` started. `fire` must call ``fired(nextDeadline:on:_:)``.
    mutating func track(_ deadline: NIODeadline, on loop: any EventLoop, _ fire: @escaping @Sendable () -> Void) {
        if let armed, armed.at <= deadline { return }
        armed?.task.cancel()
        armed = (deadline, loop.scheduleTask(deadline: deadline, fire))
    }

    /// The timer went off; the owner expired what was due and reports the earliest deadline left.
    mutating func fired(nextDeadline: NIODeadline?, on loop: any EventLoop, _ fire: @escaping @Sendable () -> Void) {
        armed = nil
        if let nextDeadline { track(nextDeadline, on: loop, fire) }
    }

    mutating func cancel() {
        armed?.task.cancel()
        armed = nil
    }
}
