/// One row of an import, with the line it came from so errors can point at it.
public struct PersonImportRow: WireMessage, Hashable {
    public var line: UInt32 = 0
    public var person: PersonRegistration = PersonRegistration()
    /// Reserved (field 3): rows with a 15-digit legacy ID number are converted by the server.
    public init() {}
    public init(line: UInt32, person: PersonRegistration) {
        self.line = line
        self.person = person
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "line", &line)
        try v.field(2, "person", &person)
    }
}

/// Rows travel in batches: one message and one database transaction per batch.
public struct PersonImportBatch: WireMessage, Hashable {
    public var rows: [PersonImportRow] = []
    public init() {}
    public init(rows: [PersonImportRow]) { self.rows = rows }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "rows", &rows)
    }
}

/// Why one row was not imported.
public struct RowError: WireMessage, Hashable {
    public var line: UInt32 = 0
    public var column: String = ""
    public var reason: String = ""
    public init() {}
    public init(line: UInt32, column: String, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "line", &line)
        try v.field(2, "column", &column)
        try v.field(3, "reason", &reason)
    }
}

/// The outcome of an import: nothing valid is lost because of a bad neighbour, and importing
/// the same file again adds nothing (the rows count as already registered).
public struct ImportSummary: WireMessage, Hashable {
    public var received: UInt64 = 0
    public var accepted: UInt64 = 0
    public var alreadyRegistered: UInt64 = 0
    public var rejected: UInt64 = 0
    /// The first rejected rows, up to a limit; `rejected` counts them all.
    public var errors: [RowError] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "received", &received)
        try v.field(2, "accepted", &accepted)
        try v.field(3, "alreadyRegistered", &alreadyRegistered)
        try v.field(4, "rejected", &rejected)
        try v.field(5, "errors", &errors)
    }
}

public struct ExportRequest: WireMessage, Hashable {
    /// A county's code; 0 for the whole city (registry office only).
    public var county: Int32 = 0
    public var includeInactive: Bool = false
    public init() {}
    public init(county: Int32, includeInactive: Bool = false) {
        self.county = county
        self.includeInactive = includeInactive
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "includeInactive", &includeInactive)
    }
}

public struct PersonBatch: WireMessage, Hashable {
    public var persons: [PersonView] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "persons", &persons)
    }
}
