import Synchronization

/// What the callers of one run share: counters for the progress line, and the decision to stop
/// early when the service is plainly not there.
final class RunState: Sendable {
    let clock = ContinuousClock()
    let origin: ContinuousClock.Instant
    let giveUpAfter: Duration
    private let measuredCompleted = Atomic<Int>(0)
    private let failures = Atomic<Int>(0)
    private let successes = Atomic<Int>(0)
    /// Nanoseconds after `origin` of the first UNAVAILABLE, or -1.
    private let firstUnavailable = Atomic<Int>(-1)
    private let stopped = Atomic<Bool>(false)

    init(giveUpAfter: Duration) {
        origin = clock.now
        self.giveUpAfter = giveUpAfter
    }

    func succeeded(measured: Bool) {
        successes.add(1, ordering: .relaxed)
        if measured { measuredCompleted.add(1, ordering: .relaxed) }
    }

    func failed(_ code: String, measured: Bool) {
        failures.add(1, ordering: .relaxed)
        if measured { measuredCompleted.add(1, ordering: .relaxed) }
        guard code == "UNAVAILABLE", successes.load(ordering: .relaxed) == 0 else { return }
        let now = Int(nanoseconds(clock.now - origin))
        _ = firstUnavailable.compareExchange(expected: -1, desired: now, ordering: .relaxed)
        let first = firstUnavailable.load(ordering: .relaxed)
        if now - first >= Int(nanoseconds(giveUpAfter)) { stopped.store(true, ordering: .relaxed) }
    }

    /// True once no call has succeeded and UNAVAILABLE has lasted ``giveUpAfter``.
    var gaveUp: Bool { stopped.load(ordering: .relaxed) }

    /// Measured calls completed so far, and failures in any phase (for the progress line).
    var progress: (completed: Int, failures: Int) {
        (measuredCompleted.load(ordering: .relaxed), failures.load(ordering: .relaxed))
    }
}
