/// The demo sets `jcskills local up --demo` and `jcskills demo-data` know by name.
public enum DemoSize: String, CaseIterable, Sendable {
    /// The city at the plan's scale (``PlanDemoData``): 1.5 million persons against a labour
    /// force of 1.54 million, the declared 2019 baseline, two years of certificates, training
    /// and competitions.
    case plan
    /// Today's quick set: every county and category shows up, loaded in seconds (tests, e2e).
    case small

    public static let seed: UInt64 = 2020

    public var options: DemoDataOptions {
        switch self {
        case .plan: DemoDataOptions(persons: 1_500_000, enterprises: 5_000, seed: Self.seed)
        case .small: DemoDataOptions(persons: 5_000, enterprises: 200, seed: Self.seed)
        }
    }
}
