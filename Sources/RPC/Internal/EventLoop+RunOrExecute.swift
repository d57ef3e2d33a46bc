import NIOCore

extension EventLoop {
    /// Runs `body` now if already on this loop, else schedules it.
    @inlinable
    func runOrExecute(_ body: @escaping @Sendable () -> Void) {
        if inEventLoop { body() } else { execute(body) }
    }
}

extension NIOLoopBound {
    /// Calls `body` with the bound value and `argument`: now if already on the value's loop,
    /// else scheduled there. `body` is meant to capture nothing, so that a call made on the
    /// loop (the usual case) allocates no closure context — with ``EventLoop/runOrExecute(_:)``
    /// the context was made either way: one of a call's ten allocations on the server
    /// (BENCHMARKS.md, "CPU per call").
    @inlinable
    func runOrExecute<Argument: Sendable>(_ argument: Argument, _ body: @escaping @Sendable (Value, Argument) -> Void) {
        if eventLoop.inEventLoop {
            body(value, argument)
        } else {
            let bound = self
            eventLoop.execute { body(bound.value, argument) }
        }
    }
}
