import NIOCore

extension EventLoop {
    /// Runs `body` now if already on this loop, else schedules it.
    @inlinable
    func runOrExecute(_ body: @escaping @Sendable () -> Void) {
        if inEventLoop { body() } else { execute(body) }
    }
}
