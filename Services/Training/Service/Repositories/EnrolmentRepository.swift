import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// Enrolments: the person by a blind index of their ID number and the sealed number itself,
/// their registry card and what the registry said when they enrolled.
struct EnrolmentRepository: Sendable {
    let personal: PersonalData
    let courses: CourseRepository
    /// Subsidised courses a person may start in one year.
    let subsidisedPerYear: Int
    let figures: CourseFigures

    /// A person's enrolments, earliest course first: number, course, day enrolled, card.
    func enrolments(of idNumber: String, in db: any SQLDatabase) async throws -> [(number: String, course: String, enrolledOn: Int32, card: String)] {
        let index = personal.blindIndex(idNumber, for: .idNumber)
        return try await db.raw("""
            SELECT number, course_code, enrolled_on, card_number FROM enrolments WHERE person_index = \(bind: index) ORDER BY starts_on, id
            """).all().map {
            (try $0.decode(column: "number", as: String.self), try $0.decode(column: "course_code", as: String.self),
             try $0.decode(column: "enrolled_on", as: Int32.self), try $0.decode(column: "card_number", as: String.self))
        }
    }

    /// The course of an enrolment and its trainee's ID number (opened from its seal, for the
    /// evaluation service's check); nil when no enrolment has that number.
    func trainee(of enrolment: String, in db: any SQLDatabase) async throws -> (courseCode: String, idNumber: String)? {
        guard let row = try await db.raw("SELECT course_code, id_sealed FROM enrolments WHERE number = \(bind: enrolment)").first() else {
            return nil
        }
        return (try row.decode(column: "course_code", as: String.self),
                try personal.open(try row.decode(column: "id_sealed", as: Data.self), as: .idNumber))
    }

    /// Enrols the person in `course`, in the caller's transaction, after the rules that need
    /// the stored enrolments: not twice, no overlapping course, the yearly cap on subsidised
    /// courses, the capacity.
    func enrol(idNumber: String, verified person: PersonVerification, in course: Course, on day: Int32,
               in tx: StoreTransaction) async throws -> EnrolmentView {
        let index = personal.blindIndex(idNumber, for: .idNumber)
        // Claims the person's row first: on PostgreSQL concurrent enrolments of one person then
        // take turns, so each sees the other's before checking overlap and the yearly cap.
        try await tx.raw("""
            INSERT INTO trainees (person_index, enrolments) VALUES (\(bind: index), 0)
            ON CONFLICT (person_index) DO UPDATE SET enrolments = trainees.enrolments
            """).run()
        // The courses' dates and subsidy as they are now (a course may have been corrected
        // since the person enrolled).
        let theirs = try await tx.raw("""
            SELECT e.number AS number, e.course_code AS course_code, c.starts_on AS starts_on, c.ends_on AS ends_on, c.subsidised AS subsidised
            FROM enrolments e JOIN courses c ON c.code = e.course_code WHERE e.person_index = \(bind: index)
            """).all()
        for row in theirs {
            let code = try row.decode(column: "course_code", as: String.self)
            let number = try row.decode(column: "number", as: String.self)
            if code == course.code {
                throw RPCError(.alreadyExists, "already enrolled in course \(course.code) (enrolment \(number))",
                               metadata: [MetadataEntry("enrolment-number", number)])
            }
            let starts = try row.decode(column: "starts_on", as: Int32.self), ends = try row.decode(column: "ends_on", as: Int32.self)
            if starts <= course.endsOn, course.startsOn <= ends {
                throw RuleRefusal(rule: RuleRefusal.noOverlap,
                                  reason: "already enrolled in course \(code) (\(starts)–\(ends)), which overlaps \(course.code) (\(course.startsOn)–\(course.endsOn))")
            }
        }
        let year = course.startsOn / 10_000
        if course.subsidyPerTrainee > 0 {
            let subsidised = try theirs.filter {
                try $0.decode(column: "subsidised", as: Int32.self) != 0 && $0.decode(column: "starts_on", as: Int32.self) / 10_000 == year
            }.count
            if subsidised >= subsidisedPerYear {
                throw RuleRefusal(rule: RuleRefusal.subsidisedPerYear,
                                  reason: "already in \(subsidised) subsidised courses in \(year); at most \(subsidisedPerYear) a year")
            }
        }
        guard try await courses.takePlace(course.code, in: tx) else {
            throw RuleRefusal(rule: RuleRefusal.capacity, reason: "course \(course.code) is full (\(course.capacity) places)")
        }
        let sequence = try await tx.raw("UPDATE enrolment_sequence SET next_value = next_value + 1 WHERE id = 1 RETURNING next_value")
            .first(decodingColumn: "next_value", as: Int64.self) ?? 0
        let digits = String(sequence)
        let number = "TR\(year)" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        let groups = person.keyGroups.sorted { $0.rawValue < $1.rawValue }
        try await tx.raw("""
            INSERT INTO enrolments (number, course_code, person_index, id_sealed, card_number, county, key_groups,
                starts_on, ends_on, year, subsidised, enrolled_on)
            VALUES (\(bind: number), \(bind: course.code), \(bind: index), \(bind: personal.seal(idNumber, as: .idNumber)),
                    \(bind: person.cardNumber), \(bind: person.residenceCounty), \(bind: groups.map { String($0.rawValue) }.joined(separator: ";")),
                    \(bind: course.startsOn), \(bind: course.endsOn), \(bind: year), \(bind: course.subsidyPerTrainee > 0 ? 1 : 0), \(bind: day))
            """).run()
        try await figures.add([day: CourseFigures.Counts(enrolled: 1)], to: course.code, in: tx)
        try await tx.audit(entity: "enrolment", id: number, detail: "course \(course.code), card \(person.cardNumber)")
        var view = EnrolmentView()
        view.number = number
        view.courseCode = course.code
        view.cardNumber = person.cardNumber
        view.county = person.residenceCounty
        view.keyGroups = groups
        view.enrolledOn = day
        return view
    }
}
