/// Whether a registered person works.
public struct EmploymentStatus: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = EmploymentStatus(rawValue: 0)
    public static let employed = EmploymentStatus(rawValue: 1)
    public static let unemployed = EmploymentStatus(rawValue: 2)
    /// Looking for work while employed elsewhere or after school.
    public static let seeking = EmploymentStatus(rawValue: 3)
    public static let selfEmployed = EmploymentStatus(rawValue: 4)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: EmploymentStatus, name: String)] {
        [(.unspecified, "unspecified"), (.employed, "employed"), (.unemployed, "unemployed"), (.seeking, "seeking"), (.selfEmployed, "selfEmployed")]
    }
    public static let known: [EmploymentStatus] = [.employed, .unemployed, .seeking, .selfEmployed]
    public var description: String {
        switch self {
        case .employed: "employed"
        case .unemployed: "unemployed"
        case .seeking: "seeking"
        case .selfEmployed: "self_employed"
        default: "unspecified"
        }
    }
}

/// How training is given — a course's mode, and the mode a registered person would like: the
/// plan's five (docs/DOMAIN.md, "Training modes"). Numbers 1–4 meant four other modes before
/// registry migration 7, which mapped the stored ones onto these.
public struct TrainingMode: WireEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = TrainingMode(rawValue: 0)
    /// 新型学徒制: an enterprise and a training institution train an employee together.
    public static let newApprenticeship = TrainingMode(rawValue: 1)
    /// 以工代训: an employer trains while it employs, subsidised per person.
    public static let trainingInPlaceOfWork = TrainingMode(rawValue: 2)
    /// 项目制: the government buys a course for a group.
    public static let projectBased = TrainingMode(rawValue: 3)
    /// 工学一体化: vocational schools' work–study integration.
    public static let workStudyIntegration = TrainingMode(rawValue: 4)
    /// 互联网+: online training.
    public static let internetPlus = TrainingMode(rawValue: 5)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: TrainingMode, name: String)] {
        [
            (.unspecified, "unspecified"),
            (.newApprenticeship, "newApprenticeship"),
            (.trainingInPlaceOfWork, "trainingInPlaceOfWork"),
            (.projectBased, "projectBased"),
            (.workStudyIntegration, "workStudyIntegration"),
            (.internetPlus, "internetPlus"),
        ]
    }

    public static let known: [TrainingMode] = [.newApprenticeship, .trainingInPlaceOfWork, .projectBased, .workStudyIntegration, .internetPlus]

    public var chineseName: String {
        switch self {
        case .newApprenticeship: "新型学徒制"
        case .trainingInPlaceOfWork: "以工代训"
        case .projectBased: "项目制"
        case .workStudyIntegration: "工学一体化"
        case .internetPlus: "互联网+"
        default: "未指定"
        }
    }
}

/// Why a person left the labour force (a state change, never a deletion).
public struct LeavingReason: WireEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = LeavingReason(rawValue: 0)
    public static let age = LeavingReason(rawValue: 1)
    public static let death = LeavingReason(rawValue: 2)
    public static let emigration = LeavingReason(rawValue: 3)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: LeavingReason, name: String)] {
        [(.unspecified, "unspecified"), (.age, "age"), (.death, "death"), (.emigration, "emigration")]
    }
}

/// Age bands of the registry's analysis, by age today (the registry's statistics are today's).
public enum AgeBand {
    /// Lower bounds: 16–24, 25–34, 35–44, 45–54, 55–60 (to the labour-force rule's upper age).
    public static let lowerBounds: [Int] = [16, 25, 35, 45, 55]

    /// Where the registry keeps someone older than the labour-force ages: in no cell.
    public static let beyondLabourForce: Int32 = -1

    /// The band of someone born on `birthDate` on `day` under `rule`: ``index(ofAge:)``, or
    /// ``beyondLabourForce`` from the day they age out.
    public static func band(birthDate: CalendarDate, on day: CalendarDate, rule: LabourForceAgeRule) -> Int32 {
        let age = birthDate.years(until: day)
        return age > rule.ages.upperBound ? beyondLabourForce : Int32(index(ofAge: age))
    }

    /// The band index (0…4) of an age within 16–60.
    public static func index(ofAge age: Int) -> Int {
        lowerBounds.lastIndex { age >= $0 } ?? 0
    }

    public static func label(_ index: Int, upperAge: Int = LabourForceAgeRule.standard.ages.upperBound) -> String {
        let bounds = lowerBounds
        guard index >= 0, index < bounds.count else { return "?" }
        let upper = index + 1 < bounds.count ? bounds[index + 1] - 1 : upperAge
        return "\(bounds[index])-\(upper)"
    }
}
