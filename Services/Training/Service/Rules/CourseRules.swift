import JCSkillsProtocol
import JCSkillsServiceKit

/// The rules a course follows, each failure naming the field (INVALID_ARGUMENT).
enum CourseRules {
    /// Returns the course normalised (codes trimmed, the credit code upper-cased).
    static func validate(_ course: Course) throws(RuleViolation) -> Course {
        var result = course
        result.code = course.code.trimmingWhitespace
        result.name = course.name.trimmingWhitespace
        result.occupation = course.occupation.trimmingWhitespace
        result.labourBrand = course.labourBrand.trimmingWhitespace
        guard !result.code.isEmpty, result.code.utf8.count <= 64 else { throw RuleViolation(field: "code", reason: "1 to 64 bytes") }
        guard !result.name.isEmpty else { throw RuleViolation(field: "name", reason: "is empty") }
        guard !result.occupation.isEmpty else { throw RuleViolation(field: "occupation", reason: "is empty") }
        guard CertificateKind.known.contains(course.certificateKind) else {
            throw RuleViolation(field: "certificate_kind", reason: "must be one of the five kinds of certificate")
        }
        if course.certificateKind.hasLevels {
            guard course.level.isKnown else { throw RuleViolation(field: "level", reason: "\(course.certificateKind) certificates have a level") }
        } else if course.level != .unspecified {
            throw RuleViolation(field: "level", reason: "\(course.certificateKind) certificates have no level")
        }
        guard TrainingMode.known.contains(course.mode) else {
            throw RuleViolation(field: "mode", reason: "must be one of the plan's five modes (1 新型学徒制 … 5 互联网+)")
        }
        guard TrainingProgramme.known.contains(course.programme) else {
            throw RuleViolation(field: "programme", reason: "must be enterprise_employee_upgrade, key_group_subsidised, first_certificate or level_upgrade")
        }
        guard TrainingProviderKind.known.contains(course.providerKind) else {
            throw RuleViolation(field: "provider_kind", reason: "must be a training institution or an enterprise")
        }
        do {
            result.providerCreditCode = try UnifiedSocialCreditCode.parse(course.providerCreditCode).value
        } catch {
            throw RuleViolation(field: "provider_credit_code", reason: "\(error)")
        }
        try CountyScope.requireRecordCounty(course.county)
        guard let start = CalendarDate(yyyymmdd: course.startsOn) else {
            throw RuleViolation(field: "starts_on", reason: "\(course.startsOn) is not a yyyymmdd date")
        }
        guard let end = CalendarDate(yyyymmdd: course.endsOn), start <= end else {
            throw RuleViolation(field: "ends_on", reason: "\(course.endsOn) is not a yyyymmdd date on or after starts_on")
        }
        guard course.capacity > 0 else { throw RuleViolation(field: "capacity", reason: "must be positive") }
        if course.programme == .keyGroupSubsidised, course.subsidyPerTrainee == 0 {
            throw RuleViolation(field: "subsidy_per_trainee", reason: "key-group training is free to the trainee: give the subsidy standard")
        }
        if course.subsidyWithCertificate != 0, course.subsidyWithCertificate < course.subsidyPerTrainee {
            throw RuleViolation(field: "subsidy_with_certificate",
                                reason: "\(course.subsidyWithCertificate) is below the standard, \(course.subsidyPerTrainee): the tier for a certificate is the higher one")
        }
        return result
    }
}
