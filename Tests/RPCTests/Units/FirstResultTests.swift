@testable import JCSkillsRPC
import Synchronization
import Testing

/// `FirstResult`, the race under `TimeLimit` (Core/FirstResult.swift): the first value offered
/// wins, whenever it comes relative to the waiter, and the clean-up runs once the race is
/// settled, exactly once, in whatever order the parts arrive.
@Suite("First result: one winner, one clean-up", .timeLimit(.minutes(1)))
struct FirstResultTests {
    /// Waits on `race` the way `TimeLimit` does, running `beforeArm` first.
    private func result(of race: FirstResult<Int>, beforeArm: () -> Void = {}) async -> Int {
        beforeArm()
        return await withCheckedContinuation { race.arm($0) }
    }

    /// The common order: armed, clean-up registered, then the offers; the first wins, the
    /// clean-up runs once, later offers change nothing.
    @Test func theFirstOfferWinsAndCleansUpOnce() async {
        let race = FirstResult<Int>()
        let cleanUps = Tally()
        let value = await withCheckedContinuation { continuation in
            race.arm(continuation)
            race.onSettled { cleanUps.add() }
            race.offer(1)
            race.offer(2)
        }
        #expect(value == 1)
        race.offer(3)
        #expect(cleanUps.total == 1)
    }

    /// An offer that comes before anyone waits is kept and handed to the waiter when it arms.
    @Test func anEarlyOfferIsKeptForTheWaiter() async {
        let race = FirstResult<Int>()
        let value = await result(of: race) {
            race.offer(7)
            race.offer(8)
        }
        #expect(value == 7)
    }

    /// A clean-up registered after the race settled runs at once.
    @Test func aCleanUpAfterTheRaceRunsAtOnce() async {
        let race = FirstResult<Int>()
        let cleanUps = Tally()
        let value = await withCheckedContinuation { continuation in
            race.arm(continuation)
            race.offer(5)
        }
        race.onSettled { cleanUps.add() }
        #expect(value == 5)
        #expect(cleanUps.total == 1)
    }

    /// A clean-up registered before an early offer runs when that offer settles the race — as
    /// `onSettled` promises ("once the race is settled") — not never.
    @Test func aCleanUpRegisteredBeforeAnEarlyOfferRuns() async {
        let race = FirstResult<Int>()
        let cleanUps = Tally()
        let value = await result(of: race) {
            race.onSettled { cleanUps.add() }
            race.offer(4)
            #expect(cleanUps.total == 1, "settled by the offer")
        }
        #expect(value == 4)
        #expect(cleanUps.total == 1)
    }

    /// Offers from many tasks at once: one wins, the waiter is resumed once (a second resume
    /// of a checked continuation would trap), the clean-up runs once — counted after every
    /// offer has returned, since the winner runs it inside its `offer`.
    @Test func concurrentOffersHaveOneWinner() async {
        for _ in 0..<50 {
            let race = FirstResult<Int>()
            let cleanUps = Tally()
            let offers = Mutex<[Task<Void, Never>]>([])
            let value = await withCheckedContinuation { continuation in
                race.arm(continuation)
                race.onSettled { cleanUps.add() }
                for offer in 1...8 {
                    let task = Task.detached { race.offer(offer) }
                    offers.withLock { $0.append(task) }
                }
            }
            for task in offers.withLock({ $0 }) { await task.value }
            #expect((1...8).contains(value))
            #expect(cleanUps.total == 1)
        }
    }
}
