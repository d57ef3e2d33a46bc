import JCSkillsExecutors
import NIOCore
import NIOPosix
import Testing

/// `EventLoopTaskExecutor` (Sources/Executors) as the store relies on it: the read audit's commits
/// start on their caller's loop (`onCurrentLoop`), and a PostgreSQL statement's open-connection
/// check and write run on its connection's loop, with nothing between (`onLoop`).
@Suite struct EventLoopTaskExecutorTests {
    @Test func aLoopThreadFindsItsOwnLoopAndOtherThreadsNone() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let found = try await loop.submit { EventLoopTaskExecutor.onCurrentLoop?.eventLoop }.get()
        #expect(found === loop)
        let elsewhere = await Task.detached { EventLoopTaskExecutor.onCurrentLoop == nil }.value
        #expect(elsewhere)
    }

    /// From the shared pool, the body starts on the loop's thread — before its first wait, which
    /// is where a statement's check and write happen.
    @Test func aBodyFromElsewhereStartsOnTheLoop() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let (startedOnLoop, caller) = try await Task.detached {
            let caller = loop.inEventLoop
            let started = try await EventLoopTaskExecutor.onLoop(loop) { loop.inEventLoop }
            return (started, caller)
        }.value
        #expect(!caller)
        #expect(startedOnLoop)
    }

    /// On the loop already, the body runs at once: nothing else the loop holds runs first.
    @Test func aBodyOnTheLoopRunsAtOnce() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let order = try await Task(executorPreference: EventLoopTaskExecutor(loop)) {
            var order: [String] = []
            let queued = loop.submit { "queued" }
            order.append(try await EventLoopTaskExecutor.onLoop(loop) { loop.inEventLoop ? "body" : "elsewhere" })
            order.append(try await queued.get())
            return order
        }.value
        #expect(order == ["body", "queued"])
    }
}
