/// Whose certificates to recognise: one person, by ID number.
public struct RecognitionRequest: WireMessage, Hashable {
    public var holderIDNumber: String = ""
    public init() {}
    public init(holderIDNumber: String) { self.holderIDNumber = holderIDNumber }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "holderIDNumber", &holderIDNumber)
    }
}

/// One valid certificate and what it is recognised as (mutual recognition, plan action 2).
public struct RecognisedCertificate: WireMessage, Hashable {
    public var certificate: CertificateView = CertificateView()
    /// For a vocational-qualification certificate: it counts as a skill-level certificate of
    /// ``equivalentLevel``; unspecified otherwise.
    public var equivalentKind: CertificateKind = .unspecified
    public var equivalentLevel: SkillLevel = .unspecified
    /// The skills-to-engineering-title bridge: 高级工 ↔ 助理工程师, 技师 ↔ 工程师,
    /// 高级技师 ↔ 高级工程师; empty below level 3 and for certificates without levels.
    public var engineeringTitle: String = ""
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "certificate", &certificate)
        try v.field(2, "equivalentKind", &equivalentKind)
        try v.field(3, "equivalentLevel", &equivalentLevel)
        try v.field(4, "engineeringTitle", &engineeringTitle)
    }
}

public struct PersonRecognitions: WireMessage, Hashable {
    /// The person's valid certificates today, highest level first.
    public var certificates: [RecognisedCertificate] = []
    /// The highest skill level the person holds, counting recognised equivalents.
    public var highestLevel: SkillLevel = .unspecified
    /// The engineering title that level bridges to; empty when none.
    public var engineeringTitle: String = ""
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "certificates", &certificates)
        try v.field(2, "highestLevel", &highestLevel)
        try v.field(3, "engineeringTitle", &engineeringTitle)
    }
}
