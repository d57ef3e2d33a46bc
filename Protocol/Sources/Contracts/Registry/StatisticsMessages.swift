public struct StatisticsRequest: WireMessage, Hashable {
    /// A county's code; 0 for the whole city.
    public var county: Int32 = 0
    /// Only the totals (registered, coverage per county, enterprises): no cells, no daily
    /// series. What the gateway asks for, many times a second.
    public var summaryOnly: Bool = false
    /// `yyyymmdd`, with ``summaryOnly``: also count the persons registered on that day — registered
    /// by it and not moved to another county, moved away or left by it, and of labour-force age
    /// on it — in the city or the county asked; the enterprises and those surveyed are then as
    /// they stood on that day too (docs/NUMBERS.md). 0 for none (today's).
    public var registrationsUpTo: Int32 = 0
    public init() {}
    public init(county: Int32, summaryOnly: Bool = false, registrationsUpTo: Int32 = 0) {
        self.county = county
        self.summaryOnly = summaryOnly
        self.registrationsUpTo = registrationsUpTo
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "summaryOnly", &summaryOnly)
        try v.field(3, "registrationsUpTo", &registrationsUpTo)
    }
}

/// Several `Statistics` questions in one call, answered in order as `Statistics` would answer
/// each (the gateway's summaries of every scope on two dates with every `Totals`).
public struct StatisticsQuestions: WireMessage, Hashable {
    /// More questions than this in one call: INVALID_ARGUMENT.
    public static let limit = 64
    public var requests: [StatisticsRequest] = []
    public init() {}
    public init(requests: [StatisticsRequest]) { self.requests = requests }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "requests", &requests)
    }
}

/// The answers of `BatchStatistics`, one per question, in their order.
public struct StatisticsAnswers: WireMessage, Hashable {
    public var answers: [RegistrationStatistics] = []
    public init() {}
    public init(answers: [RegistrationStatistics]) { self.answers = answers }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "answers", &answers)
    }
}

/// Registered (active) persons in one county × category × gender × age band × employment cell.
public struct StatisticsCell: WireMessage, Hashable {
    public var county: Int32 = 0
    public var category: LabourCategory = .unspecified
    public var gender: Gender = .unspecified
    /// Index into ``AgeBand/lowerBounds``.
    public var ageBand: Int32 = 0
    public var employment: EmploymentStatus = .unspecified
    public var count: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "category", &category)
        try v.field(3, "gender", &gender)
        try v.field(4, "ageBand", &ageBand)
        try v.field(5, "employment", &employment)
        try v.field(6, "count", &count)
    }
}

/// Registration coverage of a county against its estimated labour force.
public struct CountyCoverage: WireMessage, Hashable {
    public var county: Int32 = 0
    public var registered: UInt64 = 0
    public var estimatedLabourForce: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "registered", &registered)
        try v.field(3, "estimatedLabourForce", &estimatedLabourForce)
    }
}

public struct DailyRegistrations: WireMessage, Hashable {
    /// `yyyymmdd`.
    public var day: Int32 = 0
    public var count: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "day", &day)
        try v.field(2, "count", &count)
    }
}

/// The registry's aggregates, served from counters maintained with every write (never a scan
/// of the persons table). No personal data: the gateway may read it.
public struct RegistrationStatistics: WireMessage, Hashable {
    public var cells: [StatisticsCell] = []
    public var coverage: [CountyCoverage] = []
    public var daily: [DailyRegistrations] = []
    /// Active registered persons in the scope asked for.
    public var registered: UInt64 = 0
    public var enterprises: UInt64 = 0
    /// Enterprises that answered the demand survey (have at least one demand line).
    public var enterprisesSurveyed: UInt64 = 0
    /// The deadline of "one person, one card": 20201031.
    public var deadline: Int32 = 0
    /// When the numbers were read, ms since 1970.
    public var asOf: Int64 = 0
    /// Persons registered on the requested day (``StatisticsRequest/registrationsUpTo``): for
    /// today, the same as ``registered``.
    public var registrationsUpTo: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "cells", &cells)
        try v.field(2, "coverage", &coverage)
        try v.field(3, "daily", &daily)
        try v.field(4, "registered", &registered)
        try v.field(5, "enterprises", &enterprises)
        try v.field(6, "enterprisesSurveyed", &enterprisesSurveyed)
        try v.field(7, "deadline", &deadline)
        try v.field(8, "asOf", &asOf)
        try v.field(9, "registrationsUpTo", &registrationsUpTo)
    }
}

public struct DemandGapRequest: WireMessage, Hashable {
    /// 0 for every year.
    public var year: Int32 = 0
    public init() {}
    public init(year: Int32) { self.year = year }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "year", &year)
    }
}

/// Demand for an occupation in a year against the registered persons working in it or
/// wishing to be trained for it: the gap a training plan must close.
public struct DemandGapRow: WireMessage, Hashable {
    public var occupation: String = ""
    public var year: Int32 = 0
    public var demand: UInt64 = 0
    public var working: UInt64 = 0
    public var wishing: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "occupation", &occupation)
        try v.field(2, "year", &year)
        try v.field(3, "demand", &demand)
        try v.field(4, "working", &working)
        try v.field(5, "wishing", &wishing)
    }
}

public struct DemandGapReport: WireMessage, Hashable {
    public var rows: [DemandGapRow] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "rows", &rows)
    }
}
