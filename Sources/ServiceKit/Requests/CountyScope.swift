import JCSkillsMessages
import JCSkillsProtocol

/// The county a figure or a record is asked for (docs/DOMAIN.md §2), checked one way in every
/// service.
public enum CountyScope {
    /// 0 (the city) or one of the six counties: what figures are given for.
    public static func requireCountyOrCity(_ county: Int32, field: String = "county") throws(RuleViolation) {
        guard county == 0 || JinchengDivisions.isJinchengCounty(county) else {
            throw RuleViolation(field: field, reason: Messages.Refusals.notACountyOrCity(county))
        }
    }

    /// One of the six counties: what a county's own declarations are for.
    public static func requireCounty(_ county: Int32, field: String = "county") throws(RuleViolation) {
        guard JinchengDivisions.isJinchengCounty(county) else {
            throw RuleViolation(field: field, reason: Messages.Refusals.notACounty(county))
        }
    }

    /// One of the six counties or the development zone, which counts in its host county
    /// (docs/NUMBERS.md, "The development zone"): where a person, an enterprise or a
    /// certificate may lie.
    public static func requireRecordCounty(_ county: Int32, field: String = "county") throws(RuleViolation) {
        guard JinchengDivisions.standard.isValidLocalCounty(county) else {
            throw RuleViolation(field: field, reason: Messages.Refusals.notARecordCounty(county, zone: JinchengDivisions.defaultDevelopmentZoneCode))
        }
    }
}
