/// The two kinds of competition in the plan (action 8, `seeds/SEED-EN.md`).
public struct CompetitionKind: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = CompetitionKind(rawValue: 0)
    /// The city-wide vocational skills competition held every year (全市职业技能大赛).
    public static let annualCity = CompetitionKind(rawValue: 1)
    /// A special competition (专项赛): one industry, one group, one occasion.
    public static let special = CompetitionKind(rawValue: 2)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: CompetitionKind, name: String)] {
        [(.unspecified, "unspecified"), (.annualCity, "annualCity"), (.special, "special")]
    }
    public static let known: [CompetitionKind] = [.annualCity, .special]
    public var description: String {
        switch self {
        case .annualCity: "annual_city"
        case .special: "special"
        default: "unspecified"
        }
    }
}

/// Who holds a competition: the city, a county, or an enterprise.
public struct CompetitionLevel: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = CompetitionLevel(rawValue: 0)
    public static let city = CompetitionLevel(rawValue: 1)
    public static let county = CompetitionLevel(rawValue: 2)
    public static let enterprise = CompetitionLevel(rawValue: 3)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: CompetitionLevel, name: String)] {
        [(.unspecified, "unspecified"), (.city, "city"), (.county, "county"), (.enterprise, "enterprise")]
    }
    public static let known: [CompetitionLevel] = [.city, .county, .enterprise]
    public var description: String {
        switch self {
        case .city: "city"
        case .county: "county"
        case .enterprise: "enterprise"
        default: "unspecified"
        }
    }
}

/// The two groups an event is held for: enterprise workers (confirmed with the registry) and
/// students of vocational schools (who carry their school).
public struct ParticipantGroup: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = ParticipantGroup(rawValue: 0)
    public static let workers = ParticipantGroup(rawValue: 1)
    public static let students = ParticipantGroup(rawValue: 2)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: ParticipantGroup, name: String)] {
        [(.unspecified, "unspecified"), (.workers, "workers"), (.students, "students")]
    }
    public static let known: [ParticipantGroup] = [.workers, .students]
    public var description: String {
        switch self {
        case .workers: "workers"
        case .students: "students"
        default: "unspecified"
        }
    }
}

/// How a criterion of a marking scheme is marked (WorldSkills' two aspects).
public struct CriterionType: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = CriterionType(rawValue: 0)
    /// One objective mark (a dimension, a time, a count), entered by any judge of the event.
    public static let measurement = CriterionType(rawValue: 1)
    /// Three judges score it independently; the mark is their mean, and a spread beyond the
    /// event's bound flags it for review.
    public static let judgement = CriterionType(rawValue: 2)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: CriterionType, name: String)] {
        [(.unspecified, "unspecified"), (.measurement, "measurement"), (.judgement, "judgement")]
    }
    public static let known: [CriterionType] = [.measurement, .judgement]
    public var description: String {
        switch self {
        case .measurement: "measurement"
        case .judgement: "judgement"
        default: "unspecified"
        }
    }
}

/// An event's stage: marks are taken while it is open and locked once it is closed.
public struct EventState: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = EventState(rawValue: 0)
    public static let open = EventState(rawValue: 1)
    /// Marks locked, results final, awards named.
    public static let closed = EventState(rawValue: 2)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: EventState, name: String)] {
        [(.unspecified, "unspecified"), (.open, "open"), (.closed, "closed")]
    }
    public var description: String {
        switch self {
        case .open: "open"
        case .closed: "closed"
        default: "unspecified"
        }
    }
}

/// Where an award's level promotion stands.
public struct PromotionState: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    /// The competition's rule promotes nobody.
    public static let none = PromotionState(rawValue: 0)
    /// Waiting for the evaluation service; retried until it answers.
    public static let pending = PromotionState(rawValue: 1)
    /// The upgraded certificate is issued; the award holds its number.
    public static let issued = PromotionState(rawValue: 2)
    /// Nothing to promote to: the winner already holds 高级技师 (level 1) in the occupation.
    public static let atTopLevel = PromotionState(rawValue: 3)
    /// The evaluation service refused the certificate (the reason is kept); not retried.
    public static let refused = PromotionState(rawValue: 4)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: PromotionState, name: String)] {
        [(.none, "none"), (.pending, "pending"), (.issued, "issued"), (.atTopLevel, "atTopLevel"), (.refused, "refused")]
    }
    public var description: String {
        switch self {
        case .pending: "pending"
        case .issued: "issued"
        case .atTopLevel: "at_top_level"
        case .refused: "refused"
        default: "none"
        }
    }
}

/// The level of a skill-master studio (技能大师工作室).
public typealias StudioLevel = RecognitionLevel
