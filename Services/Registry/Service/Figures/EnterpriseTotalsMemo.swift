import Synchronization

/// The enterprise figures of the summary statistics (enterprises, surveyed), per county, as
/// last read. Counting the surveyed enterprises means a DISTINCT over every demand line —
/// about 1.5 ms at 11,000 lines, which made it most of the gateway's cost at city scale — while
/// these numbers change only when enterprises or demand are imported. Writes through this
/// process clear it at once; the time limit bounds how long another replica's writes (one
/// PostgreSQL, several registries) stay unseen.
final class EnterpriseTotalsMemo: Sendable {
    struct Totals: Sendable, Equatable {
        var enterprises: UInt64
        var surveyed: UInt64
    }

    static let maximumAge: Duration = .seconds(5)

    private let entries = Mutex<(generation: UInt64, byCounty: [Int32: (Totals, ContinuousClock.Instant)])>((0, [:]))

    /// The figures for `county` if read less than ``maximumAge`` ago, and the generation to hand
    /// back to ``store(_:county:generation:)`` after reading them afresh.
    func lookup(county: Int32, now: ContinuousClock.Instant = .now) -> (totals: Totals?, generation: UInt64) {
        entries.withLock { state in
            guard let (totals, read) = state.byCounty[county], now - read < Self.maximumAge else { return (nil, state.generation) }
            return (totals, state.generation)
        }
    }

    /// Keeps figures read at `generation`, unless a write cleared the memo since (they may
    /// predate it).
    func store(_ totals: Totals, county: Int32, generation: UInt64, now: ContinuousClock.Instant = .now) {
        entries.withLock { state in
            guard state.generation == generation else { return }
            state.byCounty[county] = (totals, now)
        }
    }

    /// After any write to enterprises or demand.
    func invalidate() {
        entries.withLock { state in
            state.generation &+= 1
            state.byCounty.removeAll()
        }
    }
}
