import JCSkillsProtocol
import JCSkillsStore

/// Builds what callers see of a certificate: the holder's ID number and name masked (the
/// issuer typed them in; nobody needs them back in clear).
struct CertificateViews: Sendable {
    let personal: PersonalData
    let today: @Sendable () -> CalendarDate

    func view(_ row: CertificateRow) throws -> CertificateView {
        var view = CertificateView()
        view.number = row.number
        view.institutionCode = row.institution
        view.kind = row.kind
        view.occupation = row.occupation
        view.level = row.level
        view.operationCode = row.operationCode
        view.holderIDMasked = Masking.idNumber(try personal.open(row.holderIDSealed, as: .idNumber))
        view.holderNameMasked = Masking.name(try personal.open(row.holderNameSealed, as: .name))
        view.employerCreditCode = row.employer
        view.county = row.county
        view.issuedOn = row.issuedOn
        if row.expiresOn != EvaluationSchema.openEnded { view.expiresOn = row.expiresOn }
        if let issued = CalendarDate(yyyymmdd: row.issuedOn) {
            view.reviewDates = row.kind.validity.reviewDates(issuedOn: issued).map(\.yyyymmdd)
        }
        view.state = row.state(on: today())
        if row.endedOn != EvaluationSchema.openEnded { view.endedOn = row.endedOn }
        return view
    }

    /// The public answer: the state today when the name matches, else unknown (a wrong name
    /// and a wrong number look the same, so the number alone reveals nothing).
    func verification(_ row: CertificateRow?, holderName: String, holderIDNumber: String = "") -> CertificateVerification {
        var answer = CertificateVerification()
        guard let row, !holderName.isEmpty || !holderIDNumber.isEmpty else { return answer }
        if !holderName.isEmpty, personal.blindIndex(holderName.trimmingWhitespace, for: .name) != row.nameIndex { return answer }
        if !holderIDNumber.isEmpty,
           personal.blindIndex(holderIDNumber.trimmingWhitespace.uppercased(), for: .idNumber) != row.holderIndex { return answer }
        answer.state = row.state(on: today())
        answer.kind = row.kind
        answer.level = row.level
        answer.issuedOn = row.issuedOn
        return answer
    }
}
