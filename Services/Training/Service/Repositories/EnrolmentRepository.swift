import Foundation
import JCSkillsMessages
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

    /// The course of each enrolment of `numbers` that exists and its trainee's ID number (opened
    /// from its seal, for the evaluation service's check), in one statement.
    func trainees(of numbers: Set<String>, in db: any SQLDatabase) async throws -> [String: (courseCode: String, idNumber: String)] {
        var found: [String: (courseCode: String, idNumber: String)] = [:]
        for row in try await db.nativeRows(in: numbers.sorted().map(StoreValue.text), { "SELECT number, course_code, id_sealed FROM enrolments WHERE number IN \($0)" }) {
            found[try row.string("number")] = (try row.string("course_code"), try personal.open(try row.data("id_sealed"), as: .idNumber))
        }
        return found
    }

    /// A person to enrol, as the registry confirmed them, the course, and the day the
    /// enrolment counts from (``EnrolmentRules/day(_:course:today:)``).
    struct Candidate {
        var idNumber: String
        var person: PersonVerification
        var course: Course
        var day: Int32
    }

    /// What became of a candidate.
    enum Outcome {
        case enrolled(EnrolmentView)
        /// Already in the course, under this enrolment number.
        case already(String)
        case refused(RuleRefusal)
    }

    /// Enrols one person (``enrol(_:in:)`` with one candidate): ALREADY_EXISTS with the
    /// enrolment's number when they are in the course, the refusal naming its rule otherwise.
    func enrol(_ candidate: Candidate, in tx: StoreTransaction) async throws -> EnrolmentView {
        let (person, course) = (candidate.person, candidate.course)
        switch try await enrol([candidate], in: tx)[0] {
        case .enrolled(let view):
            try await tx.audit(entity: "enrolment", id: view.number, detail: "course \(course.code), card \(person.cardNumber)")
            return view
        case .already(let number):
            throw RPCError(.alreadyExists, Messages.TrainingRefusals.alreadyEnrolled(course: course.code, enrolment: number),
                           metadata: [MetadataEntry("enrolment-number", number)])
        case .refused(let refusal):
            throw refusal
        }
    }

    /// Enrols the candidates in order, in the caller's transaction, by the rules that need the
    /// stored enrolments — not twice in a course, no overlapping courses, the yearly cap on
    /// subsidised courses, the capacity — each candidate also seeing the ones before it. A few
    /// statements for the whole list, however many courses it names: the persons' enrolments
    /// read at once, the places locked together, the numbers drawn together, the rows, the
    /// places taken and the figures written together.
    func enrol(_ candidates: [Candidate], in tx: StoreTransaction) async throws -> [Outcome] {
        guard !candidates.isEmpty else { return [] }
        let indexes = candidates.map { personal.blindIndex($0.idNumber, for: .idNumber) }
        // Claims the persons' rows first, in one order: on PostgreSQL concurrent enrolments of one
        // person then take turns, so each sees the other's before checking overlap and the cap.
        // SQLite's transactions never interleave (one writer), and the claim was a fifth of a
        // class list's write there.
        var persons = Array(Set(indexes))
        if tx.storeDialect == .postgres {
            persons.sort { $0.lexicographicallyPrecedes($1) }
            try await tx.nativeInsert(into: "trainees", columns: ["person_index", "enrolments"],
                                      values: persons.flatMap { [StoreValue.bytes($0), .integer(0)] },
                                      suffix: "ON CONFLICT (person_index) DO UPDATE SET enrolments = trainees.enrolments")
        }
        var taken = try await enrolments(of: persons, in: tx)
        let locked = try await courses.lock(Array(Set(candidates.map(\.course.code))).sorted(), in: tx)
        var placesLeft = locked.mapValues(\.placesLeft)

        // Each candidate's decision; `fresh` lists the candidates enrolled here, in order, whose
        // numbers are drawn together below.
        enum Decision {
            case settled(Outcome)
            case enrolled(fresh: Int)
            case repeatOf(fresh: Int)
        }
        var decisions: [Decision] = []
        var fresh: [Int] = []
        for (i, candidate) in candidates.enumerated() {
            let course = candidate.course
            let theirs = taken[indexes[i]] ?? []
            if let same = theirs.first(where: { $0.course == course.code }) {
                decisions.append(same.fresh.map { .repeatOf(fresh: $0) } ?? .settled(.already(same.number ?? "")))
                continue
            }
            if let other = theirs.first(where: { $0.startsOn <= course.endsOn && course.startsOn <= $0.endsOn }) {
                decisions.append(.settled(.refused(RuleRefusal(rule: RuleRefusal.noOverlap, reason: Messages.TrainingRefusals.overlaps(
                    other.course, other.startsOn, other.endsOn, course: course.code, course.startsOn, course.endsOn)))))
                continue
            }
            let year = course.startsOn / 10_000
            if course.subsidyPerTrainee > 0 {
                let subsidised = theirs.filter { $0.subsidised && $0.startsOn / 10_000 == year }.count
                if subsidised >= subsidisedPerYear {
                    decisions.append(.settled(.refused(RuleRefusal(rule: RuleRefusal.subsidisedPerYear,
                                                                   reason: Messages.TrainingRefusals.subsidisedUsedUp(subsidised, year: year, limit: subsidisedPerYear)))))
                    continue
                }
            }
            guard placesLeft[course.code, default: 0] > 0 else {
                decisions.append(.settled(.refused(RuleRefusal(rule: RuleRefusal.capacity, reason: Messages.TrainingRefusals.courseFull(course.code, places: course.capacity)))))
                continue
            }
            placesLeft[course.code, default: 0] -= 1
            taken[indexes[i], default: []].append(Taken(number: nil, fresh: fresh.count, course: course.code, startsOn: course.startsOn,
                                                         endsOn: course.endsOn, subsidised: course.subsidyPerTrainee > 0))
            decisions.append(.enrolled(fresh: fresh.count))
            fresh.append(i)
        }

        var numbers: [String] = []
        if !fresh.isEmpty {
            let last = try await tx.nativeRows("UPDATE enrolment_sequence SET next_value = next_value + ? WHERE id = 1 RETURNING next_value",
                                               [.integer(Int64(fresh.count))]).first?.int64("next_value") ?? Int64(fresh.count)
            var values: [StoreValue] = []
            var perCourse: [String: Int64] = [:]
            var deltas = FigureDeltas()
            for (k, i) in fresh.enumerated() {
                let candidate = candidates[i]
                let course = candidate.course
                let digits = String(last - Int64(fresh.count) + 1 + Int64(k))
                numbers.append("TR\(course.startsOn / 10_000)" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits)
                let groups = candidate.person.keyGroups.sorted { $0.rawValue < $1.rawValue }.map { String($0.rawValue) }.joined(separator: ";")
                values += [.text(numbers[k]), .text(course.code), .bytes(indexes[i]), .bytes(personal.seal(candidate.idNumber, as: .idNumber)),
                           .text(candidate.person.cardNumber), .init(candidate.person.residenceCounty), .text(groups),
                           .init(course.startsOn), .init(course.endsOn), .init(course.startsOn / 10_000), .init(course.subsidyPerTrainee > 0),
                           .init(candidate.day)]
                perCourse[course.code, default: 0] += 1
                deltas.add(CourseFigures.Counts(enrolled: 1), course: course.code, scope: locked[course.code]?.scope ?? ProgrammeScope(course), day: candidate.day)
            }
            try await tx.nativeInsert(into: "enrolments", columns: ["number", "course_code", "person_index", "id_sealed", "card_number", "county",
                                                                    "key_groups", "starts_on", "ends_on", "year", "subsidised", "enrolled_on"], values: values)
            try await courses.addEnrolled(perCourse, in: tx)
            try await figures.write(deltas, in: tx)
        }
        // Outcomes in the candidates' order; a repeat within the list names the number its
        // first row was given.
        return decisions.enumerated().map { i, decision in
            switch decision {
            case .settled(let outcome):
                return outcome
            case .repeatOf(let k):
                return .already(numbers[k])
            case .enrolled(let k):
                let candidate = candidates[i]
                var view = EnrolmentView()
                view.number = numbers[k]
                view.courseCode = candidate.course.code
                view.cardNumber = candidate.person.cardNumber
                view.county = candidate.person.residenceCounty
                view.keyGroups = candidate.person.keyGroups.sorted { $0.rawValue < $1.rawValue }
                view.enrolledOn = candidate.day
                return .enrolled(view)
            }
        }
    }

    /// One of a person's enrolments, with its course as it is now (a course may have been
    /// corrected since); one made earlier in the same list has no number yet, only its place
    /// among the list's new enrolments (`fresh`).
    struct Taken {
        var number: String?
        var fresh: Int?
        var course: String
        var startsOn: Int32
        var endsOn: Int32
        var subsidised: Bool
    }

    private func enrolments(of persons: [Data], in tx: StoreTransaction) async throws -> [Data: [Taken]] {
        var taken: [Data: [Taken]] = [:]
        for row in try await tx.nativeRows(in: persons.map(StoreValue.bytes), chunk: 500, { list in """
            SELECT e.person_index AS person_index, e.number AS number, e.course_code AS course_code,
                c.starts_on AS starts_on, c.ends_on AS ends_on, c.subsidised AS subsidised
            FROM enrolments e JOIN courses c ON c.code = e.course_code WHERE e.person_index IN \(list)
            """ }) {
            taken[try row.data("person_index"), default: []].append(Taken(
                number: try row.string("number"), fresh: nil, course: try row.string("course_code"),
                startsOn: try row.int32("starts_on"), endsOn: try row.int32("ends_on"), subsidised: try row.int64("subsidised") != 0))
        }
        return taken
    }
}
