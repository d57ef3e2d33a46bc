import JCSkillsTestSupport
import Synchronization
import Testing
@testable import JCSkillsLoad

@Suite("Open loop: schedule and coordinated omission")
struct OpenLoopTests {
    @Test("the schedule: warm-up calls first, then the measured ones, each due at i / rate")
    func schedule() {
        let schedule = ArrivalSchedule(rate: 1000, warmup: .seconds(1), duration: .seconds(2), requests: nil)
        #expect(schedule.warmupCalls == 1000)
        #expect(schedule.measuredCalls == 2000)
        #expect(schedule.totalCalls == 3000)
        #expect(schedule.offset(of: 0) == .zero)
        #expect(schedule.offset(of: 1500) == .milliseconds(1500))
        #expect(!schedule.isMeasured(999))
        #expect(schedule.isMeasured(1000))
        // --requests bounds a duration too, whichever ends first.
        #expect(ArrivalSchedule(rate: 100, warmup: .zero, duration: .seconds(10), requests: 50).measuredCalls == 50)
        #expect(ArrivalSchedule(rate: 100, warmup: .zero, duration: nil, requests: 50).measuredCalls == 50)
    }

    @Test("calls are sent on the schedule, never ahead of it, and the run lasts the schedule")
    func sendsOnSchedule() async throws {
        let clock = ContinuousClock()
        let sends = Mutex<[Int: Duration]>([:])
        let start = clock.now
        let plan = LoadPlan(concurrency: 4, rate: 200, warmup: .zero, duration: .seconds(1))
        let outcome = try await withTimeout(.seconds(20)) {
            await LoadRunner.run(plan) { _, sequence in
                let offset = clock.now - start
                sends.withLock { $0[sequence] = offset }
            }
        }
        let elapsed = clock.now - start
        #expect(outcome.succeeded == 200)
        #expect(outcome.errorCount == 0)
        #expect(elapsed >= .milliseconds(990))
        let schedule = ArrivalSchedule(rate: 200, warmup: .zero, duration: .seconds(1), requests: nil)
        let early = sends.withLock { sends in
            sends.filter { sequence, offset in offset < schedule.offset(of: sequence) - .milliseconds(1) }.count
        }
        #expect(early == 0)
        // Never faster than the schedule (on a busy machine it may be slower; that is not the
        // property under test, so no lower bound).
        #expect(outcome.callsPerSecond < 230)
    }

    @Test("a 1 s stall shows in the corrected p99 for every call due during it; the uncorrected time hides it")
    func coordinatedOmission() async throws {
        let server = StallingServer(stallAt: 250, stall: .seconds(1))
        // 500 calls/s for 3 s: about 500 of 1,500 calls fall due during the stall. Only the 4
        // in flight when it starts are slow by their own send time.
        let plan = LoadPlan(concurrency: 4, rate: 500, warmup: .zero, duration: .seconds(3))
        let outcome = try await withTimeout(.seconds(30)) {
            await LoadRunner.run(plan) { _, sequence in try await server.call(sequence) }
        }
        #expect(outcome.succeeded == 1500)
        let corrected = LatencySummary(nanoseconds: outcome.latency)
        let uncorrected = LatencySummary(nanoseconds: try #require(outcome.serviceTime))
        #expect(corrected.p99 >= 500_000, "corrected p99 \(corrected.p99) µs should reflect the 1 s stall")
        #expect(corrected.p90 >= 100_000, "a third of the calls were due during the stall")
        #expect(uncorrected.p99 < 100_000, "uncorrected p99 \(uncorrected.p99) µs: only 4 sends saw the stall")
        #expect(uncorrected.max >= 500_000, "the calls in flight did wait")
    }
}

/// A fake service that answers at once (or after `work`), except that call number `stallAt`
/// freezes it for `stall`: every call that arrives meanwhile waits until the freeze ends.
final class StallingServer: Sendable {
    private let pausedUntil = Mutex<ContinuousClock.Instant?>(nil)
    private let stallAt: Int
    private let stall: Duration
    private let work: Duration?

    init(stallAt: Int, stall: Duration, work: Duration? = nil) {
        self.stallAt = stallAt
        self.stall = stall
        self.work = work
    }

    func call(_ sequence: Int) async throws {
        let now = ContinuousClock.now
        let until = pausedUntil.withLock { paused -> ContinuousClock.Instant? in
            if sequence == stallAt && paused == nil { paused = now + stall }
            return paused.flatMap { $0 > now ? $0 : nil }
        }
        if let until { try await Task.sleep(until: until, clock: .continuous) }
        if let work { try await Task.sleep(for: work) }
    }
}
