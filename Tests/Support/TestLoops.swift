import NIOPosix

/// The event loops of the tests' own servers and clients: more threads than the machine's two
/// cores, apart from SwiftNIO's shared group.
///
/// A unary handler runs on its connection's event loop, so in one test process every in-process
/// service, every client and every HTTP port share the loops they are given. On the two loops
/// of `MultiThreadedEventLoopGroup.singleton`, a test replaying a city's history as fast as it
/// can kept a loop busy for seconds, and the timers and calls of the tests running beside it
/// waited their turn in its queue (a 1 s HTTP timeout firing after 6 s). Threads, unlike event
/// loops, are shared out by the kernel: with eight, a busy test slows its neighbours down
/// instead of stopping them.
public enum TestLoops {
    public static let group = MultiThreadedEventLoopGroup(numberOfThreads: 8)
}
