@testable import JCSkillsRPC
import NIOCore
import NIOEmbedded
import Testing

/// How a connection tracks its calls' deadlines (Protocol/SPEC.md §6.1): the scan of its
/// streams (StateMachine/DeadlineScan.swift) and the one timer aimed at the earliest deadline
/// (Internal/DeadlineTimer.swift), on an embedded event loop whose clock the test moves.
@Suite("Deadline scan and the connection's one timer (SPEC.md §6.1)", .timeLimit(.minutes(1)))
struct DeadlineTrackingTests {
    struct Stream: HasDeadline {
        var deadline: Int64?
    }

    /// §6.1: a deadline equal to now has passed; streams without one never expire and do not
    /// count for the next deadline, which is the earliest still ahead.
    @Test func theScanExpiresWhatIsDueAndFindsTheEarliestLeft() {
        let streams: [UInt32: Stream] = [1: Stream(deadline: 100), 3: Stream(deadline: 99), 5: Stream(deadline: nil),
                                         7: Stream(deadline: 250), 9: Stream(deadline: 101)]
        let scan = streams.deadlineScan(now: 100)
        #expect(Set(scan.expired) == [1, 3])
        #expect(scan.next == 101)
        #expect(streams.deadlineScan(now: 99).expired == [3])
        let late = streams.deadlineScan(now: 1_000)
        #expect(Set(late.expired) == [1, 3, 7, 9] && late.next == nil)
        let none: [UInt32: Stream] = [1: Stream(deadline: nil)]
        #expect(none.deadlineScan(now: 0).expired.isEmpty && none.deadlineScan(now: 0).next == nil)
    }

    /// A stream's state is changed where it is stored: `read(at:)` hands out the value itself.
    @Test func readAtChangesTheStoredValue() {
        var streams: [UInt32: Stream] = [1: Stream(deadline: 5)]
        let index = streams.index(forKey: 1)!
        let before = streams.read(at: index) { stream -> Int64? in
            defer { stream.deadline = nil }
            return stream.deadline
        }
        #expect(before == 5)
        #expect(streams[1]?.deadline == nil)
    }

    /// A later deadline leaves the timer where it is; an earlier one moves it; only the
    /// earliest goes off, once.
    @Test func theTimerIsAimedAtTheEarliestDeadline() {
        let loop = EmbeddedEventLoop()
        let fires = Tally()
        var timer = DeadlineTimer()
        let start = loop.now
        timer.track(start + .seconds(10), on: loop) { fires.add() }
        timer.track(start + .seconds(20), on: loop) { fires.add() }
        timer.track(start + .seconds(10), on: loop) { fires.add() }
        timer.track(start + .seconds(5), on: loop) { fires.add() }
        loop.advanceTime(to: start + .seconds(5) - .nanoseconds(1))
        #expect(fires.total == 0)
        loop.advanceTime(to: start + .seconds(5))
        #expect(fires.total == 1)
        loop.advanceTime(to: start + .seconds(30))
        #expect(fires.total == 1, "the timers it replaced were cancelled")
    }

    /// When it fires, the owner reports the earliest deadline left and the timer is aimed at
    /// it; with none left, it stays quiet until the next call's deadline.
    @Test func aFiredTimerIsReAimedAtTheNextDeadline() {
        let loop = EmbeddedEventLoop()
        let fires = Tally()
        var timer = DeadlineTimer()
        let start = loop.now
        timer.track(start + .seconds(1), on: loop) { fires.add() }
        loop.advanceTime(to: start + .seconds(1))
        timer.fired(nextDeadline: start + .seconds(3), on: loop) { fires.add() }
        // A later deadline arriving meanwhile does not move it.
        timer.track(start + .seconds(4), on: loop) { fires.add() }
        loop.advanceTime(to: start + .seconds(3))
        #expect(fires.total == 2)
        timer.fired(nextDeadline: nil, on: loop) { fires.add() }
        loop.advanceTime(to: start + .seconds(60))
        #expect(fires.total == 2)
        // Disarmed, so any deadline arms it again, even a later one than before.
        timer.track(start + .seconds(61), on: loop) { fires.add() }
        loop.advanceTime(to: start + .seconds(61))
        #expect(fires.total == 3)
    }

    /// A closing connection cancels its timer: nothing goes off afterwards.
    @Test func aCancelledTimerStaysQuiet() {
        let loop = EmbeddedEventLoop()
        let fires = Tally()
        var timer = DeadlineTimer()
        timer.track(loop.now + .seconds(1), on: loop) { fires.add() }
        timer.cancel()
        loop.advanceTime(by: .seconds(10))
        #expect(fires.total == 0)
        timer.cancel()
        timer.track(loop.now + .seconds(1), on: loop) { fires.add() }
        loop.advanceTime(by: .seconds(1))
        #expect(fires.total == 1)
    }
}
