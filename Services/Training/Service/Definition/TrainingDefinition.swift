import JCSkillsServiceKit

/// `jcskills-training`: Vocational training: courses, enrolments, results, employment outcomes, labour brands.
public enum TrainingDefinition: ServiceDefinition {
    public static let kind = ServiceKind.training
    public static let summary = "Vocational training: courses, enrolments, results, employment outcomes, labour brands."

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        ServiceAssembly(services: [TrainingRPCService()])
    }
}
