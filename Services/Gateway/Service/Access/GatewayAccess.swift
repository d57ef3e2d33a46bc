import JCSkillsRPC

/// Who may call the gateway: everything it serves is aggregates, so any identified caller —
/// the city office, county offices, auditors, the dashboard's own users.
enum GatewayAccess {
    static let readTotals = AccessPolicy.anyIdentified
}
