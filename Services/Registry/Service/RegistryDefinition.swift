import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// `jcskills-registry`: the labour-force registry office's service.
public enum RegistryDefinition: ServiceDefinition {
    public static let kind = ServiceKind.registry
    public static let summary = "Labour-force registry: persons and their cards (建档立卡), enterprises and their demand survey."

    /// The registry's own section of the config file (`registry:`).
    struct Options: Decodable {
        /// Estimated labour force per county code, for coverage (DOMAIN.md: about 1.5 million in all).
        var labourForce: [String: UInt64]?
        /// Key employment groups accepted, by number (default: the national ten and 就业困难人员).
        var keyGroups: [Int32]?

        enum CodingKeys: String, CodingKey {
            case labourForce = "labour_force"
            case keyGroups = "key_groups"
        }
    }

    /// Default estimates (persons aged 16–60), to be replaced by the statistics bureau's figures
    /// in the config file: roughly proportional to each county's population, 1.54 million in all.
    static let defaultLabourForce: [Int32: UInt64] = [
        140502: 290_000, 140521: 130_000, 140522: 240_000, 140524: 150_000, 140525: 400_000, 140581: 330_000,
    ]

    public static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly {
        let settings = environment.settings
        let options = try settings.section(Options.self)
        var labourForce = defaultLabourForce
        for (code, estimate) in options?.labourForce ?? [:] {
            guard let county = Int32(code) else { throw ConfigurationError("registry.labour_force: '\(code)' is not a county code") }
            labourForce[county] = estimate
        }
        let keyGroups = Set((options?.keyGroups ?? KeyEmploymentGroup.known.map(\.rawValue)).map { KeyEmploymentGroup(rawValue: $0) })
        let (store, personal) = try await ServiceStore.open(settings: settings, migrations: migrations, logger: environment.logger)
        return ServiceAssembly(
            services: [makeService(store: store, personal: personal, labourForce: labourForce, keyGroups: keyGroups)],
            auditor: StoreAuditor(store: store),
            onShutdown: { await store.close() })
    }

    /// The service over an open store; tests build it this way.
    static func makeService(
        store: Store, personal: PersonalData, labourForce: [Int32: UInt64] = defaultLabourForce,
        keyGroups: Set<KeyEmploymentGroup> = Set(KeyEmploymentGroup.known),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) -> RegistryRPCService {
        let today: @Sendable () -> CalendarDate = {
            CalendarDate(unixMilliseconds: Int64(clock().timeIntervalSince1970 * 1000))!
        }
        return RegistryRPCService(
            persons: PersonRepository(store: store, personal: personal, clock: clock),
            enterprises: EnterpriseRepository(store: store, clock: clock),
            statistics: StatisticsQueries(store: store, labourForce: labourForce, clock: clock),
            views: PersonViews(personal: personal, today: today),
            rules: PersonRules(today: today, keyGroups: keyGroups),
            store: store,
            readAudit: AuditGroupCommit(store: store))
    }

    static var migrations: [Migration] { RegistrySchema.migrations }
}
