/// A course as registered: what it trains for, how, by whom, where and when, for how many,
/// and what it is paid per trainee.
public struct Course: WireMessage, Hashable {
    /// The course's own code, unique in the city (e.g. `JC-2021-0001`).
    public var code: String = ""
    public var name: String = ""
    /// Occupation code of the 2022 catalogue the course trains for.
    public var occupation: String = ""
    /// The certificate the course prepares for, and its level (none for the kinds without levels).
    public var certificateKind: CertificateKind = .unspecified
    public var level: SkillLevel = .unspecified
    public var mode: TrainingMode = .unspecified
    public var programme: TrainingProgramme = .unspecified
    public var providerKind: TrainingProviderKind = .unspecified
    /// The provider's unified social credit code.
    public var providerCreditCode: String = ""
    /// A Jincheng county code (or 140599, the development zone), where the course is given.
    public var county: Int32 = 0
    /// `yyyymmdd`, first and last day.
    public var startsOn: Int32 = 0
    public var endsOn: Int32 = 0
    /// Trainees the course takes at most.
    public var capacity: UInt32 = 0
    /// The subsidy standard, yuan per trainee who passes; 0 for a course without a subsidy.
    public var subsidyPerTrainee: UInt32 = 0
    /// The labour brand the course trains for (`jcskills training brands`), if any.
    public var labourBrand: String = ""
    /// The higher tier, yuan per trainee who passes and then obtains a certificate (plan,
    /// action 5); 0: the standard applies to them too. Never below ``subsidyPerTrainee``.
    public var subsidyWithCertificate: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
        try v.field(2, "name", &name)
        try v.field(3, "occupation", &occupation)
        try v.field(4, "certificateKind", &certificateKind)
        try v.field(5, "level", &level)
        try v.field(6, "mode", &mode)
        try v.field(7, "programme", &programme)
        try v.field(8, "providerKind", &providerKind)
        try v.field(9, "providerCreditCode", &providerCreditCode)
        try v.field(10, "county", &county)
        try v.field(11, "startsOn", &startsOn)
        try v.field(12, "endsOn", &endsOn)
        try v.field(13, "capacity", &capacity)
        try v.field(14, "subsidyPerTrainee", &subsidyPerTrainee)
        try v.field(15, "labourBrand", &labourBrand)
        try v.field(16, "subsidyWithCertificate", &subsidyWithCertificate)
    }
}

public struct CourseView: WireMessage, Hashable {
    public var course: Course = Course()
    /// Persons enrolled so far.
    public var enrolled: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "course", &course)
        try v.field(2, "enrolled", &enrolled)
    }
}

public struct CourseLookup: WireMessage, Hashable {
    public var code: String = ""
    public init() {}
    public init(code: String) { self.code = code }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
    }
}

/// Courses of a county (0: the city) that run in a year (0: any), by start date.
public struct CourseListRequest: WireMessage, Hashable {
    public var county: Int32 = 0
    public var year: Int32 = 0
    public init() {}
    public init(county: Int32 = 0, year: Int32 = 0) {
        self.county = county
        self.year = year
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "year", &year)
    }
}

public struct CourseList: WireMessage, Hashable {
    public var courses: [CourseView] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "courses", &courses)
    }
}
