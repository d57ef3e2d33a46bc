import Foundation
import JCSkillsProtocol
import JCSkillsStore

/// Turns stored rows into what a caller may see.
struct PersonViews: Sendable {
    let personal: PersonalData
    let today: @Sendable () -> CalendarDate

    /// Full personal data when `full`, masked otherwise. Opening sealed fields is needed either
    /// way: the mask shows the ID number's first six and last four characters.
    func view(_ row: PersonRow, full: Bool) throws -> PersonView {
        let idNumber = try personal.open(row.idSealed, as: .idNumber)
        let name = try personal.open(row.nameSealed, as: .name)
        let phone = try personal.open(row.phoneSealed, as: .phone)
        var view = PersonView()
        view.cardNumber = row.cardNumber
        view.masked = !full
        view.idNumber = full ? idNumber : Masking.idNumber(idNumber)
        view.name = full ? name : Masking.name(name)
        view.phone = full ? phone : Masking.phone(phone)
        if let parsed = try? ResidentIDNumber.parse(idNumber) {
            if full { view.birthDate = parsed.birthDate.yyyymmdd }
            view.age = Int32(parsed.age(on: today()))
        }
        view.gender = row.gender
        view.residenceCounty = row.residenceCounty
        view.category = row.category
        view.keyGroups = row.keyGroups
        view.education = row.education
        view.occupation = row.occupation
        view.employment = row.employment
        view.trainingWish = row.trainingWish
        view.trainingMode = row.trainingMode
        view.stage = row.stage
        view.status = row.status
        view.leavingReason = row.leavingReason
        view.registeredOn = row.registeredOn
        view.version = row.version
        return view
    }

    /// What training may know: no name, no phone, no ID number.
    func verification(_ row: PersonRow) throws -> PersonVerification {
        var verification = PersonVerification()
        verification.found = true
        verification.cardNumber = row.cardNumber
        verification.category = row.category
        verification.keyGroups = row.keyGroups
        verification.residenceCounty = row.residenceCounty
        verification.status = row.status
        let idNumber = try personal.open(row.idSealed, as: .idNumber)
        if let parsed = try? ResidentIDNumber.parse(idNumber) {
            verification.age = Int32(parsed.age(on: today()))
        }
        return verification
    }
}
