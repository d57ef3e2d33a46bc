import JCSkillsProtocol

/// How a county's estimated labour force (``RegistryDefinition/defaultLabourForce``, docs/DOMAIN.md
/// §5.2) is split over the analysis's gender × age-band cells, so each cell has an expected
/// count to hold its registrations against (docs/QUALITY.md, "Coverage").
///
/// The plan and docs/DOMAIN.md give no age or sex structure of Jincheng's labour force, and
/// the project has no statistics bureau's table, so the split is the plainest assumption,
/// declared here: every age of the labour-force range equally common, men and women half each.
/// A band's share is then its width in years over the range's: under 16–60, 9/45 for 16–24,
/// 10/45 each for 25–34, 35–44 and 45–54, 6/45 for 55–60. The expected counts show where
/// registration lags that even spread; they are not a census.
struct CoverageShares: Sendable {
    let rule: LabourForceAgeRule

    /// The genders the split covers, each half the labour force.
    static let genders: [Gender] = [.male, .female]

    /// The band's share of the labour force (both genders together).
    func share(ofBand band: Int) -> Double {
        let bounds = AgeBand.lowerBounds
        guard band >= 0, band < bounds.count else { return 0 }
        let low = max(bounds[band], rule.ages.lowerBound)
        let high = band + 1 < bounds.count ? min(bounds[band + 1] - 1, rule.ages.upperBound) : rule.ages.upperBound
        let years = rule.ages.upperBound - rule.ages.lowerBound + 1
        return years > 0 ? Double(max(0, high - low + 1)) / Double(years) : 0
    }

    /// The persons expected in one gender × band cell of a labour force of `labourForce`.
    func expected(labourForce: UInt64, band: Int) -> UInt64 {
        UInt64((Double(labourForce) * share(ofBand: band) / Double(Self.genders.count)).rounded())
    }
}
