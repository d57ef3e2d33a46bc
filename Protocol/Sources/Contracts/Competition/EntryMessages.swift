/// One person's entry to one event. Workers must be registered in the registry (confirmed over
/// the protocol); students carry their school instead. A person enters an event once.
public struct EntryRequest: WireMessage, Hashable {
    public var competitionCode: String = ""
    public var eventCode: String = ""
    public var idNumber: String = ""
    public var name: String = ""
    /// A student's school; required for the students' events.
    public var school: String = ""
    /// A student's county (a worker's comes from the registry).
    public var county: Int32 = 0
    /// The day the person entered, yyyymmdd — the day they count as a participant from; on or
    /// before today and in the competition's year. 0: today.
    public var enteredOn: Int32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "competitionCode", &competitionCode)
        try v.field(2, "eventCode", &eventCode)
        try v.field(3, "idNumber", &idNumber)
        try v.field(4, "name", &name)
        try v.field(5, "school", &school)
        try v.field(6, "county", &county)
        try v.field(7, "enteredOn", &enteredOn)
    }
}

/// An entry as the office sees it: ID number and name masked.
public struct EntryView: WireMessage, Hashable {
    /// The competitor number, unique in the competition (e.g. `E01-0007`).
    public var number: String = ""
    public var competitionCode: String = ""
    public var eventCode: String = ""
    public var idMasked: String = ""
    public var nameMasked: String = ""
    public var group: ParticipantGroup = .unspecified
    public var school: String = ""
    public var county: Int32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "number", &number)
        try v.field(2, "competitionCode", &competitionCode)
        try v.field(3, "eventCode", &eventCode)
        try v.field(4, "idMasked", &idMasked)
        try v.field(5, "nameMasked", &nameMasked)
        try v.field(6, "group", &group)
        try v.field(7, "school", &school)
        try v.field(8, "county", &county)
    }
}

/// Entries in bulk (client stream); each row entered as by `Enter`, the registry asked once per
/// message; an entry already there counts as already there.
public struct EntryBatch: WireMessage, Hashable {
    public static let limit = 1000
    public var entries: [EntryRequest] = []
    public init() {}
    public init(entries: [EntryRequest]) { self.entries = entries }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "entries", &entries)
    }
}
