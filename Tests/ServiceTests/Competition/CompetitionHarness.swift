import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
@testable import CompetitionService
@testable import EvaluationService
@testable import RegistryService

/// A competition service and the registry and evaluation service it asks, each on a fresh
/// database of `backend`, served over TLS on 127.0.0.1; the competition service calls them as
/// `jcskills://competition`. The evaluation service can be stopped and started again on the
/// same port and database (``EvaluationSwitch``), to test promotions across an outage.
struct CompetitionHarness: Sendable {
    let competition: Endpoint
    let registry: RegistryHarness
    let service: CompetitionRPCService
    let store: Store
    let evaluation: EvaluationSwitch

    static let year: Int32 = 2020
    static let occupation = "6-18-02-04"
    static let institution = "C-1"

    static func with<T: Sendable>(_ backend: TestBackend, clock: @escaping @Sendable () -> Date = { RegistryHarness.now },
                                  _ body: (CompetitionHarness) async throws -> T) async throws -> T {
        try await RegistryHarness.with(backend) { registry in
            let evaluationPersonal = PersonalData(keys: .generate())
            return try await withTestStore(backend, service: "evaluation", migrations: EvaluationSchema.migrations, template: true, configure: {
                $0.personalData = evaluationPersonal
                $0.now = { RegistryHarness.now }
            }) { evaluationStore in
                try await withClient(of: "evaluation", to: registry.endpoint, expecting: "registry") { evaluationsRegistry in
                    let evaluation = EvaluationSwitch(
                        service: EvaluationDefinition.makeService(
                            store: evaluationStore, personal: evaluationPersonal, registry: evaluationsRegistry,
                            enterpriseBodyMinimumStaff: 300, signingKey: EvaluationHarness.signingKey, clock: { RegistryHarness.now }),
                        store: evaluationStore)
                    try await evaluation.start()
                    do {
                        let result = try await withCompetition(backend, registry: registry, evaluation: evaluation, clock: clock, body)
                        await evaluation.stop()
                        return result
                    } catch {
                        await evaluation.stop()
                        throw error
                    }
                }
            }
        }
    }

    private static func withCompetition<T: Sendable>(
        _ backend: TestBackend, registry: RegistryHarness, evaluation: EvaluationSwitch, clock: @escaping @Sendable () -> Date,
        _ body: (CompetitionHarness) async throws -> T
    ) async throws -> T {
        let personal = PersonalData(keys: .generate())
        let evaluationEndpoint = await evaluation.endpoint
        return try await withTestStore(backend, service: "competition", migrations: CompetitionSchema.migrations, template: true, configure: {
            $0.personalData = personal
            $0.now = clock
        }) { store in
            try await withClient(of: "competition", to: registry.endpoint, expecting: "registry") { registryClient in
                try await withClient(of: "competition", to: evaluationEndpoint, expecting: "evaluation") { evaluationClient in
                    var service = CompetitionDefinition.makeService(
                        store: store, personal: personal, registry: registryClient, evaluation: evaluationClient, clock: clock)
                    service.promoter.callTimeout = .seconds(2)
                    return try await withTestServer(services: [service], auditor: StoreAuditor(store: store)) { _, endpoint in
                        try await body(CompetitionHarness(competition: endpoint, registry: registry, service: service, store: store, evaluation: evaluation))
                    }
                }
            }
        }
    }

    /// A client presenting `identity`, checking the server is `expected`.
    private static func withClient<T: Sendable>(of identity: String, to endpoint: Endpoint, expecting expected: String,
                                                _ body: (RPCClient) async throws -> T) async throws -> T {
        var configuration = ClientConfiguration(tls: TestPKI.shared.files(identity))
        configuration.expectedServerIdentity = "jcskills://\(expected)"
        configuration.defaultTimeout = .seconds(5)
        return try await closing(try makeDomainPeerClient(endpoint, as: identity, configuration: configuration), body)
    }

    func client<T: Sendable>(_ identity: String = "admin", _ body: (RPCClient) async throws -> T) async throws -> T {
        try await withDomainClient(competition, as: identity, body)
    }

    func evaluationClient<T: Sendable>(_ body: (RPCClient) async throws -> T) async throws -> T {
        try await withDomainClient(await evaluation.endpoint, as: "admin", body)
    }
}

/// The evaluation service over one database, served on one port that survives a restart.
actor EvaluationSwitch {
    let service: EvaluationRPCService
    let store: Store
    private var port = 0
    private var running: (server: RPCServer, task: Task<Void, any Error>)?

    init(service: EvaluationRPCService, store: Store) {
        self.service = service
        self.store = store
    }

    var endpoint: Endpoint { Endpoint(host: "127.0.0.1", port: port) }

    func start() async throws {
        precondition(running == nil, "already running")
        var configuration = ServerConfiguration(port: port, tls: TestPKI.shared.files("evaluation"), serverName: "evaluation")
        configuration.drainTimeout = .seconds(2)
        let server = RPCServer(configuration: configuration, services: [service], auditor: StoreAuditor(store: store), group: TestLoops.group)
        let task = Task { try await server.run() }
        port = try await server.listeningAddress().port!
        running = (server, task)
    }

    func stop() async {
        guard let running else { return }
        running.server.beginShutdown()
        _ = try? await withTimeout(.seconds(10)) { try await running.task.value }
        self.running = nil
    }
}
