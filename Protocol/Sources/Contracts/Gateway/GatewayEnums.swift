/// Where an indicator stands against its target.
public struct IndicatorStatus: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = IndicatorStatus(rawValue: 0)
    /// The target is reached.
    public static let met = IndicatorStatus(rawValue: 1)
    /// Not reached yet, but the linear projection from the baseline reaches it by the deadline.
    public static let onTrack = IndicatorStatus(rawValue: 2)
    /// The projection falls short, or the deadline passed with the target unmet.
    public static let behind = IndicatorStatus(rawValue: 3)
    /// The indicator has no target to judge against (it is watched, not planned).
    public static let noTarget = IndicatorStatus(rawValue: 4)
    /// Its source did not answer; see the reason and any last known value.
    public static let unavailable = IndicatorStatus(rawValue: 5)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: IndicatorStatus, name: String)] {
        [
            (.unspecified, "unspecified"),
            (.met, "met"),
            (.onTrack, "onTrack"),
            (.behind, "behind"),
            (.noTarget, "noTarget"),
            (.unavailable, "unavailable"),
        ]
    }
    public var description: String {
        switch self {
        case .met: "met"
        case .onTrack: "on track"
        case .behind: "behind"
        case .noTarget: "no target"
        case .unavailable: "unavailable"
        default: "status(\(rawValue))"
        }
    }
}
