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
            throw RuleViolation(field: "credit_code", reason: "\(error)")
        }
        guard !enterprise.name.trimmingWhitespace.isEmpty else {
            throw RuleViolation(field: "name", reason: "is empty")
        }
        try CountyScope.requireRecordCounty(enterprise.county)
        return code.checkDigitValid
    }

    static func validate(_ demand: Demand) throws(RuleViolation) {
        guard !demand.creditCode.isEmpty else { throw RuleViolation(field: "credit_code", reason: "is empty") }
        guard !demand.occupation.isEmpty else { throw RuleViolation(field: "occupation", reason: "is empty") }
        guard (2000...2100).contains(demand.year) else {
            throw RuleViolation(field: "year", reason: "\(demand.year) is not a plausible survey year")
        }
        guard demand.headcount > 0 else { throw RuleViolation(field: "headcount", reason: "must be positive") }
    }
}
