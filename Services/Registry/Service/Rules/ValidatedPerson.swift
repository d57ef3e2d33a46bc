import Foundation
import JCSkillsProtocol

/// A registration that passed every rule, ready to store.
struct ValidatedPerson: Sendable {
    var idNumber: String
    var name: String
    var phone: String
    var gender: Gender
    /// The day they leave the labour force by age (in memory only: nothing stored tells a birth date).
    var agesOut: Int32
    /// Their band today.
    var ageBand: Int32
    var residenceCounty: Int32
    var category: LabourCategory
    var keyGroups: [KeyEmploymentGroup]
    var education: EducationLevel
    var occupation: String
    var employment: EmploymentStatus
    var trainingWish: String
    var trainingMode: TrainingMode
    var stage: Int32
    var registeredOn: Int32
    var legacyID: Bool
}
