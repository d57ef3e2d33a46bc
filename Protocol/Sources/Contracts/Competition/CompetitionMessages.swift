/// Who is named and promoted when an event closes (plan, action 8: winners rewarded and
/// promoted one skill level; at least 100 晋城技术能手 a year through the city competition).
///
/// An entry is awarded when its rank is within ``topCount`` or within ``topSharePercent`` of
/// the event's ranked entries (rounded up), whichever names fewer; 0 leaves that bound out, and
/// both 0 awards nobody. Entries tied at the cut-off share the rank and are all awarded.
public struct AwardRule: WireMessage, Hashable {
    public var topCount: UInt32 = 0
    /// 1–100.
    public var topSharePercent: UInt32 = 0
    /// Award winners are named 晋城技术能手 (Jincheng technical experts).
    public var namesTechnicalExperts: Bool = false
    /// Award winners are promoted one skill level in the event's occupation.
    public var promotesOneLevel: Bool = false
    /// The evaluation institution that issues the promoted certificates (its scope must cover
    /// the occupations and levels); required when ``promotesOneLevel``.
    public var institutionCode: String = ""
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "topCount", &topCount)
        try v.field(2, "topSharePercent", &topSharePercent)
        try v.field(3, "namesTechnicalExperts", &namesTechnicalExperts)
        try v.field(4, "promotesOneLevel", &promotesOneLevel)
        try v.field(5, "institutionCode", &institutionCode)
    }
}

/// A competition as registered; registering it again with the same code updates it.
public struct Competition: WireMessage, Hashable {
    /// Unique in the city, e.g. `JC-2021-CITY`.
    public var code: String = ""
    public var name: String = ""
    public var kind: CompetitionKind = .unspecified
    public var year: Int32 = 0
    /// Who holds it (a bureau, a trade union, an enterprise).
    public var organiser: String = ""
    public var level: CompetitionLevel = .unspecified
    /// The county of a county-level competition; 0 otherwise.
    public var county: Int32 = 0
    public var awardRule: AwardRule = AwardRule()
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
        try v.field(2, "name", &name)
        try v.field(3, "kind", &kind)
        try v.field(4, "year", &year)
        try v.field(5, "organiser", &organiser)
        try v.field(6, "level", &level)
        try v.field(7, "county", &county)
        try v.field(8, "awardRule", &awardRule)
    }
}

public struct CompetitionView: WireMessage, Hashable {
    public var competition: Competition = Competition()
    public var events: UInt32 = 0
    /// Entries over all events.
    public var entries: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "competition", &competition)
        try v.field(2, "events", &events)
        try v.field(3, "entries", &entries)
    }
}

public struct CompetitionLookup: WireMessage, Hashable {
    public var code: String = ""
    public init() {}
    public init(code: String) { self.code = code }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
    }
}

/// Competitions of a year (0: every year), newest first.
public struct CompetitionListRequest: WireMessage, Hashable {
    public var year: Int32 = 0
    public init() {}
    public init(year: Int32) { self.year = year }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "year", &year)
    }
}

public struct CompetitionList: WireMessage, Hashable {
    public var competitions: [CompetitionView] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "competitions", &competitions)
    }
}
