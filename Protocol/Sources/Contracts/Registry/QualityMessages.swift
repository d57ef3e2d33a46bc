/// `Quality`: a county's data quality in aggregates only (docs/QUALITY.md). No personal data:
/// the gateway's dashboard may read it.
public struct QualityRequest: WireMessage, Hashable {
    /// A county's code; 0 for the whole city (not for a county office).
    public var county: Int32 = 0
    public init() {}
    public init(county: Int32) { self.county = county }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
    }
}

/// One person or enterprise import as the county asked for saw it: its rows of that county
/// (all its rows for the city).
public struct QualityImport: WireMessage, Hashable {
    /// `persons` or `enterprises`.
    public var kind: String = ""
    /// Who imported: the certificate's identity (`jcskills://county/140524`, `jcskills://registry-office`…).
    public var principal: String = ""
    /// When the import ended, Unix milliseconds.
    public var atMs: Int64 = 0
    public var received: UInt64 = 0
    public var accepted: UInt64 = 0
    /// Rows whose person or enterprise was registered already: duplicates caught.
    public var alreadyRegistered: UInt64 = 0
    public var rejected: UInt64 = 0
    /// This import's rejected rows of the county asked for, by reason.
    public var rejections: [QualityRejection] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "kind", &kind)
        try v.field(2, "principal", &principal)
        try v.field(3, "atMs", &atMs)
        try v.field(4, "received", &received)
        try v.field(5, "accepted", &accepted)
        try v.field(6, "alreadyRegistered", &alreadyRegistered)
        try v.field(7, "rejected", &rejected)
        try v.field(8, "rejections", &rejections)
    }
}

/// Rejected import rows of one kind for one reason code (`phone`, `id_number.wrong_check_character`…).
public struct QualityRejection: WireMessage, Hashable {
    public var kind: String = ""
    public var reason: String = ""
    public var rows: UInt64 = 0
    public init() {}
    public init(kind: String, reason: String, rows: UInt64) {
        self.kind = kind
        self.reason = reason
        self.rows = rows
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "kind", &kind)
        try v.field(2, "reason", &reason)
        try v.field(3, "rows", &rows)
    }
}

/// Active registered persons of one category × gender × age band.
public struct QualityCoverageCell: WireMessage, Hashable {
    public var category: LabourCategory = .unspecified
    public var gender: Gender = .unspecified
    /// Index into ``AgeBand/lowerBounds``.
    public var ageBand: Int32 = 0
    public var registered: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "category", &category)
        try v.field(2, "gender", &gender)
        try v.field(3, "ageBand", &ageBand)
        try v.field(4, "registered", &registered)
    }
}

/// Registered persons of one gender × age band (all categories) against the share of the
/// estimated labour force expected there (docs/QUALITY.md, "Coverage").
public struct QualityExpectedCell: WireMessage, Hashable {
    public var gender: Gender = .unspecified
    public var ageBand: Int32 = 0
    public var registered: UInt64 = 0
    public var expected: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "gender", &gender)
        try v.field(2, "ageBand", &ageBand)
        try v.field(3, "registered", &registered)
        try v.field(4, "expected", &expected)
    }
}

public struct QualityReport: WireMessage, Hashable {
    /// The county asked for; 0 for the city.
    public var county: Int32 = 0
    /// The latest imports first, at most ``importLimit``.
    public var imports: [QualityImport] = []
    /// Every import's rejected rows summed by kind and reason.
    public var rejections: [QualityRejection] = []
    public var coverage: [QualityCoverageCell] = []
    public var expected: [QualityExpectedCell] = []
    /// Active registered persons of labour-force age.
    public var registered: UInt64 = 0
    public var estimatedLabourForce: UInt64 = 0
    /// Persons still active on a day after they aged out of the labour force.
    public var pastAgeActive: UInt64 = 0
    /// Active persons whose card has no phone.
    public var missingPhone: UInt64 = 0
    /// Single registrations (`RegisterPerson`) refused because the ID number already had a card.
    public var duplicateRegistrations: UInt64 = 0
    public var asOf: Int64 = 0
    public init() {}

    public static let importLimit = 50

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "imports", &imports)
        try v.field(3, "rejections", &rejections)
        try v.field(4, "coverage", &coverage)
        try v.field(5, "expected", &expected)
        try v.field(6, "registered", &registered)
        try v.field(7, "estimatedLabourForce", &estimatedLabourForce)
        try v.field(8, "pastAgeActive", &pastAgeActive)
        try v.field(9, "missingPhone", &missingPhone)
        try v.field(10, "asOf", &asOf)
        try v.field(11, "duplicateRegistrations", &duplicateRegistrations)
    }
}
