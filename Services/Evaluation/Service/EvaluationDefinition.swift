import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// `jcskills-evaluation`: Skill evaluation: evaluation institutions, certificates of five kinds and five levels.
public enum EvaluationDefinition: ServiceDefinition {
    public static let kind = ServiceKind.evaluation
    public static let summary = "Skill evaluation: evaluation institutions, certificates of five kinds and five levels."

    /// The evaluation service's own section of the config file (`evaluation:`).
    struct Options: Decodable {
        /// Staff an enterprise needs to set up its own evaluation body (local policy, DOMAIN.md).
        var enterpriseBodyMinimumStaff: UInt32?

        enum CodingKeys: String, CodingKey {
            case enterpriseBodyMinimumStaff = "enterprise_body_minimum_staff"
        }
    }

    static let defaultEnterpriseBodyMinimumStaff: UInt32 = 300

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        let settings = environment.settings
        let options = try settings.section(Options.self)
        let registry = try environment.client(for: .registry)
        let (store, personal) = try await ServiceStore.open(settings: settings, migrations: migrations, logger: environment.logger)
        let service = makeService(
            store: store, personal: personal, registry: registry,
            enterpriseBodyMinimumStaff: options?.enterpriseBodyMinimumStaff ?? defaultEnterpriseBodyMinimumStaff)
        return ServiceAssembly(
            services: [service],
            auditor: StoreAuditor(store: store),
            onShutdown: {
                await registry.close()
                await store.close()
            })
    }

    /// The service over an open store and a registry client; tests build it this way.
    static func makeService(
        store: Store, personal: PersonalData, registry: RPCClient,
        enterpriseBodyMinimumStaff: UInt32 = defaultEnterpriseBodyMinimumStaff,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) -> EvaluationRPCService {
        let today: @Sendable () -> CalendarDate = {
            CalendarDate(unixMilliseconds: Int64(clock().timeIntervalSince1970 * 1000))!
        }
        return EvaluationRPCService(
            institutions: InstitutionRepository(clock: clock),
            certificates: CertificateRepository(personal: personal, clock: clock),
            counts: CountQueries(store: store),
            views: CertificateViews(personal: personal, today: today),
            rules: CertificateRules(today: today),
            enterprises: EnterpriseDirectory(registry: registry),
            enterpriseBodyMinimumStaff: enterpriseBodyMinimumStaff,
            store: store)
    }

    static var migrations: [Migration] { EvaluationSchema.migrations }
}
