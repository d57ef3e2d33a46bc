/// The stock of holders certified before the system, as the evaluation centre declares it:
/// so many persons in a county whose highest certificate is at a level, on a date.
public struct BaselineDeclaration: WireMessage, Hashable {
    /// A Jincheng county code.
    public var county: Int32 = 0
    /// The persons' highest level; ``SkillLevel/unspecified`` for holders of certificates
    /// without levels only. Levels 3–1 count as high-skill talents.
    public var level: SkillLevel = .unspecified
    public var persons: UInt64 = 0
    /// `yyyymmdd` the stock was measured; counts as of an earlier date leave it out.
    public var asOf: Int32 = 0
    public init() {}
    public init(county: Int32, level: SkillLevel, persons: UInt64, asOf: Int32) {
        self.county = county
        self.level = level
        self.persons = persons
        self.asOf = asOf
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "level", &level)
        try v.field(3, "persons", &persons)
        try v.field(4, "asOf", &asOf)
    }
}

/// One line of the baseline as it counts now.
public struct BaselineEntry: WireMessage, Hashable {
    public var county: Int32 = 0
    public var level: SkillLevel = .unspecified
    public var asOf: Int32 = 0
    public var declared: UInt64 = 0
    /// Baseline persons whose pre-system certificates were since imported: they count through
    /// those certificates, so the baseline no longer counts them.
    public var claimed: UInt64 = 0
    /// max(0, declared − claimed): what the counts add.
    public var counted: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "level", &level)
        try v.field(3, "asOf", &asOf)
        try v.field(4, "declared", &declared)
        try v.field(5, "claimed", &claimed)
        try v.field(6, "counted", &counted)
    }
}

public struct BaselineRequest: WireMessage, Hashable {
    /// A county's code; 0 for every county.
    public var county: Int32 = 0
    public init() {}
    public init(county: Int32) { self.county = county }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
    }
}

public struct BaselineReport: WireMessage, Hashable {
    /// By county, then level lowest first.
    public var entries: [BaselineEntry] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "entries", &entries)
    }
}
