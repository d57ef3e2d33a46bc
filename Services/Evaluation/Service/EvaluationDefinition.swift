import JCSkillsServiceKit

/// `jcskills-evaluation`: Skill evaluation: evaluation institutions, certificates of five kinds and five levels.
public enum EvaluationDefinition: ServiceDefinition {
    public static let kind = ServiceKind.evaluation
    public static let summary = "Skill evaluation: evaluation institutions, certificates of five kinds and five levels."

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        // Domain methods arrive with this service's own issue; until then it serves health and echo.
        ServiceAssembly(services: [])
    }
}
