import JCSkillsMessages
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
        guard !result.code.isEmpty, result.code.utf8.count <= 64 else { throw RuleViolation(field: "code", reason: Messages.Refusals.codeLength) }
        guard !result.name.isEmpty else { throw RuleViolation(field: "name", reason: Messages.Refusals.isEmpty) }
        guard !result.occupation.isEmpty else { throw RuleViolation(field: "occupation", reason: Messages.Refusals.isEmpty) }
        guard CertificateKind.known.contains(course.certificateKind) else {
            throw RuleViolation(field: "certificate_kind", reason: Messages.TrainingRefusals.certificateKinds)
        }
        if course.certificateKind.hasLevels {
            guard course.level.isKnown else { throw RuleViolation(field: "level", reason: Messages.TrainingRefusals.kindHasLevels(course.certificateKind, chineseName: course.certificateKind.chineseName)) }
        } else if course.level != .unspecified {
            throw RuleViolation(field: "level", reason: Messages.TrainingRefusals.kindHasNoLevels(course.certificateKind, chineseName: course.certificateKind.chineseName))
        }
        guard TrainingMode.known.contains(course.mode) else {
            throw RuleViolation(field: "mode", reason: Messages.TrainingRefusals.modes)
        }
        guard TrainingProgramme.known.contains(course.programme) else {
            throw RuleViolation(field: "programme", reason: Messages.TrainingRefusals.programmes)
        }
        guard TrainingProviderKind.known.contains(course.providerKind) else {
            throw RuleViolation(field: "provider_kind", reason: Messages.TrainingRefusals.providerKinds)
        }
        do throws(CreditCodeError) {
            result.providerCreditCode = try UnifiedSocialCreditCode.parse(course.providerCreditCode).value
        } catch {
            throw RuleViolation(field: "provider_credit_code", reason: error.message)
        }
        try CountyScope.requireRecordCounty(course.county)
        guard let start = CalendarDate(yyyymmdd: course.startsOn) else {
            throw RuleViolation(field: "starts_on", reason: Messages.Refusals.notAYyyymmddDate(course.startsOn))
        }
        guard let end = CalendarDate(yyyymmdd: course.endsOn), start <= end else {
            throw RuleViolation(field: "ends_on", reason: Messages.TrainingRefusals.endsBeforeStart(course.endsOn))
        }
        guard course.capacity > 0 else { throw RuleViolation(field: "capacity", reason: Messages.Refusals.mustBePositive) }
        if course.programme == .keyGroupSubsidised, course.subsidyPerTrainee == 0 {
            throw RuleViolation(field: "subsidy_per_trainee", reason: Messages.TrainingRefusals.subsidyStandard)
        }
        if course.subsidyWithCertificate != 0, course.subsidyWithCertificate < course.subsidyPerTrainee {
            throw RuleViolation(field: "subsidy_with_certificate",
                                reason: Messages.TrainingRefusals.certificateTierBelow(course.subsidyWithCertificate, standard: course.subsidyPerTrainee))
        }
        return result
    }
}
