import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// The rules a reported result follows, each failure naming the field (an import's column).
enum ResultRules {
    /// The result normalised (the employer's code upper-cased), checked against its course's dates.
    static func validate(_ result: TrainingResult, course: Course) throws(RuleViolation) -> TrainingResult {
        var checked = result
        checked.enrolmentNumber = result.enrolmentNumber.trimmingWhitespace
        guard let completed = CalendarDate(yyyymmdd: result.completedOn), result.completedOn >= course.startsOn else {
            throw RuleViolation(field: "completed_on", reason: Messages.TrainingRefusals.completedBeforeStart(result.completedOn, startsOn: course.startsOn))
        }
        _ = completed
        if !result.employerCreditCode.isEmpty {
            guard !result.selfEmployed else {
                throw RuleViolation(field: "self_employed", reason: Messages.TrainingRefusals.employerAndSelfEmployed)
            }
            do throws(CreditCodeError) {
                checked.employerCreditCode = try UnifiedSocialCreditCode.parse(result.employerCreditCode).value
            } catch {
                throw RuleViolation(field: "employer_credit_code", reason: error.message)
            }
        }
        let employed = !checked.employerCreditCode.isEmpty || checked.selfEmployed
        if employed {
            guard CalendarDate(yyyymmdd: result.employedOn) != nil, result.employedOn >= course.startsOn else {
                throw RuleViolation(field: "employed_on", reason: Messages.TrainingRefusals.employedBeforeStart(result.employedOn))
            }
        } else if result.employedOn != 0 || result.employmentVerified {
            throw RuleViolation(field: "employed_on", reason: Messages.TrainingRefusals.noJob)
        }
        return checked
    }
}
