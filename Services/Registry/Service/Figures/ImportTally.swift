import JCSkillsProtocol
import JCSkillsRPC

/// One import's rows counted per county and, for rejected rows, per reason code: what
/// ``ImportRecords`` keeps for the data-quality view (docs/QUALITY.md). Which county a row
/// belongs to: a county office's import is all its own (it may write nothing else, so a row of
/// another county is its mistake); anyone else's row belongs to the county it names; a row
/// naming no Jincheng county belongs to the city alone (county 0). The development zone, and
/// the zone's own office, count in the zone's host county.
struct ImportTally: Sendable {
    struct Counts: Sendable, Equatable {
        var received: UInt64 = 0
        var accepted: UInt64 = 0
        var alreadyRegistered: UInt64 = 0
        var rejected: UInt64 = 0
    }

    /// `persons` or `enterprises`.
    let kind: String
    private let importerCounty: Int32?
    private(set) var counties: [Int32: Counts] = [:]
    /// Rejected rows per county and reason.
    private(set) var rejections: [Int32: [String: UInt64]] = [:]

    init(kind: String, principal: Principal) {
        self.kind = kind
        // The development zone's own office counts in the zone's host county, as its rows do.
        importerCounty = principal.county.map { code in Int32(code).map(JinchengDivisions.standard.countingCounty(of:)) ?? 0 }
    }

    /// The county a row naming `county` is counted in.
    func county(ofRow county: Int32) -> Int32 {
        if let importerCounty { return importerCounty }
        let divisions = JinchengDivisions.standard
        return divisions.isValidLocalCounty(county) ? divisions.countingCounty(of: county) : 0
    }

    mutating func accepted(rowCounty: Int32, rows: Int = 1) {
        let county = county(ofRow: rowCounty)
        counties[county, default: Counts()].received += UInt64(rows)
        counties[county, default: Counts()].accepted += UInt64(rows)
    }

    mutating func alreadyRegistered(rowCounty: Int32, rows: Int = 1) {
        let county = county(ofRow: rowCounty)
        counties[county, default: Counts()].received += UInt64(rows)
        counties[county, default: Counts()].alreadyRegistered += UInt64(rows)
    }

    mutating func rejected(rowCounty: Int32, reason: String) {
        let county = county(ofRow: rowCounty)
        counties[county, default: Counts()].received += 1
        counties[county, default: Counts()].rejected += 1
        rejections[county, default: [:]][reason, default: 0] += 1
    }
}
