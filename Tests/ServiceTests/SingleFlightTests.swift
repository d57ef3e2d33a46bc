import Synchronization
import Testing
import JCSkillsServiceKit
import JCSkillsTestSupport

/// Calls that miss the same figures together share one read (Sources/ServiceKit/SingleFlight.swift).
@Suite("One read at a time per key")
struct SingleFlightTests {
    /// Waits, without sleeping, until `count` calls wait for the running read of `key`.
    private func untilWaiting<Value>(_ count: Int, on flight: SingleFlight<Int, Value>, key: Int) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while flight.waitingCalls(for: key) < count {
            try #require(clock.now < deadline, "\(count) calls never came to wait")
            await Task.yield()
        }
    }

    @Test
    func callsThatMissTogetherShareOneRead() async throws {
        let flight = SingleFlight<Int, Int>()
        let reads = Atomic(0)
        let gate = Gate()
        let read: @Sendable () async throws -> Int = {
            reads.add(1, ordering: .relaxed)
            await gate.wait()
            return 42
        }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<10 { group.addTask { try await flight.run(1, read) } }
            try await untilWaiting(9, on: flight, key: 1)
            #expect(try await flight.run(2) { 5 } == 5, "another key reads at once")
            gate.open()
            var values: [Int] = []
            for try await value in group { values.append(value) }
            #expect(values == Array(repeating: 42, count: 10))
        }
        #expect(reads.load(ordering: .relaxed) == 1)
        #expect(flight.waitingCalls(for: 1) == 0)
    }

    @Test
    func whenTheRunningReadFailsEachWaitingCallReadsForItself() async throws {
        struct Failed: Error {}
        let flight = SingleFlight<Int, Int>()
        let reads = Atomic(0)
        let gate = Gate()
        let read: @Sendable () async throws -> Int = {
            guard reads.add(1, ordering: .relaxed).newValue == 1 else { return 7 }
            await gate.wait()
            throw Failed()
        }
        try await withThrowingTaskGroup(of: Int?.self) { group in
            for _ in 0..<5 { group.addTask { try? await flight.run(1, read) } }
            try await untilWaiting(4, on: flight, key: 1)
            gate.open()
            var values: [Int?] = []
            for try await value in group { values.append(value) }
            #expect(values.filter { $0 == nil }.count == 1, "the first read's failure is its own caller's")
            #expect(values.filter { $0 == 7 }.count == 4)
        }
        #expect(reads.load(ordering: .relaxed) == 5)
    }

    @Test
    func aCallAfterForgetDoesNotJoinAReadBegunBeforeIt() async throws {
        let flight = SingleFlight<Int, String>()
        let gate = Gate()
        let reads = Atomic(0)
        async let before = flight.run(1) {
            reads.add(1, ordering: .relaxed)
            await gate.wait()
            return "before the write"
        }
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while reads.load(ordering: .relaxed) == 0 {
            try #require(clock.now < deadline)
            await Task.yield()
        }
        flight.forget()
        #expect(try await flight.run(1) { "after the write" } == "after the write")
        gate.open()
        #expect(try await before == "before the write")
    }
}
