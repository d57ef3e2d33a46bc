import JCSkillsProtocol

/// The level a winner is promoted to (docs/COMPETITIONS.md, "Awards and promotion").
enum PromotionRules {
    /// Issued to a winner with no certificate in the occupation: 中级工.
    static let levelWithoutCertificate = SkillLevel.level4

    /// The highest standard level `recognitions` show in `occupation` (a vocational
    /// qualification counting as its equivalent level); unspecified when none.
    static func heldLevel(in occupation: String, _ recognitions: PersonRecognitions) -> SkillLevel {
        var best = SkillLevel.unspecified
        for recognised in recognitions.certificates where recognised.certificate.occupation == occupation {
            let level = recognised.equivalentLevel != .unspecified ? recognised.equivalentLevel : recognised.certificate.level
            guard SkillLevel.standard.contains(level) else { continue }
            if level.rank > best.rank { best = level }
        }
        return best
    }

    /// One standard level above `held`; nil when `held` is already 高级技师.
    static func target(above held: SkillLevel) -> SkillLevel? {
        guard held != .unspecified else { return levelWithoutCertificate }
        guard let index = SkillLevel.standard.firstIndex(of: held), index + 1 < SkillLevel.standard.count else { return nil }
        return SkillLevel.standard[index + 1]
    }

    /// The certificates at `level` or above in `occupation`, issued on or after `since`: one of
    /// them, unless another award already records it, is the promotion already made (its
    /// answer lost), to be recorded rather than issued again.
    static func candidates(_ recognitions: PersonRecognitions, occupation: String, level: SkillLevel, since: Int32) -> [String] {
        recognitions.certificates.filter { recognised in
            let certificate = recognised.certificate
            return certificate.occupation == occupation && certificate.kind == .skillLevel
                && certificate.level.rank >= level.rank && certificate.issuedOn >= since
        }.map(\.certificate.number)
    }
}
