import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// `jcskills-training`: Vocational training: courses, enrolments, results, employment outcomes, labour brands.
public enum TrainingDefinition: ServiceDefinition {
    public static let kind = ServiceKind.training
    public static let summary = "Vocational training: courses, enrolments, results, employment outcomes, labour brands."

    /// The training service's own section of the config file (`training:`).
    struct Options: Decodable {
        /// Subsidised courses a person may start in one year (default 3).
        var subsidisedCoursesPerYear: Int?

        enum CodingKeys: String, CodingKey {
            case subsidisedCoursesPerYear = "subsidised_courses_per_year"
        }
    }

    static let defaultSubsidisedCoursesPerYear = 3

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        let settings = environment.settings
        let options = try settings.section(Options.self)
        let registry = try environment.client(for: .registry)
        let evaluation = try environment.client(for: .evaluation)
        let (store, personal) = try await ServiceStore.open(settings: settings, migrations: TrainingSchema.migrations, logger: environment.logger)
        let service = makeService(
            store: store, personal: personal, registry: registry, evaluation: evaluation,
            subsidisedPerYear: options?.subsidisedCoursesPerYear ?? defaultSubsidisedCoursesPerYear)
        return ServiceAssembly(
            services: [service],
            auditor: StoreAuditor(store: store),
            background: [SealingKeyUpkeep(store: store, personal: personal, tables: TrainingSchema.sealedTables, logger: environment.logger)],
            onShutdown: {
                await registry.close()
                await evaluation.close()
                await store.close()
            })
    }

    /// The service over an open store and a registry client; tests build it this way.
    static func makeService(
        store: Store, personal: PersonalData, registry: RPCClient, evaluation: RPCClient, subsidisedPerYear: Int = defaultSubsidisedCoursesPerYear,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) -> TrainingRPCService {
        let figures = CourseFigures()
        let courses = CourseRepository(figures: figures, clock: clock)
        return TrainingRPCService(
            store: store, courses: courses,
            enrolments: EnrolmentRepository(personal: personal, courses: courses, subsidisedPerYear: subsidisedPerYear, figures: figures),
            results: ResultRepository(courses: courses, figures: figures, clock: clock),
            indicators: TrainingIndicatorQueries(store: store, figures: figures),
            counts: TrainingCountsQueries(store: store, figures: ProgrammeFigures()),
            brands: BrandRepository(clock: clock),
            registry: RegistryPeer(registry: registry), evaluation: EvaluationPeer(evaluation: evaluation), today: { .today(by: clock) })
    }
}
