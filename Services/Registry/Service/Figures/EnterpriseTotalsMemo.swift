import Synchronization

/// The enterprise figures of the summary statistics (enterprises, surveyed), per county and
/// day (0: today), as last read. Counting the surveyed enterprises means a DISTINCT over every demand line —
/// about 1.5 ms at 11,000 lines, which made it most of the gateway's cost at city scale — while
/// these numbers change only when enterprises or demand are imported. Writes through this
/// process clear it at once; the time limit bounds how long another replica's writes (one
/// PostgreSQL, several registries) stay unseen.
///
/// A past day's figures (the enterprises as they stood then, ``EnterpriseHistory``) are kept
/// too: the gateway asks every source for the start of its planning window with every `Totals`,
/// and reading a day's standing walks the enterprises' history — at 20 M persons that walk, and
/// the evaluation service's list of large enterprises on that day, were most of the registry's
/// work for `Totals` (BENCHMARKS.md note 22).
final class EnterpriseTotalsMemo: Sendable {
    struct Totals: Sendable, Equatable {
        var enterprises: UInt64
        var surveyed: UInt64
    }

    static let maximumAge: Duration = .seconds(5)
    /// Days kept at most; past it the memo starts again (a day no one asks twice is not kept for ever).
    static let maximumEntries = 256

    private struct Key: Hashable {
        var county: Int32
        var day: Int32
    }

    private let entries = Mutex<(generation: UInt64, byCounty: [Key: (Totals, ContinuousClock.Instant)])>((0, [:]))

    /// The figures for `county` if read less than ``maximumAge`` ago, and the generation to hand
    /// back to ``store(_:county:generation:)`` after reading them afresh.
    func lookup(county: Int32, day: Int32 = 0, now: ContinuousClock.Instant = .now) -> (totals: Totals?, generation: UInt64) {
        entries.withLock { state in
            guard let (totals, read) = state.byCounty[Key(county: county, day: day)], now - read < Self.maximumAge else {
                return (nil, state.generation)
            }
            return (totals, state.generation)
        }
    }

    /// Keeps figures read at `generation`, unless a write cleared the memo since (they may
    /// predate it).
    func store(_ totals: Totals, county: Int32, day: Int32 = 0, generation: UInt64, now: ContinuousClock.Instant = .now) {
        entries.withLock { state in
            guard state.generation == generation else { return }
            if state.byCounty.count >= Self.maximumEntries { state.byCounty.removeAll() }
            state.byCounty[Key(county: county, day: day)] = (totals, now)
        }
    }

    /// The figures for `county` on `day`: the memo's when fresh, else what `read` finds, kept
    /// unless a write came between.
    func figures(county: Int32, day: Int32 = 0, read: () async throws -> Totals) async throws -> Totals {
        let (known, generation) = lookup(county: county, day: day)
        if let known { return known }
        let totals = try await read()
        store(totals, county: county, day: day, generation: generation)
        return totals
    }

    /// After any write to enterprises or demand.
    func invalidate() {
        entries.withLock { state in
            state.generation &+= 1
            state.byCounty.removeAll()
        }
    }
}
