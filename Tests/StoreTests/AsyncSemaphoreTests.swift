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
                // Let each waiter queue before the next one arrives.
                try await Task.sleep(for: .milliseconds(20))
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
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        semaphore.release()
        // The permit is free again: taking it does not hang.
        try await semaphore.acquire()
        semaphore.release()
    }
}
