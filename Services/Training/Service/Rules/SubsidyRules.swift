import JCSkillsProtocol

extension Course {
    /// Yuan due for a course's trainees who passed (plan, action 5): the standard for each, the
    /// higher tier for those who then obtained a certificate when the course has one.
    func subsidyDue(passed: UInt64, passedAndCertified: UInt64) -> UInt64 {
        let tier = max(subsidyWithCertificate, subsidyPerTrainee)
        return (passed - passedAndCertified) * UInt64(subsidyPerTrainee) + passedAndCertified * UInt64(tier)
    }
}
