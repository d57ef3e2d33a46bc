import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// The rules a certificate obtained after training follows (FAILED_PRECONDITION, by name).
extension RuleRefusal {
    /// The evaluation service knows the number, and it belongs to the trainee.
    static let certificateHolder = "certificate_holder"
    /// Not revoked.
    static let certificateStanding = "certificate_standing"
    /// Issued on or after the day the course began.
    static let certificateAfterTraining = "certificate_after_training"
}

enum CertificateAfterTrainingRules {
    static func check(_ answer: CertificateVerification, number: String, course: Course) throws(RuleRefusal) {
        guard answer.state != .unknown else {
            throw RuleRefusal(rule: RuleRefusal.certificateHolder, reason: Messages.TrainingRefusals.noCertificateOfTrainee(number))
        }
        guard answer.state != .revoked else {
            throw RuleRefusal(rule: RuleRefusal.certificateStanding, reason: Messages.TrainingRefusals.certificateRevoked(number))
        }
        guard answer.issuedOn >= course.startsOn else {
            throw RuleRefusal(rule: RuleRefusal.certificateAfterTraining,
                              reason: Messages.TrainingRefusals.certificateBeforeCourse(number, issuedOn: answer.issuedOn, course: course.code, startsOn: course.startsOn))
        }
    }
}
