import Foundation
import JCSkillsProtocol
import JCSkillsStore

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

    /// `SELECT` list for ``init(row:)``.
    static let selectList = columns.joined(separator: ", ")

    init(row: StoreRow) throws {
        id = try row.int64("id")
        cardNumber = try row.string("card_number")
        idSealed = try row.data("id_sealed")
        nameSealed = try row.data("name_sealed")
        phoneSealed = try row.data("phone_sealed")
        residenceCounty = try row.int32("residence_county")
        status = RegistrationStatus(rawValue: try row.int32("status"))
        details = try PersonDetails(wireBytes: Array(try row.data("details")))
        version = try row.int64("version")
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
    /// Today's band (``AgeBand``), or ``AgeBand/beyondLabourForce``: kept current by
    /// ``LabourForceAging``, not fixed at registration.
    var ageBand: Int32 { details.ageBand }
    var registeredOn: Int32 { details.registeredOn }

    /// The county the person counts in: their county, or the development zone's host county.
    var countedCounty: Int32 { JinchengDivisions.standard.countingCounty(of: residenceCounty) }

    /// The analysis cell this person counts in while active.
    var cell: CountCell {
        CountCell(county: countedCounty, category: category.rawValue, gender: gender.rawValue, ageBand: ageBand, employment: employment.rawValue)
    }

    var isActive: Bool { status == .active }

    /// Whether the person counts in today's analysis: active, and of labour-force age on the
    /// day their age band was last worked out (``LabourForceAging``).
    var countsToday: Bool { isActive && details.ageBand != AgeBand.beyondLabourForce }
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

extension PersonRow {
    // Text views of enum fields, so one `track` helper records every field's change.
    var educationText: String {
        get { String(details.education.rawValue) }
        set { details.education = EducationLevel(rawValue: Int32(newValue) ?? 0) }
    }
    var trainingModeText: String {
        get { String(details.trainingMode.rawValue) }
        set { details.trainingMode = TrainingMode(rawValue: Int32(newValue) ?? 0) }
    }
    var keyGroupsText: String {
        get { KeyGroupList.encode(keyGroups) }
        set { keyGroups = KeyGroupList.decode(newValue) }
    }
}
