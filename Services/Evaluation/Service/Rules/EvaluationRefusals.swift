import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// The evaluation's rules, by the names their refusals start with.
extension RuleRefusal {
    static let institutionActive = "institution_active"
    static let filedScope = "filed_scope"
    static let enterpriseBodyStaff = "enterprise_body_staff"
    static let enterpriseBodyEmployees = "enterprise_body_employees"
    static let levelForKind = "level_for_kind"
    /// A level the occupation does not have (家政服务员 stops at 二级, OccupationCatalogue).
    static let occupationLevels = "occupation_levels"

    /// The refusal for `level` of `occupation` when the catalogue knows the occupation and
    /// it has no such level; nil otherwise (occupations outside the catalogue are not checked).
    static func occupationLacks(_ level: SkillLevel, occupation code: String) -> RuleRefusal? {
        lackedLevel(level, occupation: code).map { RuleRefusal(rule: occupationLevels, reason: $0) }
    }

    /// The reason of ``occupationLacks(_:occupation:)``, for an institution's scope that names the level.
    static func lackedLevel(_ level: SkillLevel, occupation code: String) -> Message? {
        guard level != .unspecified, let occupation = OccupationCatalogue.default.occupation(code: code),
              !occupation.levels.contains(level) else { return nil }
        let names = occupation.levels.map(\.chineseName).joined(separator: "、")
        return Messages.EvaluationRefusals.occupationLacksLevel(occupation.chineseName, code: code, levels: names, not: level.chineseName)
    }
}
