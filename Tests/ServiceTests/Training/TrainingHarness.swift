import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
@testable import RegistryService
@testable import TrainingService

/// A training service and the registry and evaluation service it asks, each on a fresh
/// database of `backend`, served over TLS on 127.0.0.1; the training service calls them as
/// `jcskills://training`.
struct TrainingHarness {
    let training: Endpoint
    let registry: RegistryHarness
    let evaluation: Endpoint
    let store: Store

    static let nowhere = Endpoint(host: "127.0.0.1", port: 1)

    static func with<T: Sendable>(
        _ backend: TestBackend, subsidisedPerYear: Int = 3, evaluationDown: Bool = false, _ body: (TrainingHarness) async throws -> T
    ) async throws -> T {
        try await RegistryHarness.with(backend) { registry in
            try await EvaluationHarness.withEvaluation(backend, registry: registry.endpoint) { evaluation, _ in
                let peer = evaluationDown ? nowhere : evaluation
                return try await withTraining(backend, registry: registry.endpoint, evaluation: peer, subsidisedPerYear: subsidisedPerYear) { endpoint, store in
                    try await body(TrainingHarness(training: endpoint, registry: registry, evaluation: evaluation, store: store))
                }
            }
        }
    }

    /// The training service alone, its clients pointed at `registry` and `evaluation` (either
    /// may be dead).
    static func withTraining<T: Sendable>(
        _ backend: TestBackend, registry: Endpoint, evaluation: Endpoint = nowhere, subsidisedPerYear: Int = 3,
        _ body: (Endpoint, Store) async throws -> T
    ) async throws -> T {
        let personal = PersonalData(keys: .generate())
        return try await withTestStore(backend, service: "training", migrations: TrainingSchema.migrations, template: true, configure: {
            $0.personalData = personal
            $0.now = { RegistryHarness.now }
        }) { store in
            var configuration = ClientConfiguration(tls: TestPKI.shared.files("training"))
            configuration.expectedServerIdentity = "jcskills://registry"
            configuration.defaultTimeout = .seconds(5)
            let client = try makeDomainPeerClient(registry, as: "training", configuration: configuration)
            configuration.expectedServerIdentity = "jcskills://evaluation"
            let evaluationClient = try makeDomainPeerClient(evaluation, as: "training", configuration: configuration)
            do {
                let service = TrainingDefinition.makeService(
                    store: store, personal: personal, registry: client, evaluation: evaluationClient,
                    subsidisedPerYear: subsidisedPerYear, clock: { RegistryHarness.now })
                let result = try await withTestServer(services: [service], auditor: StoreAuditor(store: store)) { _, endpoint in
                    try await body(endpoint, store)
                }
                await client.close()
                await evaluationClient.close()
                return result
            } catch {
                await client.close()
                await evaluationClient.close()
                throw error
            }
        }
    }

    func client<T: Sendable>(_ identity: String = "admin", _ body: (RPCClient) async throws -> T) async throws -> T {
        try await withDomainClient(training, as: identity, body)
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

extension LabourBrand {
    static func sample(code: String, name: String, county: Int32, occupation: String = "",
                       recognitions: [BrandRecognition]) -> LabourBrand {
        var brand = LabourBrand()
        brand.code = code
        brand.name = name
        brand.county = county
        brand.occupation = occupation
        brand.recognitions = recognitions
        return brand
    }
}
