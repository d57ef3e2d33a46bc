import Foundation
import JCSkillsProtocol
import SQLKit

/// A person as stored: personal fields sealed, the filterable columns plain, the rest in
/// ``PersonDetails``.
struct PersonRow: Sendable {
    var id: Int64
    var cardNumber: String
    var idSealed: Data
    var nameSealed: Data
    var phoneSealed: Data
    var residenceCounty: Int32
    var status: RegistrationStatus
    var details: PersonDetails
    var version: Int64

    static let columns = [
        "id", "card_number", "id_sealed", "name_sealed", "phone_sealed", "residence_county", "status", "details", "version",
    ]

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        cardNumber = try row.decode(column: "card_number", as: String.self)
        idSealed = try row.decode(column: "id_sealed", as: Data.self)
        nameSealed = try row.decode(column: "name_sealed", as: Data.self)
        phoneSealed = try row.decode(column: "phone_sealed", as: Data.self)
        residenceCounty = try row.decode(column: "residence_county", as: Int32.self)
        status = RegistrationStatus(rawValue: try row.decode(column: "status", as: Int32.self))
        details = try PersonDetails(wireBytes: Array(try row.decode(column: "details", as: Data.self)))
        version = try row.decode(column: "version", as: Int64.self)
    }

    /// The row a validated person becomes (for counting before the insert returns ids).
    init(validated person: ValidatedPerson) {
        id = 0
        cardNumber = ""
        idSealed = Data()
        nameSealed = Data()
        phoneSealed = Data()
        residenceCounty = person.residenceCounty
        status = .active
        details = PersonDetails(validated: person)
        version = 1
    }

    var gender: Gender { details.gender }
    var category: LabourCategory {
        get { details.category }
        set { details.category = newValue }
    }
    var keyGroups: [KeyEmploymentGroup] {
        get { details.keyGroups }
        set { details.keyGroups = newValue }
    }
    var education: EducationLevel { details.education }
    var occupation: String {
        get { details.occupation }
        set { details.occupation = newValue }
    }
    var employment: EmploymentStatus {
        get { details.employment }
        set { details.employment = newValue }
    }
    var trainingWish: String {
        get { details.trainingWish }
        set { details.trainingWish = newValue }
    }
    var trainingMode: TrainingMode { details.trainingMode }
    var stage: Int32 {
        get { details.stage }
        set { details.stage = newValue }
    }
    var leavingReason: LeavingReason {
        get { details.leavingReason }
        set { details.leavingReason = newValue }
    }
    var ageBand: Int32 { details.ageBand }
    var registeredOn: Int32 { details.registeredOn }

    /// The analysis cell this person counts in while active.
    var cell: CountCell {
        CountCell(county: residenceCounty, category: category.rawValue, gender: gender.rawValue, ageBand: ageBand, employment: employment.rawValue)
    }

    var isActive: Bool { status == .active }
}

extension PersonDetails {
    init(validated person: ValidatedPerson) {
        self.init()
        gender = person.gender
        category = person.category
        keyGroups = person.keyGroups
        education = person.education
        occupation = person.occupation
        employment = person.employment
        trainingWish = person.trainingWish
        trainingMode = person.trainingMode
        stage = person.stage
        ageBand = person.ageBand
        registeredOn = person.registeredOn
        legacyID = person.legacyID
    }
}

/// Key groups as text, for the history of changes.
enum KeyGroupList {
    static func encode(_ groups: [KeyEmploymentGroup]) -> String {
        Set(groups.map(\.rawValue)).sorted().map(String.init).joined(separator: ",")
    }

    static func decode(_ text: String) -> [KeyEmploymentGroup] {
        text.split(separator: ",").compactMap { Int32($0) }.map { KeyEmploymentGroup(rawValue: $0) }
    }
}
