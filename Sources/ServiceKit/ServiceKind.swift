/// The programme's five services and their default ports (docs/DESIGN.md §7).
public enum ServiceKind: String, CaseIterable, Sendable, Codable {
    case gateway, registry, training, evaluation, competition

    /// 7100 for the gateway, 7101–7104 for the departments.
    public var defaultPort: Int {
        switch self {
        case .gateway: 7100
        case .registry: 7101
        case .training: 7102
        case .evaluation: 7103
        case .competition: 7104
        }
    }

    /// Prometheus metrics: 9100–9104 in the same order.
    public var defaultMetricsPort: Int { defaultPort + 2000 }

    /// The executable's name.
    public var executable: String { "jcskills-\(rawValue)" }

    /// The department that runs it.
    public var department: String {
        switch self {
        case .gateway: "city leadership office"
        case .registry: "labour-force registry office (人社局就业科)"
        case .training: "vocational training office (职业能力建设科)"
        case .evaluation: "skill evaluation centre (技能鉴定中心)"
        case .competition: "competitions office"
        }
    }
}
