/// What a course is for (plan, actions 4 and 5): the programme its subsidy and its indicators
/// count under.
public struct TrainingProgramme: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = TrainingProgramme(rawValue: 0)
    /// 企业职工技能提升: employees of an enterprise, 200,000 person-times a year.
    public static let enterpriseEmployeeUpgrade = TrainingProgramme(rawValue: 1)
    /// 重点群体免费培训: free training for the key employment groups, members only.
    public static let keyGroupSubsidised = TrainingProgramme(rawValue: 2)
    /// 取证培训: training to obtain a first certificate.
    public static let firstCertificate = TrainingProgramme(rawValue: 3)
    /// 升级培训: training to obtain a certificate one level higher.
    public static let levelUpgrade = TrainingProgramme(rawValue: 4)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: TrainingProgramme, name: String)] {
        [
            (.unspecified, "unspecified"),
            (.enterpriseEmployeeUpgrade, "enterpriseEmployeeUpgrade"),
            (.keyGroupSubsidised, "keyGroupSubsidised"),
            (.firstCertificate, "firstCertificate"),
            (.levelUpgrade, "levelUpgrade"),
        ]
    }

    public static let known: [TrainingProgramme] = [.enterpriseEmployeeUpgrade, .keyGroupSubsidised, .firstCertificate, .levelUpgrade]

    public var description: String {
        switch self {
        case .enterpriseEmployeeUpgrade: "enterprise_employee_upgrade"
        case .keyGroupSubsidised: "key_group_subsidised"
        case .firstCertificate: "first_certificate"
        case .levelUpgrade: "level_upgrade"
        default: "unspecified"
        }
    }

    public var chineseName: String {
        switch self {
        case .enterpriseEmployeeUpgrade: "企业职工技能提升"
        case .keyGroupSubsidised: "重点群体免费培训"
        case .firstCertificate: "取证培训"
        case .levelUpgrade: "升级培训"
        default: "未指定"
        }
    }
}

/// Who gives a course: a training institution or an enterprise, each known by its unified
/// social credit code.
public struct TrainingProviderKind: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = TrainingProviderKind(rawValue: 0)
    public static let trainingInstitution = TrainingProviderKind(rawValue: 1)
    public static let enterprise = TrainingProviderKind(rawValue: 2)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: TrainingProviderKind, name: String)] {
        [(.unspecified, "unspecified"), (.trainingInstitution, "trainingInstitution"), (.enterprise, "enterprise")]
    }

    public static let known: [TrainingProviderKind] = [.trainingInstitution, .enterprise]

    public var description: String {
        switch self {
        case .trainingInstitution: "training_institution"
        case .enterprise: "enterprise"
        default: "unspecified"
        }
    }
}
