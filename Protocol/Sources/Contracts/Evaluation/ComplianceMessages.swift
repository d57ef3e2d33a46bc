/// Which part of the city the compliance view covers.
public struct ComplianceRequest: WireMessage, Hashable {
    /// A county's code; 0 for the whole city.
    public var county: Int32 = 0
    public init() {}
    public init(county: Int32) { self.county = county }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
    }
}

/// Enterprises large enough to need their own evaluation body (plan, action 3) that have no
/// active one. Names and sizes only: no personal data.
public struct ComplianceReport: WireMessage, Hashable {
    public var county: Int32 = 0
    /// The threshold in force (`evaluation: enterprise_body_minimum_staff`).
    public var minimumStaff: UInt32 = 0
    /// Enterprises at or above the threshold, with or without a body.
    public var largeEnterprises: UInt64 = 0
    /// Those without an active enterprise body of their own, by credit code.
    public var lacking: [EnterpriseSummary] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "minimumStaff", &minimumStaff)
        try v.field(3, "largeEnterprises", &largeEnterprises)
        try v.field(4, "lacking", &lacking)
    }
}
