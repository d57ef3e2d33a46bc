import Foundation

/// Ranking, the standardised scale and the award cut-off (docs/COMPETITIONS.md): pure, so that
/// tests can hand-compute every case.
enum Ranking {
    struct Scored: Sendable, Equatable {
        var number: String
        var total: UInt32
        var measurement: UInt32
    }

    struct Ranked: Sendable, Equatable {
        var number: String
        var rank: UInt32
        var total: UInt32
        var measurement: UInt32
    }

    /// By total, then the measurement part, highest first; equal on both share the rank and the
    /// next rank skips (1, 2, 2, 4). Equal entries are listed by competitor number.
    static func rank(_ entries: [Scored]) -> [Ranked] {
        let ordered = entries.sorted {
            ($0.total, $0.measurement) != ($1.total, $1.measurement)
                ? ($0.total, $0.measurement) > ($1.total, $1.measurement)
                : $0.number < $1.number
        }
        var ranked: [Ranked] = []
        ranked.reserveCapacity(ordered.count)
        for (index, entry) in ordered.enumerated() {
            let tied = ranked.last.map { $0.total == entry.total && $0.measurement == entry.measurement } ?? false
            ranked.append(Ranked(number: entry.number, rank: tied ? ranked.last!.rank : UInt32(index + 1),
                                 total: entry.total, measurement: entry.measurement))
        }
        return ranked
    }

    /// The highest rank awarded under `topCount` and `topSharePercent` of `entries` ranked
    /// entries (0 leaves a bound out; both 0: nobody); ties at the cut-off share the rank, so
    /// an entry is awarded when its rank is at most this.
    static func awardCutoff(entries: Int, topCount: UInt32, topSharePercent: UInt32) -> UInt32 {
        var bounds: [UInt32] = []
        if topCount > 0 { bounds.append(topCount) }
        if topSharePercent > 0 { bounds.append(UInt32((entries * Int(topSharePercent) + 99) / 100)) }
        return bounds.min() ?? 0
    }

    /// WorldSkills' standardised scale: `700 + 100 × (total − median) / σ`, rounded (σ the
    /// population standard deviation of the totals; σ = 0 gives 700).
    static func standardised(_ totals: [UInt32]) -> [UInt32] {
        guard !totals.isEmpty else { return [] }
        let values = totals.map(Double.init)
        let sorted = values.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        let mean = values.reduce(0, +) / Double(values.count)
        let sigma = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        return values.map { value in
            guard sigma > 0 else { return 700 }
            return UInt32(max(0, (700 + 100 * (value - median) / sigma).rounded()))
        }
    }
}
