/// One judge's mark for one criterion of one entry, in hundredths of a mark (at most the
/// criterion's maximum). The judge is the caller; submitting the same mark again changes
/// nothing, a different one replaces the judge's earlier mark (audited) until the event closes.
public struct Mark: WireMessage, Hashable {
    public var entryNumber: String = ""
    public var criterionCode: String = ""
    public var mark: UInt32 = 0
    public init() {}
    public init(entryNumber: String, criterionCode: String, mark: UInt32) {
        self.entryNumber = entryNumber
        self.criterionCode = criterionCode
        self.mark = mark
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "entryNumber", &entryNumber)
        try v.field(2, "criterionCode", &criterionCode)
        try v.field(3, "mark", &mark)
    }
}

/// A judge's marks for one event, up to ``limit`` at a time, written in one transaction:
/// all or none.
public struct MarkSheet: WireMessage, Hashable {
    public static let limit = 5000
    public var competitionCode: String = ""
    public var eventCode: String = ""
    public var marks: [Mark] = []
    public init() {}
    public init(competitionCode: String, eventCode: String, marks: [Mark]) {
        self.competitionCode = competitionCode
        self.eventCode = eventCode
        self.marks = marks
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "competitionCode", &competitionCode)
        try v.field(2, "eventCode", &eventCode)
        try v.field(3, "marks", &marks)
    }
}

public struct MarkSheetReceipt: WireMessage, Hashable {
    /// Marks new or changed.
    public var recorded: UInt32 = 0
    /// Marks equal to the judge's earlier one.
    public var unchanged: UInt32 = 0
    /// Judgement marks now complete (three scores) whose spread is beyond the bound.
    public var flagged: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "recorded", &recorded)
        try v.field(2, "unchanged", &unchanged)
        try v.field(3, "flagged", &flagged)
    }
}

/// The results of an event, streamed in rank order.
public struct ResultsRequest: WireMessage, Hashable {
    public var competitionCode: String = ""
    public var eventCode: String = ""
    /// Also compute the standardised score (WorldSkills' scale: the event's median at 700).
    public var standardised: Bool = false
    public init() {}
    public init(competitionCode: String, eventCode: String, standardised: Bool = false) {
        self.competitionCode = competitionCode
        self.eventCode = eventCode
        self.standardised = standardised
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "competitionCode", &competitionCode)
        try v.field(2, "eventCode", &eventCode)
        try v.field(3, "standardised", &standardised)
    }
}

/// One entry's result. Ranking (docs/COMPETITIONS.md): the total, highest first; equal totals
/// are ordered by the measurement marks (the objective part), highest first; entries equal on
/// both share the rank, and the next rank skips (1, 2, 2, 4).
public struct EventResult: WireMessage, Hashable {
    public var rank: UInt32 = 0
    public var entryNumber: String = ""
    public var nameMasked: String = ""
    public var county: Int32 = 0
    public var school: String = ""
    /// Out of 100, in hundredths; criteria without a mark count 0.
    public var total: UInt32 = 0
    /// The measurement criteria's part of ``total``.
    public var measurementTotal: UInt32 = 0
    /// On WorldSkills' scale; 0 unless asked for.
    public var standardisedScore: UInt32 = 0
    /// Criteria still without a complete mark.
    public var unmarked: UInt32 = 0
    /// Judgement marks flagged for review.
    public var flagged: UInt32 = 0
    /// Named a technical expert and/or promoted (once the event is closed).
    public var awarded: Bool = false
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "rank", &rank)
        try v.field(2, "entryNumber", &entryNumber)
        try v.field(3, "nameMasked", &nameMasked)
        try v.field(4, "county", &county)
        try v.field(5, "school", &school)
        try v.field(6, "total", &total)
        try v.field(7, "measurementTotal", &measurementTotal)
        try v.field(8, "standardisedScore", &standardisedScore)
        try v.field(9, "unmarked", &unmarked)
        try v.field(10, "flagged", &flagged)
        try v.field(11, "awarded", &awarded)
    }
}
