/// Enrol the person with this ID number in a course. The registry must know them (an active
/// card); the training service keeps the ID number sealed.
public struct EnrolmentRequest: WireMessage, Hashable {
    public var courseCode: String = ""
    public var idNumber: String = ""
    /// `yyyymmdd`: the day the person enrolled, as the provider's records have it (a history
    /// recorded later); 0 is today. Not after today or the course's last day, and at most a
    /// year before its first.
    public var enrolledOn: Int32 = 0
    public init() {}
    public init(courseCode: String, idNumber: String, enrolledOn: Int32 = 0) {
        self.courseCode = courseCode
        self.idNumber = idNumber
        self.enrolledOn = enrolledOn
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "courseCode", &courseCode)
        try v.field(2, "idNumber", &idNumber)
        try v.field(3, "enrolledOn", &enrolledOn)
    }
}

/// An enrolment: the person by their registry card (never their ID number), the course, and
/// what the registry said of them when they enrolled.
public struct EnrolmentView: WireMessage, Hashable {
    /// The enrolment's own number (e.g. `TR2021000001`).
    public var number: String = ""
    public var courseCode: String = ""
    public var cardNumber: String = ""
    /// The person's county on the registry card when they enrolled.
    public var county: Int32 = 0
    public var keyGroups: [KeyEmploymentGroup] = []
    /// `yyyymmdd`.
    public var enrolledOn: Int32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "number", &number)
        try v.field(2, "courseCode", &courseCode)
        try v.field(3, "cardNumber", &cardNumber)
        try v.field(4, "county", &county)
        try v.field(5, "keyGroups", &keyGroups)
        try v.field(6, "enrolledOn", &enrolledOn)
    }
}

/// One line of a provider's class list (`ImportEnrolments`).
public struct EnrolmentRow: WireMessage, Hashable {
    /// The line in the provider's file, for its errors.
    public var line: UInt32 = 0
    public var courseCode: String = ""
    public var idNumber: String = ""
    /// As ``EnrolmentRequest/enrolledOn``: 0 is today.
    public var enrolledOn: Int32 = 0
    public init() {}
    public init(line: UInt32, courseCode: String, idNumber: String, enrolledOn: Int32 = 0) {
        self.line = line
        self.courseCode = courseCode
        self.idNumber = idNumber
        self.enrolledOn = enrolledOn
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "line", &line)
        try v.field(2, "courseCode", &courseCode)
        try v.field(3, "idNumber", &idNumber)
        try v.field(4, "enrolledOn", &enrolledOn)
    }
}

public struct EnrolmentBatch: WireMessage, Hashable {
    public var rows: [EnrolmentRow] = []
    public init() {}
    public init(rows: [EnrolmentRow]) { self.rows = rows }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "rows", &rows)
    }
}
