/// What the city's key signs: a certificate's public facts, fields in a fixed order. The
/// signature is over this message's wire encoding (SPEC.md: fields in ascending number,
/// defaults omitted), which is canonical — one message has one encoding — so a verifier
/// rebuilds the bytes from the printed fields and any changed field breaks the signature.
public struct SignedCertificateBody: WireMessage, Hashable {
    /// Names the layout, so a later version can sign more fields without ambiguity.
    public var format: String = SignedCertificateBody.currentFormat
    public var number: String = ""
    public var institutionCode: String = ""
    public var kind: CertificateKind = .unspecified
    public var occupation: String = ""
    public var level: SkillLevel = .unspecified
    public var operationCode: String = ""
    /// In full: the document is the holder's, shown to whoever they choose.
    public var holderName: String = ""
    /// Masked (`140524********123X`): enough to match a person, not to rebuild the number.
    public var holderIDMasked: String = ""
    public var county: Int32 = 0
    public var issuedOn: Int32 = 0
    /// 0 when the kind does not expire.
    public var expiresOn: Int32 = 0
    /// The state on ``signedOn``.
    public var state: CertificateState = .unknown
    /// The day it was revoked or superseded; 0 when neither.
    public var endedOn: Int32 = 0
    public var signedOn: Int32 = 0
    /// The signing key's id (first 8 bytes of SHA-256 of the public key, hex).
    public var keyID: String = ""

    public static let currentFormat = "jcskills-certificate/1"

    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "format", &format)
        try v.field(2, "number", &number)
        try v.field(3, "institutionCode", &institutionCode)
        try v.field(4, "kind", &kind)
        try v.field(5, "occupation", &occupation)
        try v.field(6, "level", &level)
        try v.field(7, "operationCode", &operationCode)
        try v.field(8, "holderName", &holderName)
        try v.field(9, "holderIDMasked", &holderIDMasked)
        try v.field(10, "county", &county)
        try v.field(11, "issuedOn", &issuedOn)
        try v.field(12, "expiresOn", &expiresOn)
        try v.field(13, "state", &state)
        try v.field(14, "endedOn", &endedOn)
        try v.field(15, "signedOn", &signedOn)
        try v.field(16, "keyID", &keyID)
    }
}

/// An exported certificate: the body and the Ed25519 signature over its encoding.
public struct SignedCertificate: WireMessage, Hashable {
    public var body: SignedCertificateBody = SignedCertificateBody()
    public var signature: WireBytes = WireBytes()
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "body", &body)
        try v.field(2, "signature", &signature)
    }
}

public struct CertificateLookup: WireMessage, Hashable {
    public var number: String = ""
    public init() {}
    public init(number: String) { self.number = number }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "number", &number)
    }
}
