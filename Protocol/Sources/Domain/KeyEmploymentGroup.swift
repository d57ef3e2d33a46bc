/// A key employment group (重点就业群体): a person may belong to several, and membership makes
/// them eligible for subsidised training (seed action 5).
///
/// The plan speaks of "ten key employment groups" without listing them; values 1–10 are the
/// closest national list of ten (国办发〔2019〕24号, subsidy clause), in that document's order.
/// Value 11, 就业困难人员, is named by the same document outside the ten. Which groups a service
/// accepts is policy, held in a ``KeyGroupCatalogue``; this type only names the values, so an
/// unknown value from a newer peer survives a round trip.
public struct KeyEmploymentGroup: WireEnum, CustomStringConvertible, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = KeyEmploymentGroup(rawValue: 0)
    /// 贫困家庭子女 — children of registered poor families.
    public static let poorFamilyChildren = KeyEmploymentGroup(rawValue: 1)
    /// 贫困劳动力 — registered poor labour.
    public static let poorLabour = KeyEmploymentGroup(rawValue: 2)
    /// 两后生 — school leavers not continuing to study (after junior or senior secondary school).
    public static let schoolLeavers = KeyEmploymentGroup(rawValue: 3)
    /// 农村转移就业劳动者 — rural workers moving into non-farm work.
    public static let ruralMigrantWorkers = KeyEmploymentGroup(rawValue: 4)
    /// 下岗失业人员 — laid-off and unemployed persons, including the registered unemployed.
    public static let laidOffUnemployed = KeyEmploymentGroup(rawValue: 5)
    /// 转岗职工 — redeployed workers, including those displaced by capacity cuts.
    public static let redeployedWorkers = KeyEmploymentGroup(rawValue: 6)
    /// 退役军人 — veterans.
    public static let veterans = KeyEmploymentGroup(rawValue: 7)
    /// 残疾人 — persons with disabilities.
    public static let disabled = KeyEmploymentGroup(rawValue: 8)
    /// 高校毕业生 — college and university graduates.
    public static let collegeGraduates = KeyEmploymentGroup(rawValue: 9)
    /// 企业职工 — enterprise employees.
    public static let enterpriseEmployees = KeyEmploymentGroup(rawValue: 10)
    /// 就业困难人员 — persons with employment difficulties; outside the national ten.
    public static let hardToEmploy = KeyEmploymentGroup(rawValue: 11)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: KeyEmploymentGroup, name: String)] {
        [
            (.unspecified, "unspecified"),
            (.poorFamilyChildren, "poorFamilyChildren"),
            (.poorLabour, "poorLabour"),
            (.schoolLeavers, "schoolLeavers"),
            (.ruralMigrantWorkers, "ruralMigrantWorkers"),
            (.laidOffUnemployed, "laidOffUnemployed"),
            (.redeployedWorkers, "redeployedWorkers"),
            (.veterans, "veterans"),
            (.disabled, "disabled"),
            (.collegeGraduates, "collegeGraduates"),
            (.enterpriseEmployees, "enterpriseEmployees"),
            (.hardToEmploy, "hardToEmploy"),
        ]
    }

    /// The national list of ten (values 1–10), in order.
    public static let nationalTen: [KeyEmploymentGroup] = (1...10).map { KeyEmploymentGroup(rawValue: $0) }
    /// Every group this version knows (values 1–11), in order.
    public static let known: [KeyEmploymentGroup] = nationalTen + [.hardToEmploy]

    /// Chinese name; `"未知群体(N)"` for a value this version does not know.
    public var chineseName: String {
        Self.names[self]?.chinese ?? "未知群体(\(rawValue))"
    }

    /// Stable English identifier for files and logs, e.g. `poor_labour`; `"group_N"` for a value
    /// this version does not know (and ``init(slug:)`` reads that form back).
    public var slug: String {
        Self.names[self]?.slug ?? "group_\(rawValue)"
    }

    /// The group named by `slug`, or nil for an unrecognised slug. Accepts the `group_N` form
    /// for any positive N, so data written by a newer version can be read back.
    public init?(slug: String) {
        if let match = Self.bySlug[slug] {
            self = match
        } else if slug.hasPrefix("group_"), let raw = Int32(slug.dropFirst(6)), raw > 0 {
            self.init(rawValue: raw)
        } else {
            return nil
        }
    }

    public var description: String { slug }

    private static let names: [KeyEmploymentGroup: (chinese: String, slug: String)] = [
        .poorFamilyChildren: ("贫困家庭子女", "poor_family_children"),
        .poorLabour: ("贫困劳动力", "poor_labour"),
        .schoolLeavers: ("两后生", "school_leavers"),
        .ruralMigrantWorkers: ("农村转移就业劳动者", "rural_migrant_workers"),
        .laidOffUnemployed: ("下岗失业人员", "laid_off_unemployed"),
        .redeployedWorkers: ("转岗职工", "redeployed_workers"),
        .veterans: ("退役军人", "veterans"),
        .disabled: ("残疾人", "disabled"),
        .collegeGraduates: ("高校毕业生", "college_graduates"),
        .enterpriseEmployees: ("企业职工", "enterprise_employees"),
        .hardToEmploy: ("就业困难人员", "hard_to_employ"),
    ]

    private static let bySlug: [String: KeyEmploymentGroup] = Dictionary(
        uniqueKeysWithValues: names.map { ($0.value.slug, $0.key) }
    )
}
