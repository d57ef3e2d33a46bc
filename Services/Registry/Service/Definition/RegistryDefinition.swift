import Foundation
import Logging
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
        /// Estimated labour force per county code, for coverage (docs/DOMAIN.md §5.2: about
        /// 1.5 million in all).
        var labourForce: [String: UInt64]?
        /// Key employment groups accepted, by number (default: the plan's ten, the national list
        /// 1–10; 11 就业困难人员 is known and may be added).
        var keyGroups: [Int32]?
        /// The labour-force ages, `"16-60"` (the default): checked at registration and applied
        /// on every date counted (``LabourForceAging``).
        var labourForceAges: String?
        /// A first import into an empty registry builds the ID-number index after its rows once
        /// it has put this many in (``FirstLoad``; default 1,000,000, 0: never).
        var firstLoadAfterRows: Int?

        enum CodingKeys: String, CodingKey {
            case labourForce = "labour_force"
            case keyGroups = "key_groups"
            case labourForceAges = "labour_force_ages"
            case firstLoadAfterRows = "first_load_after_rows"
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
        let keyGroups = Set((options?.keyGroups ?? KeyEmploymentGroup.nationalTen.map(\.rawValue)).map { KeyEmploymentGroup(rawValue: $0) })
        var ageRule = LabourForceAgeRule.standard
        if let text = options?.labourForceAges {
            guard let rule = LabourForceAgeRule(text) else {
                throw ConfigurationError("registry.labour_force_ages: '\(text)' is not two ages such as 16-60")
            }
            ageRule = rule
        }
        var imports = PersonImportSettings()
        if let rows = options?.firstLoadAfterRows {
            guard rows >= 0 else { throw ConfigurationError("registry.first_load_after_rows: \(rows) is below 0") }
            imports.firstLoadAfter = rows
        }
        let (store, personal) = try await ServiceStore.open(settings: settings, migrations: migrations, logger: environment.logger)
        // A first load killed before its end left the ID-number index out.
        let idIndex = IDNumberIndex()
        try await idIndex.build(in: store, logger: environment.logger)
        let aging = makeAging(store: store, personal: personal, ageRule: ageRule, logger: environment.logger)
        try await aging.applyRule()
        return ServiceAssembly(
            services: [makeService(store: store, personal: personal, labourForce: labourForce, keyGroups: keyGroups, ageRule: ageRule,
                                   imports: imports, idIndex: idIndex)],
            auditor: StoreAuditor(store: store),
            background: [
                LabourForceAgingService(aging: aging),
                SealingKeyUpkeep(store: store, personal: personal, tables: RegistrySchema.sealedTables, logger: environment.logger),
            ],
            onShutdown: { await store.close() })
    }

    /// The daily age work over an open store; tests build it this way with their own clock.
    static func makeAging(
        store: Store, personal: PersonalData, ageRule: LabourForceAgeRule = .standard,
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "jcskills.registry.aging", factory: { _ in SwiftLogNoOpLogHandler() })
    ) -> LabourForceAging {
        var persons = PersonRepository(store: store, personal: personal, clock: clock)
        persons.ageRule = ageRule
        return LabourForceAging(store: store, persons: persons, today: { .today(by: clock) }, logger: logger)
    }

    /// The service over an open store; tests build it this way.
    static func makeService(
        store: Store, personal: PersonalData, labourForce: [Int32: UInt64] = defaultLabourForce,
        keyGroups: Set<KeyEmploymentGroup> = Set(KeyEmploymentGroup.nationalTen), ageRule: LabourForceAgeRule = .standard,
        imports: PersonImportSettings = PersonImportSettings(), idIndex: IDNumberIndex = IDNumberIndex(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) -> RegistryRPCService {
        let today: @Sendable () -> CalendarDate = { .today(by: clock) }
        var persons = PersonRepository(store: store, personal: personal, clock: clock)
        persons.ageRule = ageRule
        persons.idIndex = idIndex
        return RegistryRPCService(
            persons: persons,
            enterprises: EnterpriseRepository(store: store, clock: clock),
            statistics: StatisticsQueries(store: store, labourForce: labourForce, clock: clock),
            quality: QualityQueries(store: store, labourForce: labourForce, shares: CoverageShares(rule: ageRule), clock: clock),
            importRecords: ImportRecords(store: store, clock: clock),
            views: PersonViews(personal: personal, today: today),
            rules: PersonRules(today: today, keyGroups: keyGroups, ageRule: ageRule),
            store: store,
            readAudit: AuditGroupCommit(store: store),
            importSettings: imports)
    }

    static var migrations: [Migration] { RegistrySchema.migrations }
}
