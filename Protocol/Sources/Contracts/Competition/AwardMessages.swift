/// An award made when an event closed, and where its promotion stands.
public struct Award: WireMessage, Hashable {
    public var competitionCode: String = ""
    public var eventCode: String = ""
    public var entryNumber: String = ""
    public var nameMasked: String = ""
    public var county: Int32 = 0
    public var rank: UInt32 = 0
    public var year: Int32 = 0
    public var technicalExpert: Bool = false
    public var promotion: PromotionState = .none
    /// The level held in the occupation before (unspecified: none) and the one issued.
    public var fromLevel: SkillLevel = .unspecified
    public var toLevel: SkillLevel = .unspecified
    /// The upgraded certificate's number, once issued.
    public var certificateNumber: String = ""
    /// Why the last attempt failed (pending: will be retried; refused: will not).
    public var lastError: String = ""
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "competitionCode", &competitionCode)
        try v.field(2, "eventCode", &eventCode)
        try v.field(3, "entryNumber", &entryNumber)
        try v.field(4, "nameMasked", &nameMasked)
        try v.field(5, "county", &county)
        try v.field(6, "rank", &rank)
        try v.field(7, "year", &year)
        try v.field(8, "technicalExpert", &technicalExpert)
        try v.field(9, "promotion", &promotion)
        try v.field(10, "fromLevel", &fromLevel)
        try v.field(11, "toLevel", &toLevel)
        try v.field(12, "certificateNumber", &certificateNumber)
        try v.field(13, "lastError", &lastError)
    }
}

/// Awards of a competition (or, with no code, of a year's competitions: the year's technical
/// experts).
public struct AwardsRequest: WireMessage, Hashable {
    public var competitionCode: String = ""
    public var year: Int32 = 0
    public init() {}
    public init(competitionCode: String = "", year: Int32 = 0) {
        self.competitionCode = competitionCode
        self.year = year
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "competitionCode", &competitionCode)
        try v.field(2, "year", &year)
    }
}

public struct AwardList: WireMessage, Hashable {
    public var awards: [Award] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "awards", &awards)
    }
}
