/// An enterprise of the demand survey.
public struct Enterprise: WireMessage, Hashable {
    /// 18-character unified social credit code (GB 32100).
    public var creditCode: String = ""
    public var name: String = ""
    public var county: Int32 = 0
    public var industry: String = ""
    public var staffCount: UInt32 = 0
    /// 规模以上企业.
    public var aboveDesignatedSize: Bool = false
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "creditCode", &creditCode)
        try v.field(2, "name", &name)
        try v.field(3, "county", &county)
        try v.field(4, "industry", &industry)
        try v.field(5, "staffCount", &staffCount)
        try v.field(6, "aboveDesignatedSize", &aboveDesignatedSize)
    }
}

/// One line of an enterprise's demand: so many workers of an occupation and level in a year.
public struct Demand: WireMessage, Hashable {
    public var creditCode: String = ""
    public var occupation: String = ""
    public var level: SkillLevel = .unspecified
    public var year: Int32 = 0
    public var headcount: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "creditCode", &creditCode)
        try v.field(2, "occupation", &occupation)
        try v.field(3, "level", &level)
        try v.field(4, "year", &year)
        try v.field(5, "headcount", &headcount)
    }
}

public struct EnterpriseView: WireMessage, Hashable {
    public var enterprise: Enterprise = Enterprise()
    /// False when the credit code's check character is wrong: legal for some early pilot
    /// codes, but the record needs review (docs/DOMAIN.md §4).
    public var checkCharacterValid: Bool = false
    public var demand: [Demand] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "enterprise", &enterprise)
        try v.field(2, "checkCharacterValid", &checkCharacterValid)
        try v.field(3, "demand", &demand)
    }
}

public struct EnterpriseLookup: WireMessage, Hashable {
    public var creditCode: String = ""
    public init() {}
    public init(creditCode: String) { self.creditCode = creditCode }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "creditCode", &creditCode)
    }
}

public struct EnterpriseImportRow: WireMessage, Hashable {
    public var line: UInt32 = 0
    public var enterprise: Enterprise = Enterprise()
    public init() {}
    public init(line: UInt32, enterprise: Enterprise) {
        self.line = line
        self.enterprise = enterprise
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "line", &line)
        try v.field(2, "enterprise", &enterprise)
    }
}

public struct EnterpriseImportBatch: WireMessage, Hashable {
    public var rows: [EnterpriseImportRow] = []
    public init() {}
    public init(rows: [EnterpriseImportRow]) { self.rows = rows }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "rows", &rows)
    }
}

public struct DemandImportRow: WireMessage, Hashable {
    public var line: UInt32 = 0
    public var demand: Demand = Demand()
    public init() {}
    public init(line: UInt32, demand: Demand) {
        self.line = line
        self.demand = demand
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "line", &line)
        try v.field(2, "demand", &demand)
    }
}

public struct DemandImportBatch: WireMessage, Hashable {
    public var rows: [DemandImportRow] = []
    public init() {}
    public init(rows: [DemandImportRow]) { self.rows = rows }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "rows", &rows)
    }
}

/// Which enterprises to list: those with at least `minimumStaff` staff, in one county or all.
public struct EnterpriseListRequest: WireMessage, Hashable {
    public var minimumStaff: UInt32 = 0
    /// A county's code; 0 for the whole city.
    public var county: Int32 = 0
    /// `yyyymmdd`: the enterprises as they stood on that day (their county and staff then);
    /// 0 for today.
    public var asOf: Int32 = 0
    public init() {}
    public init(minimumStaff: UInt32, county: Int32 = 0, asOf: Int32 = 0) {
        self.minimumStaff = minimumStaff
        self.county = county
        self.asOf = asOf
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "minimumStaff", &minimumStaff)
        try v.field(2, "county", &county)
        try v.field(3, "asOf", &asOf)
    }
}

/// An enterprise as a list shows it: who it is and how large, nothing about its people.
public struct EnterpriseSummary: WireMessage, Hashable {
    public var creditCode: String = ""
    public var name: String = ""
    public var county: Int32 = 0
    public var staffCount: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "creditCode", &creditCode)
        try v.field(2, "name", &name)
        try v.field(3, "county", &county)
        try v.field(4, "staffCount", &staffCount)
    }
}

public struct EnterpriseList: WireMessage, Hashable {
    /// Ordered by credit code.
    public var enterprises: [EnterpriseSummary] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "enterprises", &enterprises)
    }
}
