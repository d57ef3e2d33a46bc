import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
@testable import RegistryService
@testable import TrainingService

/// A training service and the registry it asks, each on a fresh database of `backend`, served
/// over TLS on 127.0.0.1; the training service calls the registry as `jcskills://training`.
struct TrainingHarness {
    let training: Endpoint
    let registry: RegistryHarness
    let store: Store

    static func with<T: Sendable>(
        _ backend: TestBackend, subsidisedPerYear: Int = 3, _ body: (TrainingHarness) async throws -> T
    ) async throws -> T {
        try await RegistryHarness.with(backend) { registry in
            try await withTraining(backend, registry: registry.endpoint, subsidisedPerYear: subsidisedPerYear) { endpoint, store in
                try await body(TrainingHarness(training: endpoint, registry: registry, store: store))
            }
        }
    }

    /// The training service alone, its registry client pointed at `registry` (which may be dead).
    static func withTraining<T: Sendable>(
        _ backend: TestBackend, registry: Endpoint, subsidisedPerYear: Int = 3, _ body: (Endpoint, Store) async throws -> T
    ) async throws -> T {
        let personal = PersonalData(keys: .generate())
        return try await withTestStore(backend, service: "training", migrations: TrainingSchema.migrations, configure: {
            $0.personalData = personal
            $0.now = { RegistryHarness.now }
        }) { store in
            var configuration = ClientConfiguration(tls: TestPKI.shared.files("training"))
            configuration.expectedServerIdentity = "jcskills://registry"
            configuration.defaultTimeout = .seconds(5)
            let client = try RPCClient(endpoints: [registry], configuration: configuration)
            do {
                let service = TrainingDefinition.makeService(
                    store: store, personal: personal, registry: client, subsidisedPerYear: subsidisedPerYear, clock: { RegistryHarness.now })
                let result = try await withTestServer(services: [service], auditor: StoreAuditor(store: store)) { _, endpoint in
                    try await body(endpoint, store)
                }
                await client.close()
                return result
            } catch {
                await client.close()
                throw error
            }
        }
    }

    func client<T: Sendable>(_ identity: String = "admin", _ body: (RPCClient) async throws -> T) async throws -> T {
        try await withTestClient(training, as: identity, body)
    }
}

extension Course {
    static func sample(code: String, programme: TrainingProgramme = .firstCertificate, county: Int32 = 140524,
                       startsOn: Int32 = 20210301, endsOn: Int32 = 20210331, capacity: UInt32 = 30, subsidy: UInt32 = 800) -> Course {
        var course = Course()
        course.code = code
        course.name = "焊工取证培训 \(code)"
        course.occupation = "6-18-02-04"
        course.certificateKind = .skillLevel
        course.level = .level5
        course.mode = .projectBased
        course.programme = programme
        course.providerKind = .trainingInstitution
        course.providerCreditCode = TestCreditCodes.make(701)
        course.county = county
        course.startsOn = startsOn
        course.endsOn = endsOn
        course.capacity = capacity
        course.subsidyPerTrainee = subsidy
        return course
    }
}
