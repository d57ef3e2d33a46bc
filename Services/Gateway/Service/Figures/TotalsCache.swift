import JCSkillsMessages
import JCSkillsProtocol
import Synchronization

/// Keeps each answer for a short time so a burst of the same question costs the sources one
/// round, while nothing served is older than the time to live.
final class TotalsCache: Sendable {
    struct Key: Hashable {
        var county: Int32
        var asOf: Int32
        var year: Int32
        /// The reasons a value is missing are written in it.
        var language: Language
    }

    let timeToLive: Duration
    private let entries = Mutex<[Key: (totals: Totals, expires: ContinuousClock.Instant)]>([:])

    init(timeToLive: Duration) {
        self.timeToLive = timeToLive
    }

    func lookup(_ key: Key, now: ContinuousClock.Instant = .now) -> Totals? {
        guard timeToLive > .zero else { return nil }
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.expires > now else {
                entries[key] = nil
                return nil
            }
            return entry.totals
        }
    }

    /// Partial answers are not kept: the next question should try the missing source again.
    func store(_ totals: Totals, for key: Key, now: ContinuousClock.Instant = .now) {
        guard timeToLive > .zero, !totals.partial else { return }
        entries.withLock { entries in
            if entries.count > 1_024 { entries.removeAll(keepingCapacity: true) }
            entries[key] = (totals, now + timeToLive)
        }
    }
}
