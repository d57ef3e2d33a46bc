import JCSkillsProtocol

/// Each county's part in the plan demo's story (``PlanDemoData``): the city roughly on track,
/// 泽州 and 高平 — the two largest rural counties — clearly behind on registration and on new
/// certificates, 沁水 behind on new certificates (and, as in every demo, without a labour brand
/// or a studio), 城区, 阳城 and 陵川 ahead. Not statistics: a plausible city to judge.
enum PlanCounties {
    struct Story: Sendable {
        /// Persons in thousands at the plan size (1.5 M in all): the estimated labour force
        /// (`labour_force:` of the registry's defaults) times the coverage reached by the end.
        let persons: Int
        /// Share of the county's persons registered after the 2020-10-31 deadline.
        let lateRegistration: Double
        /// The county's pace of new certificates against the city's (1: the city's own).
        let certification: Double
    }

    /// 城区, 沁水, 阳城, 陵川, 泽州, 高平: 102 %, 102 %, 102 %, 102 %, 92.5 % and 92 % of the
    /// estimate in the end; 泽州 and 高平 only 87 % by the deadline.
    static let stories: [Int32: Story] = [
        140502: Story(persons: 296, lateRegistration: 0, certification: 1.2),
        140521: Story(persons: 133, lateRegistration: 0, certification: 0.75),
        140522: Story(persons: 245, lateRegistration: 0, certification: 1.15),
        140524: Story(persons: 153, lateRegistration: 0, certification: 1.15),
        140525: Story(persons: 370, lateRegistration: 0.06, certification: 0.7),
        140581: Story(persons: 303, lateRegistration: 0.055, certification: 0.75),
    ]

    static func story(_ county: Int32) -> Story {
        stories[county] ?? Story(persons: 0, lateRegistration: 0, certification: 1)
    }

    /// The counties in code order with their persons: the registration weights.
    static let registrationWeights = WeightedTable<Int32>(
        JinchengDivisions.countyCodes.map { ($0, story($0).persons) })

    /// The registry's default estimate of each county's labour force, in thousands: what the
    /// baseline is shared out by.
    static let labourForce: [Int32: Int] = [140502: 290, 140521: 130, 140522: 240, 140524: 150, 140525: 400, 140581: 330]
}
