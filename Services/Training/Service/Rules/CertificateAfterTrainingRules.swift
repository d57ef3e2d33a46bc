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
            throw RuleRefusal(rule: RuleRefusal.certificateHolder, reason: "the evaluation service has no certificate \(number) of this trainee")
        }
        guard answer.state != .revoked else {
            throw RuleRefusal(rule: RuleRefusal.certificateStanding, reason: "certificate \(number) is revoked")
        }
        guard answer.issuedOn >= course.startsOn else {
            throw RuleRefusal(rule: RuleRefusal.certificateAfterTraining,
                              reason: "certificate \(number) was issued on \(answer.issuedOn), before course \(course.code) began on \(course.startsOn)")
        }
    }
}
