/// One line of an institution's filed scope: an occupation and the levels it may certify.
/// Empty `levels` files the occupation for the kinds without levels only.
public struct ScopeEntry: WireMessage, Hashable {
    /// Occupation code of the 2022 catalogue, e.g. `6-18-02-04`.
    public var occupation: String = ""
    public var levels: [SkillLevel] = []
    public init() {}
    public init(occupation: String, levels: [SkillLevel]) {
        self.occupation = occupation
        self.levels = levels
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "occupation", &occupation)
        try v.field(2, "levels", &levels)
    }
}

/// An evaluation institution as registered (or registered again to update its details).
public struct Institution: WireMessage, Hashable {
    public var code: String = ""
    public var name: String = ""
    public var type: InstitutionType = .unspecified
    /// A Jincheng county code, or the city's 140500 for city-wide institutions.
    public var county: Int32 = 0
    /// The enterprise's credit code; required for (and only for) an enterprise body.
    public var enterpriseCreditCode: String = ""
    public var scope: [ScopeEntry] = []
    /// `yyyymmdd`: the day the institution was approved to evaluate (备案). The counts as of
    /// an earlier date do not include it. 0 when registering: the day of the registration.
    /// Read only on the first registration; in a view, 0 for institutions registered before
    /// the service kept the date.
    public var approvedOn: Int32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
        try v.field(2, "name", &name)
        try v.field(3, "type", &type)
        try v.field(4, "county", &county)
        try v.field(5, "enterpriseCreditCode", &enterpriseCreditCode)
        try v.field(6, "scope", &scope)
        try v.field(7, "approvedOn", &approvedOn)
    }
}

public struct InstitutionView: WireMessage, Hashable {
    public var institution: Institution = Institution()
    public var status: InstitutionStatus = .unspecified
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "institution", &institution)
        try v.field(2, "status", &status)
    }
}

public struct InstitutionLookup: WireMessage, Hashable {
    public var code: String = ""
    public init() {}
    public init(code: String) { self.code = code }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
    }
}

public struct InstitutionStatusChange: WireMessage, Hashable {
    public var code: String = ""
    public var status: InstitutionStatus = .unspecified
    public var reason: String = ""
    public init() {}
    public init(code: String, status: InstitutionStatus, reason: String = "") {
        self.code = code
        self.status = status
        self.reason = reason
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
        try v.field(2, "status", &status)
        try v.field(3, "reason", &reason)
    }
}

/// Which institutions to list; zero values list all.
public struct InstitutionListRequest: WireMessage, Hashable {
    public var county: Int32 = 0
    public var type: InstitutionType = .unspecified
    public init() {}
    public init(county: Int32 = 0, type: InstitutionType = .unspecified) {
        self.county = county
        self.type = type
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "type", &type)
    }
}

public struct InstitutionList: WireMessage, Hashable {
    /// By code.
    public var institutions: [InstitutionView] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "institutions", &institutions)
    }
}
