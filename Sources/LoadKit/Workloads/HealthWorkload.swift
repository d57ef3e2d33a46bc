import JCSkillsProtocol
import JCSkillsRPC

/// The standard health check: the cheapest call any authenticated peer may make.
public struct HealthWorkload: Workload {
    public let name = "health"

    public init() {}

    public var operations: [LoadOperation] {
        [LoadOperation("check") { client, _ in
            _ = try await client.unary(HealthService.check, HealthCheckRequest())
        }]
    }
}
