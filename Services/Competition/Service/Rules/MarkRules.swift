import JCSkillsProtocol

/// How marks become a criterion's mark and a total (docs/COMPETITIONS.md, "Marking scheme").
/// Marks are whole hundredths of a mark.
enum MarkRules {
    /// 100 marks.
    static let fullMarks: UInt32 = 10_000
    static let judgesPerJudgement = 3
    /// The default spread bound: a fifth of the criterion's maximum.
    static let defaultSpreadPercent: UInt32 = 20

    /// The judge column of a measurement mark: it has one mark, whoever entered it.
    static let measurementJudge = ""

    /// The mark of a judgement criterion from its three scores: their mean, to the nearest hundredth.
    static func judgementMark(_ scores: [UInt32]) -> UInt32 {
        precondition(scores.count == judgesPerJudgement)
        return UInt32((scores.reduce(UInt64(0)) { $0 + UInt64($1) } + 1) / UInt64(judgesPerJudgement))
    }

    /// Whether three scores spread beyond the event's bound for `criterion`.
    static func isFlagged(_ scores: [UInt32], criterion: Criterion, spreadBound: UInt32) -> Bool {
        guard scores.count == judgesPerJudgement, let high = scores.max(), let low = scores.min() else { return false }
        return high - low > bound(for: criterion, spreadBound: spreadBound)
    }

    static func bound(for criterion: Criterion, spreadBound: UInt32) -> UInt32 {
        spreadBound > 0 ? spreadBound : criterion.maximum * defaultSpreadPercent / 100
    }

    /// `1250` → `12.50`.
    static func format(_ hundredths: some BinaryInteger) -> String {
        let value = Int64(hundredths)
        let fraction = value % 100
        return "\(value / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// One entry's marks as stored: per criterion, the judges' scores (a measurement has one,
/// under ``MarkRules/measurementJudge``).
struct EntryMarks: Sendable {
    var entryID: Int64
    var scores: [String: [String: UInt32]] = [:]

    /// The entry's marks against the scheme: total, its measurement part, criteria without a
    /// complete mark, and judgement marks flagged.
    func score(_ event: Event) -> (total: UInt32, measurement: UInt32, unmarked: UInt32, flagged: UInt32) {
        var total: UInt32 = 0, measurement: UInt32 = 0, unmarked: UInt32 = 0, flagged: UInt32 = 0
        for criterion in event.criteria {
            let byJudge = scores[criterion.code] ?? [:]
            switch criterion.type {
            case .measurement:
                guard let mark = byJudge[MarkRules.measurementJudge] else {
                    unmarked += 1
                    continue
                }
                total += mark
                measurement += mark
            default:
                let values = byJudge.values.sorted()
                guard values.count == MarkRules.judgesPerJudgement else {
                    unmarked += 1
                    continue
                }
                total += MarkRules.judgementMark(values)
                if MarkRules.isFlagged(values, criterion: criterion, spreadBound: event.spreadBound) { flagged += 1 }
            }
        }
        return (total, measurement, unmarked, flagged)
    }
}
