import JCSkillsMessages
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
        guard !request.courseCode.trimmingWhitespace.isEmpty else { throw RuleViolation(field: "course_code", reason: Messages.Refusals.isEmpty) }
        do throws(IDNumberError) {
            return try ResidentIDNumber.parse(request.idNumber).value
        } catch {
            throw RuleViolation(field: "id_number", reason: error.message)
        }
    }

    /// The day an enrolment counts from (docs/NUMBERS.md, "Training on a date"): `given`
    /// (yyyymmdd) as the provider's records have it, or today when 0. A given day is a date, not
    /// after today, not after the course's last day (nobody joins a course that has ended) and
    /// at most a year before its first; INVALID_ARGUMENT naming `enrolled_on` otherwise.
    static func day(_ given: Int32, course: Course, today: CalendarDate) throws(RuleViolation) -> Int32 {
        guard given != 0 else { return today.yyyymmdd }
        guard let date = CalendarDate(yyyymmdd: given) else {
            throw RuleViolation(field: "enrolled_on", reason: Messages.Refusals.notADate(given))
        }
        guard date <= today else { throw RuleViolation(field: "enrolled_on", reason: Messages.Refusals.afterToday(date, today: today)) }
        guard given <= course.endsOn else {
            throw RuleViolation(field: "enrolled_on", reason: Messages.TrainingRefusals.afterCourseEnded(date, course: course.code, endsOn: course.endsOn))
        }
        if let starts = CalendarDate(yyyymmdd: course.startsOn), let earliest = starts.adding(days: -365), date < earliest {
            throw RuleViolation(field: "enrolled_on", reason: Messages.TrainingRefusals.yearBeforeCourse(date, course: course.code, startsOn: course.startsOn))
        }
        return given
    }

    /// What the registry said, against the course: an active card, and key-group membership
    /// for a key-group course.
    static func check(_ person: PersonVerification, for course: Course) throws(RuleRefusal) {
        guard person.found, person.status == .active else {
            throw RuleRefusal(rule: RuleRefusal.registered,
                              reason: person.found ? Messages.Refusals.registryCardInactive(person.cardNumber) : Messages.TrainingRefusals.noRegistryCard)
        }
        if course.programme == .keyGroupSubsidised, person.keyGroups.isEmpty {
            throw RuleRefusal(rule: RuleRefusal.keyGroupMember,
                              reason: Messages.TrainingRefusals.notAKeyGroupMember(course: course.code, card: person.cardNumber))
        }
    }
}
