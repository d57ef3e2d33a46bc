/// A skill-master studio (技能大师工作室): its master must hold a valid 技师 or 高级技师
/// certificate (level 2 or 1), checked with the evaluation service. Registering it again with
/// the same code updates it.
public struct Studio: WireMessage, Hashable {
    public var code: String = ""
    public var name: String = ""
    public var masterIDNumber: String = ""
    public var masterName: String = ""
    /// The host enterprise's unified social credit code; empty for a studio a county hosts.
    public var hostCreditCode: String = ""
    public var county: Int32 = 0
    public var industry: String = ""
    public var level: StudioLevel = .unspecified
    /// `yyyymmdd`.
    public var establishedOn: Int32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
        try v.field(2, "name", &name)
        try v.field(3, "masterIDNumber", &masterIDNumber)
        try v.field(4, "masterName", &masterName)
        try v.field(5, "hostCreditCode", &hostCreditCode)
        try v.field(6, "county", &county)
        try v.field(7, "industry", &industry)
        try v.field(8, "level", &level)
        try v.field(9, "establishedOn", &establishedOn)
    }
}

/// A studio's work in one year.
public struct StudioYear: WireMessage, Hashable {
    public var studioCode: String = ""
    public var year: Int32 = 0
    public var apprenticesMentored: UInt32 = 0
    public var problemsSolved: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "studioCode", &studioCode)
        try v.field(2, "year", &year)
        try v.field(3, "apprenticesMentored", &apprenticesMentored)
        try v.field(4, "problemsSolved", &problemsSolved)
    }
}

/// A studio as shown: the master masked, with its years' work.
public struct StudioView: WireMessage, Hashable {
    public var code: String = ""
    public var name: String = ""
    public var masterIDMasked: String = ""
    public var masterNameMasked: String = ""
    /// The master's level when the studio was registered (level 2 or 1).
    public var masterLevel: SkillLevel = .unspecified
    public var hostCreditCode: String = ""
    public var county: Int32 = 0
    public var industry: String = ""
    public var level: StudioLevel = .unspecified
    public var establishedOn: Int32 = 0
    public var years: [StudioYear] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
        try v.field(2, "name", &name)
        try v.field(3, "masterIDMasked", &masterIDMasked)
        try v.field(4, "masterNameMasked", &masterNameMasked)
        try v.field(5, "masterLevel", &masterLevel)
        try v.field(6, "hostCreditCode", &hostCreditCode)
        try v.field(7, "county", &county)
        try v.field(8, "industry", &industry)
        try v.field(9, "level", &level)
        try v.field(10, "establishedOn", &establishedOn)
        try v.field(11, "years", &years)
    }
}

/// Studios established on or before a date (0: today), with the plan's checks: every county
/// with one or two studios and every large enterprise with one by the end of 2020, fifty in the
/// city by 2021.
public struct StudiosRequest: WireMessage, Hashable {
    public var asOf: Int32 = 0
    public init() {}
    public init(asOf: Int32) { self.asOf = asOf }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "asOf", &asOf)
    }
}

public struct StudioReport: WireMessage, Hashable {
    public var studios: [StudioView] = []
    /// Counties (and the development zone) without a studio.
    public var countiesWithout: [Int32] = []
    /// Registered enterprises of at least the large size (staff) without a studio they host;
    /// empty and ``enterprisesKnown`` false when the registry could not be asked.
    public var largeEnterprisesWithout: [String] = []
    public var enterprisesKnown: Bool = false
    public var cityTotal: UInt32 = 0
    /// The plan's 50 by 2021.
    public var cityTarget: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "studios", &studios)
        try v.field(2, "countiesWithout", &countiesWithout)
        try v.field(3, "largeEnterprisesWithout", &largeEnterprisesWithout)
        try v.field(4, "enterprisesKnown", &enterprisesKnown)
        try v.field(5, "cityTotal", &cityTotal)
        try v.field(6, "cityTarget", &cityTarget)
    }
}

/// The measures the gateway's city indicators read, for a scope (county 0: the city) on a date.
public struct CompetitionCounts: WireMessage, Hashable {
    /// Technical experts named in the year (by awards of closed events).
    public var technicalExperts: UInt64 = 0
    /// Distinct persons with an entry in a competition of the year (counted in the county of
    /// their entry: a worker's registry county when entered, a student's own).
    public var participants: UInt64 = 0
    /// Promotions issued in the year.
    public var levelPromotions: UInt64 = 0
    /// Promotions still waiting for the evaluation service.
    public var promotionsPending: UInt64 = 0
    /// Studios established on or before the date.
    public var masterStudios: UInt64 = 0
    /// Counties without a studio by the date: for a county 1 when it has none, 0 when it has
    /// one; for the city the number of the six counties without one (so the counties add up).
    public var countiesWithoutStudio: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "technicalExperts", &technicalExperts)
        try v.field(2, "participants", &participants)
        try v.field(3, "levelPromotions", &levelPromotions)
        try v.field(4, "promotionsPending", &promotionsPending)
        try v.field(5, "masterStudios", &masterStudios)
        try v.field(6, "countiesWithoutStudio", &countiesWithoutStudio)
    }
}

/// The answers of the competition service's `BatchCounts`, one per question, in their order.
public struct CompetitionCountsAnswers: WireMessage, Hashable {
    public var answers: [CompetitionCounts] = []
    public init() {}
    public init(answers: [CompetitionCounts]) { self.answers = answers }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "answers", &answers)
    }
}
