import JCSkillsServiceKit

/// The enterprise figures of the summary statistics (enterprises, surveyed), per county and
/// day (0: today), as last read (``FigureMemo``). Counting the surveyed enterprises means a
/// DISTINCT over every demand line — about 1.5 ms at 11,000 lines, which made it most of the
/// gateway's cost at city scale — while these numbers change only when enterprises or demand
/// are imported; every such write clears the memo.
///
/// A past day's figures (the enterprises as they stood then, ``EnterpriseHistory``) are kept
/// too: the gateway asks every source for the start of its planning window with every `Totals`,
/// and reading a day's standing walks the enterprises' history — at 20 M persons that walk, and
/// the evaluation service's list of large enterprises on that day, were most of the registry's
/// work for `Totals` (BENCHMARKS.md note 22).
enum EnterpriseTotalsMemo {
    struct Totals: Sendable, Equatable {
        var enterprises: UInt64
        var surveyed: UInt64
    }

    struct Key: Hashable, Sendable {
        var county: Int32
        /// `yyyymmdd`; 0 for today.
        var day: Int32 = 0
    }

    static func make() -> FigureMemo<Key, Totals> { FigureMemo() }
}
