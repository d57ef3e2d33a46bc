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
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &creditCode)
        try v.field(2, &name)
        try v.field(3, &county)
        try v.field(4, &industry)
        try v.field(5, &staffCount)
        try v.field(6, &aboveDesignatedSize)
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
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &creditCode)
        try v.field(2, &occupation)
        try v.field(3, &level)
        try v.field(4, &year)
        try v.field(5, &headcount)
    }
}

public struct EnterpriseView: WireMessage, Hashable {
    public var enterprise: Enterprise = Enterprise()
    /// False when the credit code's check character is wrong: legal for some early pilot
    /// codes, but the record needs review (docs/DOMAIN.md §4).
    public var checkCharacterValid: Bool = false
    public var demand: [Demand] = []
    public init() {}
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &enterprise)
        try v.field(2, &checkCharacterValid)
        try v.field(3, &demand)
    }
}

public struct EnterpriseLookup: WireMessage, Hashable {
    public var creditCode: String = ""
    public init() {}
    public init(creditCode: String) { self.creditCode = creditCode }
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &creditCode)
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
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &line)
        try v.field(2, &enterprise)
    }
}

public struct EnterpriseImportBatch: WireMessage, Hashable {
    public var rows: [EnterpriseImportRow] = []
    public init() {}
    public init(rows: [EnterpriseImportRow]) { self.rows = rows }
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &rows)
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
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &line)
        try v.field(2, &demand)
    }
}

public struct DemandImportBatch: WireMessage, Hashable {
    public var rows: [DemandImportRow] = []
    public init() {}
    public init(rows: [DemandImportRow]) { self.rows = rows }
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &rows)
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
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &minimumStaff)
        try v.field(2, &county)
        try v.field(3, &asOf)
    }
}

/// An enterprise as a list shows it: who it is and how large, nothing about its people.
public struct EnterpriseSummary: WireMessage, Hashable {
    public var creditCode: String = ""
    public var name: String = ""
    public var county: Int32 = 0
    public var staffCount: UInt32 = 0
    public init() {}
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &creditCode)
        try v.field(2, &name)
        try v.field(3, &county)
        try v.field(4, &staffCount)
    }
}

public struct EnterpriseList: WireMessage, Hashable {
    /// Ordered by credit code.
    public var enterprises: [EnterpriseSummary] = []
    public init() {}
    public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, &enterprises)
    }
}
