/// A request to issue one certificate.
public struct CertificateIssue: WireMessage, Hashable {
    public var institutionCode: String = ""
    public var kind: CertificateKind = .unspecified
    public var occupation: String = ""
    /// Only for vocational-qualification and skill-level certificates.
    public var level: SkillLevel = .unspecified
    /// Operation category (special operations) or equipment item (special equipment); only
    /// for those two kinds.
    public var operationCode: String = ""
    public var holderIDNumber: String = ""
    public var holderName: String = ""
    /// The holder's employer; required when an enterprise body issues (and must be its enterprise).
    public var employerCreditCode: String = ""
    /// County the certificate counts in; 0 for the institution's county.
    public var county: Int32 = 0
    /// `yyyymmdd`.
    public var issuedOn: Int32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "institutionCode", &institutionCode)
        try v.field(2, "kind", &kind)
        try v.field(3, "occupation", &occupation)
        try v.field(4, "level", &level)
        try v.field(5, "operationCode", &operationCode)
        try v.field(6, "holderIDNumber", &holderIDNumber)
        try v.field(7, "holderName", &holderName)
        try v.field(8, "employerCreditCode", &employerCreditCode)
        try v.field(9, "county", &county)
        try v.field(10, "issuedOn", &issuedOn)
    }
}

/// A certificate as its issuer sees it: the holder's ID number and name masked.
public struct CertificateView: WireMessage, Hashable {
    public var number: String = ""
    public var institutionCode: String = ""
    public var kind: CertificateKind = .unspecified
    public var occupation: String = ""
    public var level: SkillLevel = .unspecified
    public var operationCode: String = ""
    public var holderIDMasked: String = ""
    public var holderNameMasked: String = ""
    public var employerCreditCode: String = ""
    public var county: Int32 = 0
    public var issuedOn: Int32 = 0
    /// First day no longer valid; 0 when the kind does not expire.
    public var expiresOn: Int32 = 0
    public var reviewDates: [Int32] = []
    /// The state today.
    public var state: CertificateState = .unknown
    /// The day it was revoked or superseded; 0 when neither.
    public var endedOn: Int32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "number", &number)
        try v.field(2, "institutionCode", &institutionCode)
        try v.field(3, "kind", &kind)
        try v.field(4, "occupation", &occupation)
        try v.field(5, "level", &level)
        try v.field(6, "operationCode", &operationCode)
        try v.field(7, "holderIDMasked", &holderIDMasked)
        try v.field(8, "holderNameMasked", &holderNameMasked)
        try v.field(9, "employerCreditCode", &employerCreditCode)
        try v.field(10, "county", &county)
        try v.field(11, "issuedOn", &issuedOn)
        try v.field(12, "expiresOn", &expiresOn)
        try v.field(13, "reviewDates", &reviewDates)
        try v.field(14, "state", &state)
        try v.field(15, "endedOn", &endedOn)
    }
}

public struct IssueCertificateResponse: WireMessage, Hashable {
    public var number: String = ""
    public var certificate: CertificateView = CertificateView()
    /// Numbers of the lower-level certificates this one superseded.
    public var superseded: [String] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "number", &number)
        try v.field(2, "certificate", &certificate)
        try v.field(3, "superseded", &superseded)
    }
}

public struct CertificateRevocation: WireMessage, Hashable {
    public var number: String = ""
    public var reason: String = ""
    public init() {}
    public init(number: String, reason: String) {
        self.number = number
        self.reason = reason
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "number", &number)
        try v.field(2, "reason", &reason)
    }
}

/// A certificate's number and its holder — by name (anyone holding the paper), or by ID number
/// (a service that knows the person: the training office checking a certificate obtained after
/// training). Both given: both must match.
public struct CertificateVerificationRequest: WireMessage, Hashable {
    public var number: String = ""
    public var holderName: String = ""
    public var holderIDNumber: String = ""
    public init() {}
    public init(number: String, holderName: String = "", holderIDNumber: String = "") {
        self.number = number
        self.holderName = holderName
        self.holderIDNumber = holderIDNumber
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "number", &number)
        try v.field(2, "holderName", &holderName)
        try v.field(3, "holderIDNumber", &holderIDNumber)
    }
}

/// Several verifications in one call (`VerifyCertificates`).
public struct CertificateVerificationBatch: WireMessage, Hashable {
    /// More requests than this in one call: INVALID_ARGUMENT.
    public static let limit = 1000
    public var requests: [CertificateVerificationRequest] = []
    public init() {}
    public init(requests: [CertificateVerificationRequest]) { self.requests = requests }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "requests", &requests)
    }
}

/// The answers of `VerifyCertificates`, one per request, in the requests' order.
public struct CertificateVerifications: WireMessage, Hashable {
    public var answers: [CertificateVerification] = []
    public init() {}
    public init(answers: [CertificateVerification]) { self.answers = answers }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "answers", &answers)
    }
}

/// The whole answer to a verification: nothing about the holder is revealed. When the holder
/// matched, also what the certificate is and when it was issued (facts printed on it);
/// `unknown` and nothing else otherwise.
public struct CertificateVerification: WireMessage, Hashable {
    public var state: CertificateState = .unknown
    public var kind: CertificateKind = .unspecified
    public var level: SkillLevel = .unspecified
    /// `yyyymmdd`.
    public var issuedOn: Int32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "state", &state)
        try v.field(2, "kind", &kind)
        try v.field(3, "level", &level)
        try v.field(4, "issuedOn", &issuedOn)
    }
}
