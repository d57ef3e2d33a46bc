import JCSkillsServiceKit

/// `jcskills-gateway`: The city's targets: aggregates from every department's service, no personal data.
public enum GatewayDefinition: ServiceDefinition {
    public static let kind = ServiceKind.gateway
    public static let summary = "The city's targets: aggregates from every department's service, no personal data."

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        // Domain methods arrive with this service's own issue; until then it serves health and echo.
        ServiceAssembly(services: [])
    }
}
