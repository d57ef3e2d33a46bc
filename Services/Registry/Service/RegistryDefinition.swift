import JCSkillsServiceKit

/// `jcskills-registry`: Labour-force registry: persons and their cards (建档立卡), enterprises and their demand survey.
public enum RegistryDefinition: ServiceDefinition {
    public static let kind = ServiceKind.registry
    public static let summary = "Labour-force registry: persons and their cards (建档立卡), enterprises and their demand survey."

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        // Domain methods arrive with this service's own issue; until then it serves health and echo.
        ServiceAssembly(services: [])
    }
}
