/// One criterion of an event's marking scheme. Marks are hundredths of a mark: a maximum of
/// 1250 is 12.50 marks, and an event's maxima add up to 10000 (100 marks).
public struct Criterion: WireMessage, Hashable {
    /// Unique in the event, e.g. `A1`.
    public var code: String = ""
    public var description: String = ""
    public var type: CriterionType = .unspecified
    public var maximum: UInt32 = 0
    public init() {}
    public init(code: String, description: String = "", type: CriterionType, maximum: UInt32) {
        self.code = code
        self.description = description
        self.type = type
        self.maximum = maximum
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
        try v.field(2, "description", &description)
        try v.field(3, "type", &type)
        try v.field(4, "maximum", &maximum)
    }
}

/// An event of a competition: one occupation and group, its marking scheme and its judges.
/// Registering it again (same competition and code) updates it while it has no marks.
public struct Event: WireMessage, Hashable {
    public var competitionCode: String = ""
    /// Unique in the competition, e.g. `E01`.
    public var code: String = ""
    public var name: String = ""
    /// Occupation code of the 2022 catalogue; promotions are in this occupation.
    public var occupation: String = ""
    public var group: ParticipantGroup = .unspecified
    public var criteria: [Criterion] = []
    /// The judges who may mark, by their identity's code (`jcskills://judge/<code>`); a
    /// judgement criterion needs at least three.
    public var judges: [String] = []
    /// A judgement mark whose three scores spread (highest − lowest) by more than this, in
    /// hundredths of a mark of the criterion, is flagged for review; 0: 20 % of its maximum.
    public var spreadBound: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "competitionCode", &competitionCode)
        try v.field(2, "code", &code)
        try v.field(3, "name", &name)
        try v.field(4, "occupation", &occupation)
        try v.field(5, "group", &group)
        try v.field(6, "criteria", &criteria)
        try v.field(7, "judges", &judges)
        try v.field(8, "spreadBound", &spreadBound)
    }
}

public struct EventView: WireMessage, Hashable {
    public var event: Event = Event()
    public var state: EventState = .unspecified
    public var entries: UInt32 = 0
    /// Entries with a mark for every criterion.
    public var fullyMarked: UInt32 = 0
    /// Judgement marks whose spread is beyond the bound.
    public var flagged: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "event", &event)
        try v.field(2, "state", &state)
        try v.field(3, "entries", &entries)
        try v.field(4, "fullyMarked", &fullyMarked)
        try v.field(5, "flagged", &flagged)
    }
}

public struct EventLookup: WireMessage, Hashable {
    public var competitionCode: String = ""
    public var eventCode: String = ""
    /// `CloseEvent` only: the day the event closed, yyyymmdd — its awards' date and their
    /// promotions' issue date; on or before today and in the competition's year. 0: today.
    public var closedOn: Int32 = 0
    public init() {}
    public init(competitionCode: String, eventCode: String, closedOn: Int32 = 0) {
        self.competitionCode = competitionCode
        self.eventCode = eventCode
        self.closedOn = closedOn
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "competitionCode", &competitionCode)
        try v.field(2, "eventCode", &eventCode)
        try v.field(3, "closedOn", &closedOn)
    }
}

public struct EventList: WireMessage, Hashable {
    public var events: [EventView] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "events", &events)
    }
}
