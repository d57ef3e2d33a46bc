import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// The registry's registration rules (README.md, "The registry"; the facts behind them:
/// docs/DOMAIN.md §2–§5), each failure naming the field and the reason.
struct PersonRules: Sendable {
    /// Today in Jincheng (UTC+8).
    let today: @Sendable () -> CalendarDate
    /// Key groups a person may be recorded in: policy data, configurable.
    let keyGroups: Set<KeyEmploymentGroup>
    /// The labour-force ages, checked on the registration date.
    var ageRule = LabourForceAgeRule.standard

    /// - Parameter allowLegacy: bulk import only: a 15-digit number (withdrawn 2013) is
    ///   converted to 18 digits (docs/DOMAIN.md §3) and the record flagged.
    func validate(_ request: PersonRegistration, allowLegacy: Bool = false) throws(RuleViolation) -> ValidatedPerson {
        let id: ResidentIDNumber
        let legacy = request.idNumber.count == 15
        if legacy && !allowLegacy {
            throw RuleViolation(field: "id_number", reason: Messages.RegistryRefusals.legacyNumberOnlyInImport)
        }
        do throws(IDNumberError) {
            id = legacy ? try ResidentIDNumber.convertLegacy(request.idNumber) : try ResidentIDNumber.parse(request.idNumber)
        } catch {
            throw RuleViolation(field: "id_number", reason: error.message)
        }
        // Bytes first: counting the characters of a megabyte is not worth it.
        guard request.name.utf8.count <= FieldLimits.text else {
            throw RuleViolation(field: "name", reason: Messages.RegistryRefusals.nameTooLong)
        }
        let name = request.name.trimmingWhitespace
        guard !name.isEmpty else { throw RuleViolation(field: "name", reason: Messages.Refusals.isEmpty) }
        guard name.count <= 50 else { throw RuleViolation(field: "name", reason: Messages.RegistryRefusals.nameTooLong) }
        for (field, code) in [("occupation", request.occupation), ("training_wish", request.trainingWish)] {
            if let reason = FieldLimits.violation(code, limit: FieldLimits.code) { throw RuleViolation(field: field, reason: reason) }
        }
        if request.gender != .unspecified && request.gender != id.gender {
            throw RuleViolation(field: "gender", reason: Messages.RegistryRefusals.genderMismatch(given: request.gender.word, idSays: id.gender.word))
        }
        let today = today()
        let registeredOn: CalendarDate
        if request.registeredOn == 0 {
            registeredOn = today
        } else {
            guard let date = CalendarDate(yyyymmdd: request.registeredOn) else {
                throw RuleViolation(field: "registered_on", reason: Messages.Refusals.notADate(request.registeredOn))
            }
            guard date <= today else { throw RuleViolation(field: "registered_on", reason: Messages.Refusals.inTheFuture(date)) }
            registeredOn = date
        }
        guard id.birthDate <= registeredOn else {
            throw RuleViolation(field: "id_number", reason: Messages.RegistryRefusals.bornAfterRegistration(id.birthDate))
        }
        let age = id.age(on: registeredOn)
        guard age >= ageRule.ages.lowerBound else {
            throw RuleViolation(field: "id_number", reason: Messages.RegistryRefusals.tooYoung(age: age, on: registeredOn, minimum: ageRule.ages.lowerBound))
        }
        guard age <= ageRule.ages.upperBound else {
            throw RuleViolation(field: "id_number", reason: Messages.RegistryRefusals.tooOld(age: age, on: registeredOn, maximum: ageRule.ages.upperBound))
        }
        try checkCounty(request.residenceCounty, field: "residence_county")
        try checkCategory(request.category)
        try checkTrainingMode(request.trainingMode)
        let groups = try checkKeyGroups(request.keyGroups)
        let phone = try checkPhone(request.phone)
        return ValidatedPerson(
            idNumber: id.value, name: name, phone: phone, gender: id.gender,
            agesOut: ageRule.leavesOn(birthDate: id.birthDate).yyyymmdd,
            ageBand: AgeBand.band(birthDate: id.birthDate, on: today, rule: ageRule),
            residenceCounty: request.residenceCounty, category: request.category, keyGroups: groups,
            education: request.education, occupation: request.occupation.trimmingWhitespace,
            employment: request.employment, trainingWish: request.trainingWish.trimmingWhitespace,
            trainingMode: request.trainingMode, stage: request.stage, registeredOn: registeredOn.yyyymmdd, legacyID: legacy)
    }

    func checkCounty(_ code: Int32, field: String) throws(RuleViolation) {
        try CountyScope.requireRecordCounty(code, field: field)
    }

    func checkCategory(_ category: LabourCategory) throws(RuleViolation) {
        guard [.poor, .universityGraduate, .rural, .urban].contains(category) else {
            throw RuleViolation(field: "category", reason: Messages.RegistryRefusals.categories)
        }
    }

    /// None, or one of the plan's five modes.
    func checkTrainingMode(_ mode: TrainingMode) throws(RuleViolation) {
        guard mode == .unspecified || TrainingMode.known.contains(mode) else {
            throw RuleViolation(field: "training_mode", reason: Messages.RegistryRefusals.notATrainingMode(mode.rawValue))
        }
    }

    func checkKeyGroups(_ groups: [KeyEmploymentGroup]) throws(RuleViolation) -> [KeyEmploymentGroup] {
        for group in groups where !keyGroups.contains(group) {
            throw RuleViolation(field: "key_groups", reason: Messages.RegistryRefusals.notAKeyGroup(group.rawValue))
        }
        return Array(Set(groups)).sorted { $0.rawValue < $1.rawValue }
    }

    /// A mainland mobile number, normalised to its 11 digits (`+86`, spaces and hyphens dropped).
    @discardableResult
    func checkPhone(_ phone: String) throws(RuleViolation) -> String {
        do {
            return try MobilePhoneNumber.parse(phone).value
        } catch {
            throw RuleViolation(field: "phone", reason: Messages.RegistryRefusals.badPhone(FieldLimits.quote(phone), error.message))
        }
    }
}

extension Gender {
    /// As a refusal names it; the English is ``description``.
    var word: Message { self == .male ? Messages.Registry.male : self == .female ? Messages.Registry.female : Messages.Registry.unspecified }
}
