import JCSkillsProtocol
import JCSkillsServiceKit

/// The rules an enrolment follows, by the names their refusals start with (FAILED_PRECONDITION).
extension RuleRefusal {
    /// The registry has an active card for the ID number.
    static let registered = "registered"
    /// A key-group course takes members of a key employment group only.
    static let keyGroupMember = "key_group_member"
    /// One person, one course at a time: no two courses whose dates overlap.
    static let noOverlap = "no_overlap"
    /// At most so many subsidised courses per person per year (config `training:
    /// subsidised_courses_per_year`, default 3).
    static let subsidisedPerYear = "subsidised_per_year"
    /// A course takes at most its capacity.
    static let capacity = "capacity"
}

enum EnrolmentRules {
    /// The request's ID number, normalised; INVALID_ARGUMENT naming the field otherwise.
    static func idNumber(of request: EnrolmentRequest) throws(RuleViolation) -> String {
        guard !request.courseCode.trimmingWhitespace.isEmpty else { throw RuleViolation(field: "course_code", reason: "is empty") }
        do {
            return try ResidentIDNumber.parse(request.idNumber).value
        } catch {
            throw RuleViolation(field: "id_number", reason: "\(error)")
        }
    }

    /// What the registry said, against the course: an active card, and key-group membership
    /// for a key-group course.
    static func check(_ person: PersonVerification, for course: Course) throws(RuleRefusal) {
        guard person.found, person.status == .active else {
            throw RuleRefusal(rule: RuleRefusal.registered,
                              reason: person.found ? "the registry card \(person.cardNumber) is not active" : "the registry has no card for this ID number")
        }
        if course.programme == .keyGroupSubsidised, person.keyGroups.isEmpty {
            throw RuleRefusal(rule: RuleRefusal.keyGroupMember,
                              reason: "course \(course.code) is free training for the key employment groups; card \(person.cardNumber) belongs to none")
        }
    }
}
