/// The five kinds of certificate a worker can hold under the plan (seed action 4; docs/DOMAIN.md §7).
public struct CertificateKind: WireEnum, CustomStringConvertible, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = CertificateKind(rawValue: 0)
    /// 职业资格证书 — a licensing qualification in the national catalogue; has levels; its term
    /// depends on the regime.
    public static let vocationalQualification = CertificateKind(rawValue: 1)
    /// 职业技能等级证书 — issued by filed employers and social evaluation organisations; has
    /// levels; does not expire.
    public static let skillLevel = CertificateKind(rawValue: 2)
    /// 专项职业能力证书 — to a province-approved specification; no level; does not expire.
    public static let specialAbility = CertificateKind(rawValue: 3)
    /// 特种作业操作证 — emergency management; an operation category, no level; 6 years, with a
    /// review every 3.
    public static let specialOperations = CertificateKind(rawValue: 4)
    /// 特种设备作业人员证 — market regulation; an item (e.g. forklift), no level; 4 years.
    public static let specialEquipmentOperator = CertificateKind(rawValue: 5)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: CertificateKind, name: String)] {
        [
            (.unspecified, "unspecified"),
            (.vocationalQualification, "vocationalQualification"),
            (.skillLevel, "skillLevel"),
            (.specialAbility, "specialAbility"),
            (.specialOperations, "specialOperations"),
            (.specialEquipmentOperator, "specialEquipmentOperator"),
        ]
    }

    /// The five kinds, in the plan's order.
    public static let known: [CertificateKind] = [
        .vocationalQualification, .skillLevel, .specialAbility, .specialOperations, .specialEquipmentOperator,
    ]

    /// Whether certificates of this kind carry a ``SkillLevel`` (the other kinds carry an
    /// operation category or equipment item instead). False for unknown kinds.
    public var hasLevels: Bool { self == .vocationalQualification || self == .skillLevel }

    /// How long a certificate of this kind stays valid. ``CertificateValidity/unlimited`` for
    /// skill-level and special-ability certificates, for vocational qualifications (whose
    /// terms differ by regime and are not modelled here) and for unknown kinds.
    public var validity: CertificateValidity {
        switch self {
        case .specialOperations: CertificateValidity(validForYears: 6, reviewEveryYears: 3)
        case .specialEquipmentOperator: CertificateValidity(validForYears: 4)
        default: .unlimited
        }
    }

    public var chineseName: String {
        switch self {
        case .vocationalQualification: "职业资格证书"
        case .skillLevel: "职业技能等级证书"
        case .specialAbility: "专项职业能力证书"
        case .specialOperations: "特种作业操作证"
        case .specialEquipmentOperator: "特种设备作业人员证"
        default: "未知证书(\(rawValue))"
        }
    }

    public var description: String {
        switch self {
        case .vocationalQualification: "vocational_qualification"
        case .skillLevel: "skill_level"
        case .specialAbility: "special_ability"
        case .specialOperations: "special_operations"
        case .specialEquipmentOperator: "special_equipment_operator"
        default: "certificate_kind(\(rawValue))"
        }
    }
}
