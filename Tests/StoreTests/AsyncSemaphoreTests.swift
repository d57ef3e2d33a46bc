@testable import JCSkillsStore
import Testing

@Suite(.timeLimit(.minutes(1)))
struct AsyncSemaphoreTests {
    @Test
    func neverMoreHoldersThanPermits() async throws {
        let semaphore = AsyncSemaphore(permits: 3)
        let state = Locked((current: 0, peak: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await semaphore.withPermit {
                        state.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) }
                        try await Task.sleep(for: .milliseconds(1))
                        state.withLock { $0.current -= 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(state.value.peak == 3)
    }

    @Test
    func waitersAreServedInArrivalOrder() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let order = Locked<[Int]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<5 {
                group.addTask {
                    try await semaphore.withPermit { order.withLock { $0.append(n) } }
                }
                // Each waiter queues before the next one arrives.
                try await Self.until { semaphore.waiting == n + 1 }
            }
            semaphore.release()
            try await group.waitForAll()
        }
        #expect(order.value == [0, 1, 2, 3, 4])
    }

    @Test
    func aCancelledWaiterLeavesWithoutTakingAPermit() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let waiter = Task { try await semaphore.acquire() }
        // Cancelled once queued (cancelled before, it would not queue at all).
        try await Self.until { semaphore.waiting == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        semaphore.release()
        // The permit is free again: taking it does not hang.
        try await semaphore.acquire()
        semaphore.release()
    }

    /// Waits (at most 10 s) until `condition` holds, looking every millisecond: the semaphore
    /// has no event to wait on, and what is waited for is a state, not a time.
    static func until(_ condition: @escaping @Sendable () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            try #require(ContinuousClock.now < deadline, "the condition never held")
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}
