import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// The rules an enterprise's record and its demand survey lines follow, each failure naming
/// the field.
enum EnterpriseRules {
    /// Checks an enterprise; returns whether its check character was right (a wrong one is a
    /// warning for review, not a refusal).
    static func validate(_ enterprise: Enterprise) throws(RuleViolation) -> Bool {
        let code: UnifiedSocialCreditCode
        do {
            code = try UnifiedSocialCreditCode.parse(enterprise.creditCode)
        } catch {
            throw RuleViolation(field: "credit_code", reason: error.message)
        }
        guard !enterprise.name.trimmingWhitespace.isEmpty else {
            throw RuleViolation(field: "name", reason: Messages.Refusals.isEmpty)
        }
        try CountyScope.requireRecordCounty(enterprise.county)
        return code.checkDigitValid
    }

    static func validate(_ demand: Demand) throws(RuleViolation) {
        guard !demand.creditCode.isEmpty else { throw RuleViolation(field: "credit_code", reason: Messages.Refusals.isEmpty) }
        guard !demand.occupation.isEmpty else { throw RuleViolation(field: "occupation", reason: Messages.Refusals.isEmpty) }
        guard (2000...2100).contains(demand.year) else {
            throw RuleViolation(field: "year", reason: Messages.RegistryRefusals.notASurveyYear(demand.year))
        }
        guard demand.headcount > 0 else { throw RuleViolation(field: "headcount", reason: Messages.Refusals.mustBePositive) }
    }
}
