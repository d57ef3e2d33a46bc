public struct CountsRequest: WireMessage, Hashable {
    /// A county's code; 0 for the whole city.
    public var county: Int32 = 0
    /// `yyyymmdd`; 0 for today.
    public var asOf: Int32 = 0
    /// Year for new skilled workers; 0 for the as-of date's year.
    public var year: Int32 = 0
    public init() {}
    public init(county: Int32 = 0, asOf: Int32, year: Int32 = 0) {
        self.county = county
        self.asOf = asOf
        self.year = year
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "asOf", &asOf)
        try v.field(3, "year", &year)
    }
}

/// Several `Counts` questions in one call, answered in order as `Counts` would answer each:
/// the gateway asks every source about each scope on the as-of date and on its planning
/// window's first day with every `Totals` (SPEC.md §14, "BatchCounts").
public struct CountsQuestions: WireMessage, Hashable {
    /// More questions than this in one call: INVALID_ARGUMENT. (The gateway's largest: the city
    /// and its counties on two dates.)
    public static let limit = 64
    public var requests: [CountsRequest] = []
    public init() {}
    public init(requests: [CountsRequest]) { self.requests = requests }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "requests", &requests)
    }
}

/// The answers of the evaluation service's `BatchCounts`, one per question, in their order.
public struct EvaluationCountsAnswers: WireMessage, Hashable {
    public var answers: [EvaluationCounts] = []
    public init() {}
    public init(answers: [EvaluationCounts]) { self.answers = answers }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "answers", &answers)
    }
}

public struct InstitutionCount: WireMessage, Hashable {
    public var type: InstitutionType = .unspecified
    public var status: InstitutionStatus = .unspecified
    public var count: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "type", &type)
        try v.field(2, "status", &status)
        try v.field(3, "count", &count)
    }
}

/// The evaluation service's headline numbers. No personal data: the gateway may read it.
public struct EvaluationCounts: WireMessage, Hashable {
    public var county: Int32 = 0
    public var asOf: Int32 = 0
    public var year: Int32 = 0
    /// Distinct persons holding at least one valid certificate on `asOf`, plus the declared
    /// baseline's persons not also holding one recorded here.
    public var skilledWorkers: UInt64 = 0
    /// Distinct persons holding a valid level 3–1 (or higher) certificate on `asOf`.
    public var highSkill: UInt64 = 0
    /// Persons whose first (unrevoked) certificate was issued in `year`, up to `asOf`: as of
    /// 30 June, the year's first half only.
    public var newSkilledWorkers: UInt64 = 0
    public var institutions: [InstitutionCount] = []
    /// Enterprises with at least the minimum staff (300) and no active evaluation body of their
    /// own; meaningful only when ``complianceKnown``.
    public var enterprisesLackingBody: UInt64 = 0
    /// False when the registry could not be asked for the large enterprises.
    public var complianceKnown: Bool = false
    /// Distinct persons holding a valid certificate recorded in the system (no declared
    /// baseline): the numerator of the certified share of registered labour.
    public var inSystemSkilledWorkers: UInt64 = 0
    /// The declared baseline's share of ``skilledWorkers`` (persons not also counted in-system).
    public var baselineSkilledWorkers: UInt64 = 0
    /// The declared baseline's share of ``highSkill`` (levels 3–1).
    public var baselineHighSkill: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "asOf", &asOf)
        try v.field(3, "year", &year)
        try v.field(4, "skilledWorkers", &skilledWorkers)
        try v.field(5, "highSkill", &highSkill)
        try v.field(6, "newSkilledWorkers", &newSkilledWorkers)
        try v.field(7, "institutions", &institutions)
        try v.field(8, "enterprisesLackingBody", &enterprisesLackingBody)
        try v.field(9, "complianceKnown", &complianceKnown)
        try v.field(10, "inSystemSkilledWorkers", &inSystemSkilledWorkers)
        try v.field(11, "baselineSkilledWorkers", &baselineSkilledWorkers)
        try v.field(12, "baselineHighSkill", &baselineHighSkill)
    }
}
