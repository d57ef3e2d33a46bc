import JCSkillsServiceKit

/// `jcskills-competition`: Skills competitions: events, marks, rankings, technical experts, skill-master studios.
public enum CompetitionDefinition: ServiceDefinition {
    public static let kind = ServiceKind.competition
    public static let summary = "Skills competitions: events, marks, rankings, technical experts, skill-master studios."

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        ServiceAssembly(services: [CompetitionRPCService()])
    }
}
