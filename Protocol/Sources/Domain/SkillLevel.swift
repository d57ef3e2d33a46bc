/// A vocational skill level (职业技能等级), numbered as on the certificates: 5 is the lowest
/// (五级/初级工) and 1 the highest (一级/高级技师) of the five standard levels.
///
/// Because a smaller raw value means a higher level, compare levels with ``rank`` (or `<`),
/// never by raw value. The 2022 reform adds 学徒工 below level 5 and 特级技师, 首席技师 above
/// level 1; they have their own values (6, 11, 12) so the five standard values keep their
/// printed numbers. Not every occupation has every level: that range is occupation data
/// (``Occupation/levels``), not a property of this type.
public struct SkillLevel: WireEnum, Comparable, CustomStringConvertible, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// No level: special-ability, special-operations and special-equipment certificates.
    public static let unspecified = SkillLevel(rawValue: 0)
    /// 一级/高级技师
    public static let level1 = SkillLevel(rawValue: 1)
    /// 二级/技师
    public static let level2 = SkillLevel(rawValue: 2)
    /// 三级/高级工
    public static let level3 = SkillLevel(rawValue: 3)
    /// 四级/中级工
    public static let level4 = SkillLevel(rawValue: 4)
    /// 五级/初级工
    public static let level5 = SkillLevel(rawValue: 5)
    /// 学徒工 (2022 reform, below level 5). Not required anywhere; room left for it.
    public static let apprentice = SkillLevel(rawValue: 6)
    /// 特级技师 (2022 reform, above level 1).
    public static let specialGradeTechnician = SkillLevel(rawValue: 11)
    /// 首席技师 (2022 reform, above 特级技师).
    public static let chiefTechnician = SkillLevel(rawValue: 12)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: SkillLevel, name: String)] {
        [
            (.unspecified, "unspecified"),
            (.level1, "level1"),
            (.level2, "level2"),
            (.level3, "level3"),
            (.level4, "level4"),
            (.level5, "level5"),
            (.apprentice, "apprentice"),
            (.specialGradeTechnician, "specialGradeTechnician"),
            (.chiefTechnician, "chiefTechnician"),
        ]
    }

    /// The five standard levels, lowest first: 5, 4, 3, 2, 1.
    public static let standard: [SkillLevel] = [.level5, .level4, .level3, .level2, .level1]

    /// Every level this version knows, lowest first.
    public static let known: [SkillLevel] = [.apprentice] + standard + [.specialGradeTechnician, .chiefTechnician]

    /// Position on the ladder: 0 unspecified or unknown, 1 学徒工, 2 五级 … 6 一级, 7 特级技师,
    /// 8 首席技师. Higher is more skilled.
    public var rank: Int {
        switch rawValue {
        case 6: 1
        case 1...5: Int(7 - rawValue)
        case 11: 7
        case 12: 8
        default: 0
        }
    }

    /// Whether this level counts as high-skill talent (高技能人才): 三级/高级工 or higher, that is
    /// raw values 1…3, plus the reform's 特级技师 and 首席技师 above them. False for
    /// ``unspecified`` and unknown values.
    public var isHighSkill: Bool { rank >= SkillLevel.level3.rank }

    /// Whether this version knows the value.
    public var isKnown: Bool { rank > 0 }

    /// Chinese name as printed on certificates, e.g. `"三级/高级工"`; `"未定级"` for
    /// ``unspecified`` and `"未知等级(N)"` for an unknown value.
    public var chineseName: String {
        switch rawValue {
        case 0: "未定级"
        case 1: "一级/高级技师"
        case 2: "二级/技师"
        case 3: "三级/高级工"
        case 4: "四级/中级工"
        case 5: "五级/初级工"
        case 6: "学徒工"
        case 11: "特级技师"
        case 12: "首席技师"
        default: "未知等级(\(rawValue))"
        }
    }

    /// The engineering title the skills-to-title bridge pairs with this level: 高级工 ↔ 助理工程师,
    /// 技师 ↔ 工程师, 高级技师 ↔ 高级工程师; nil for the other levels.
    public var engineeringTitleEquivalent: String? {
        switch rawValue {
        case 3: "助理工程师"
        case 2: "工程师"
        case 1: "高级工程师"
        default: nil
        }
    }

    public var description: String {
        isKnown ? "level\(rawValue)" : (rawValue == 0 ? "unspecified" : "level(\(rawValue))")
    }

    /// Orders by ``rank``: `SkillLevel.level5 < .level3`. Values of equal rank (only unknown
    /// values share rank 0 with ``unspecified``) are ordered by raw value, so the order is total.
    public static func < (lhs: SkillLevel, rhs: SkillLevel) -> Bool {
        lhs.rank != rhs.rank ? lhs.rank < rhs.rank : lhs.rawValue < rhs.rawValue
    }
}
