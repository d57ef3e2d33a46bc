/// How demo persons spread over the counties and the registration drive.
///
/// `small` keeps the first demo's spread (by population, all registered by the 2020-10-31
/// deadline). `plan` follows each county's estimated labour force (the registry's
/// `labour_force:` defaults) so that coverage tells the plan's story at its deadline: four
/// counties a little over their estimate by 31 October 2020, 泽州 and 高平 short of it, and
/// catching up on a late tail of registrations from November 2020 to March 2021
/// (``PlanCounties``).
public enum PersonProfile: Sendable, Hashable {
    case small
    case plan

    var county: WeightedTable<Int32> {
        switch self {
        case .small: PersonTables.county
        case .plan: PlanCounties.registrationWeights
        }
    }

    /// The share of a county's persons registered after the deadline.
    func lateShare(county: Int32) -> Double {
        switch self {
        case .small: 0
        case .plan: PlanCounties.story(county).lateRegistration
        }
    }
}
