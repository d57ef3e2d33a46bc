import Foundation
import JCSkillsProtocol
import SQLKit

/// A person as stored: personal fields sealed, the rest plain.
struct PersonRow: Sendable {
    var id: Int64
    var cardNumber: String
    var idSealed: Data
    var nameSealed: Data
    var phoneSealed: Data
    var gender: Gender
    var residenceCounty: Int32
    var category: LabourCategory
    var keyGroups: [KeyEmploymentGroup]
    var education: EducationLevel
    var occupation: String
    var employment: EmploymentStatus
    var trainingWish: String
    var trainingMode: TrainingMode
    var stage: Int32
    var status: RegistrationStatus
    var leavingReason: LeavingReason
    var ageBand: Int32
    var registeredOn: Int32
    var version: Int64

    static let columns = [
        "id", "card_number", "id_sealed", "name_sealed", "phone_sealed", "gender", "residence_county", "category",
        "key_groups", "education", "occupation", "employment", "training_wish", "training_mode", "stage", "status",
        "leaving_reason", "age_band", "registered_on", "version",
    ]

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        cardNumber = try row.decode(column: "card_number", as: String.self)
        idSealed = try row.decode(column: "id_sealed", as: Data.self)
        nameSealed = try row.decode(column: "name_sealed", as: Data.self)
        phoneSealed = try row.decode(column: "phone_sealed", as: Data.self)
        gender = Gender(rawValue: try row.decode(column: "gender", as: Int32.self))
        residenceCounty = try row.decode(column: "residence_county", as: Int32.self)
        category = LabourCategory(rawValue: try row.decode(column: "category", as: Int32.self))
        keyGroups = KeyGroupList.decode(try row.decode(column: "key_groups", as: String.self))
        education = EducationLevel(rawValue: try row.decode(column: "education", as: Int32.self))
        occupation = try row.decode(column: "occupation", as: String.self)
        employment = EmploymentStatus(rawValue: try row.decode(column: "employment", as: Int32.self))
        trainingWish = try row.decode(column: "training_wish", as: String.self)
        trainingMode = TrainingMode(rawValue: try row.decode(column: "training_mode", as: Int32.self))
        stage = try row.decode(column: "stage", as: Int32.self)
        status = RegistrationStatus(rawValue: try row.decode(column: "status", as: Int32.self))
        leavingReason = LeavingReason(rawValue: try row.decode(column: "leaving_reason", as: Int32.self))
        ageBand = try row.decode(column: "age_band", as: Int32.self)
        registeredOn = try row.decode(column: "registered_on", as: Int32.self)
        version = try row.decode(column: "version", as: Int64.self)
    }

    /// The analysis cell this person counts in while active.
    var cell: CountCell {
        CountCell(county: residenceCounty, category: category.rawValue, gender: gender.rawValue, ageBand: ageBand, employment: employment.rawValue)
    }

    var isActive: Bool { status == .active }
}

/// Key groups in one text column: their numbers, comma-separated, sorted.
enum KeyGroupList {
    static func encode(_ groups: [KeyEmploymentGroup]) -> String {
        Set(groups.map(\.rawValue)).sorted().map(String.init).joined(separator: ",")
    }

    static func decode(_ text: String) -> [KeyEmploymentGroup] {
        text.split(separator: ",").compactMap { Int32($0) }.map { KeyEmploymentGroup(rawValue: $0) }
    }
}
