/// Gender as recorded on a labour card; derived from the ID number's 17th digit.
public struct Gender: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = Gender(rawValue: 0)
    public static let male = Gender(rawValue: 1)
    public static let female = Gender(rawValue: 2)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: Gender, name: String)] {
        [(.unspecified, "unspecified"), (.male, "male"), (.female, "female")]
    }
    public var description: String { self == .male ? "male" : self == .female ? "female" : "unspecified" }
}

/// The four labour-force categories of the plan (docs/DOMAIN.md §5.1).
public struct LabourCategory: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = LabourCategory(rawValue: 0)
    /// 贫困劳动力
    public static let poor = LabourCategory(rawValue: 1)
    /// 毕业大学生
    public static let universityGraduate = LabourCategory(rawValue: 2)
    /// 农村劳动力
    public static let rural = LabourCategory(rawValue: 3)
    /// 城镇劳动力
    public static let urban = LabourCategory(rawValue: 4)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: LabourCategory, name: String)] {
        [(.unspecified, "unspecified"), (.poor, "poor"), (.universityGraduate, "universityGraduate"), (.rural, "rural"), (.urban, "urban")]
    }
    public var description: String {
        switch self {
        case .poor: "poor"
        case .universityGraduate: "university_graduate"
        case .rural: "rural"
        case .urban: "urban"
        default: "unspecified(\(rawValue))"
        }
    }
}

public struct EducationLevel: WireEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = EducationLevel(rawValue: 0)
    public static let primary = EducationLevel(rawValue: 1)
    public static let juniorSecondary = EducationLevel(rawValue: 2)
    public static let seniorSecondary = EducationLevel(rawValue: 3)
    public static let vocational = EducationLevel(rawValue: 4)
    public static let college = EducationLevel(rawValue: 5)
    public static let university = EducationLevel(rawValue: 6)
    public static let postgraduate = EducationLevel(rawValue: 7)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: EducationLevel, name: String)] {
        [
            (.unspecified, "unspecified"),
            (.primary, "primary"),
            (.juniorSecondary, "juniorSecondary"),
            (.seniorSecondary, "seniorSecondary"),
            (.vocational, "vocational"),
            (.college, "college"),
            (.university, "university"),
            (.postgraduate, "postgraduate"),
        ]
    }
}

public struct RegistrationStatus: WireEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = RegistrationStatus(rawValue: 0)
    public static let active = RegistrationStatus(rawValue: 1)
    public static let movedAway = RegistrationStatus(rawValue: 2)
    public static let leftLabourForce = RegistrationStatus(rawValue: 3)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: RegistrationStatus, name: String)] {
        [(.unspecified, "unspecified"), (.active, "active"), (.movedAway, "movedAway"), (.leftLabourForce, "leftLabourForce")]
    }
}

/// One labour-force registration (建档立卡) as it travels between services. Also the record the
/// codec benchmark measures (docs/ANCHORS.md §3: about 120 bytes encoded).
public struct RegistrationRecord: WireMessage, Hashable {
    /// 18-character resident ID number.
    public var idNumber: String = ""
    public var name: String = ""
    public var gender: Gender = .unspecified
    /// Birth date as `yyyymmdd`.
    public var birthDate: Int32 = 0
    /// Residence county, a GB/T 2260 code such as 140524.
    public var county: Int32 = 0
    public var category: LabourCategory = .unspecified
    public var phone: String = ""
    public var education: EducationLevel = .unspecified
    /// Occupations held or wished for, by name or classification code.
    public var occupations: [String] = []
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var registeredAt: Int64 = 0
    public var status: RegistrationStatus = .unspecified

    public init() {}

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "idNumber", &idNumber)
        try v.field(2, "name", &name)
        try v.field(3, "gender", &gender)
        try v.field(4, "birthDate", &birthDate)
        try v.field(5, "county", &county)
        try v.field(6, "category", &category)
        try v.field(7, "phone", &phone)
        try v.field(8, "education", &education)
        try v.field(9, "occupations", &occupations)
        try v.field(10, "registeredAt", &registeredAt)
        try v.field(11, "status", &status)
    }
}

extension RegistrationRecord {
    /// The record docs/ANCHORS.md §3 measured codecs with: 18-character ID, 3-CJK name, two 8-CJK
    /// occupations, 120 bytes encoded. Shared by `jcskills-load codec` and `Benchmarks/`, so both
    /// measure the same bytes.
    public static var anchorsSample: RegistrationRecord {
        var record = RegistrationRecord()
        record.idNumber = "14052419900101123X"
        record.name = "王晓明"
        record.gender = .male
        record.birthDate = 19900101
        record.county = 140524
        record.category = .rural
        record.phone = "13812345678"
        record.education = .seniorSecondary
        record.occupations = ["起重装卸机械操作", "家政服务养老护理"]
        record.registeredAt = 1_598_918_400_000
        record.status = .active
        return record
    }
}
