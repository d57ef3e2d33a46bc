import Foundation
import JCSkillsPKI
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
        /// Staff an enterprise needs to set up its own evaluation body (local policy, docs/DOMAIN.md §9).
        var enterpriseBodyMinimumStaff: UInt32?
        /// The city's Ed25519 key that signs exported certificates (PEM, PKCS #8).
        var signingKey: String?

        enum CodingKeys: String, CodingKey {
            case enterpriseBodyMinimumStaff = "enterprise_body_minimum_staff"
            case signingKey = "signing_key"
        }
    }

    static let defaultEnterpriseBodyMinimumStaff: UInt32 = 300

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        let settings = environment.settings
        let options = try settings.section(Options.self)
        let registry = try environment.client(for: .registry)
        let (store, personal) = try await ServiceStore.open(settings: settings, migrations: migrations, logger: environment.logger)
        let keyPath = try signingKeyPath(configured: options?.signingKey, settings: settings)
        environment.logger.info("certificates are signed with \(keyPath)")
        let service = makeService(
            store: store, personal: personal, registry: registry,
            enterpriseBodyMinimumStaff: options?.enterpriseBodyMinimumStaff ?? defaultEnterpriseBodyMinimumStaff,
            signingKey: try CitySigningKey.load(privateKeyAt: keyPath))
        return ServiceAssembly(
            services: [service],
            auditor: StoreAuditor(store: store),
            background: [SealingKeyUpkeep(store: store, personal: personal, tables: EvaluationSchema.sealedTables, logger: environment.logger)],
            onShutdown: {
                await registry.close()
                await store.close()
            })
    }

    /// Where the signing key is: the configured path; else `city-signing.key` next to the CA
    /// certificate (where `jcskills pki init` writes it); else in the data directory, created
    /// there on first start (with its public key beside it) so a development set just works.
    static func signingKeyPath(configured: String?, settings: ServiceSettings) throws -> String {
        if let configured { return configured }
        let besideCA = URL(fileURLWithPath: settings.tls.trustRoots).deletingLastPathComponent()
            .appendingPathComponent(CitySigningKey.privateKeyFileName).path
        if FileManager.default.fileExists(atPath: besideCA) { return besideCA }
        try CitySigningKey.create(in: settings.dataDirectory)
        return "\(settings.dataDirectory)/\(CitySigningKey.privateKeyFileName)"
    }

    /// The service over an open store and a registry client; tests build it this way.
    static func makeService(
        store: Store, personal: PersonalData, registry: RPCClient,
        enterpriseBodyMinimumStaff: UInt32 = defaultEnterpriseBodyMinimumStaff,
        signingKey: CitySigningKey = CitySigningKey(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) -> EvaluationRPCService {
        let today: @Sendable () -> CalendarDate = { .today(by: clock) }
        let views = CertificateViews(personal: personal, today: today)
        return EvaluationRPCService(
            institutions: InstitutionRepository(clock: clock),
            certificates: CertificateRepository(personal: personal, clock: clock),
            counts: CountQueries(),
            views: views,
            rules: CertificateRules(today: today),
            enterprises: RegistryPeer(registry: registry),
            compliance: ComplianceQueries(
                store: store, enterprises: RegistryPeer(registry: registry), minimumStaff: enterpriseBodyMinimumStaff),
            baseline: BaselineRepository(clock: clock),
            signer: CertificateSigner(key: signingKey, personal: personal, views: views),
            enterpriseBodyMinimumStaff: enterpriseBodyMinimumStaff,
            store: store)
    }

    static var migrations: [Migration] { EvaluationSchema.migrations }
}
