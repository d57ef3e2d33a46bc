import JCSkillsPKI
import JCSkillsProtocol
import JCSkillsStore

/// Signs certificates with the city's key as they are exported. Signing on export rather than
/// on issue keeps one key file the only secret: the signed state is the state on the day of
/// export, which the document says (`signed_on`), so a later revocation is never contradicted
/// by an old signature that claims to be current.
struct CertificateSigner: Sendable {
    let key: CitySigningKey
    let personal: PersonalData
    let views: CertificateViews

    func export(_ row: CertificateRow) throws -> SignedCertificate {
        let view = try views.view(row)
        var body = SignedCertificateBody()
        body.number = view.number
        body.institutionCode = view.institutionCode
        body.kind = view.kind
        body.occupation = view.occupation
        body.level = view.level
        body.operationCode = view.operationCode
        body.holderName = try personal.open(row.holderNameSealed, as: .name)
        body.holderIDMasked = view.holderIDMasked
        body.county = view.county
        body.issuedOn = view.issuedOn
        body.expiresOn = view.expiresOn
        body.state = view.state
        body.endedOn = view.endedOn
        body.signedOn = views.today().yyyymmdd
        body.keyID = key.keyID
        var signed = SignedCertificate()
        signed.body = body
        signed.signature = WireBytes(try key.sign(body.wireBytes()))
        return signed
    }
}
