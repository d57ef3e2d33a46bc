import Foundation
import JCSkillsProtocol
@testable import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
@testable import CompetitionService
@testable import EvaluationService
@testable import GatewayService
@testable import RegistryService
@testable import TrainingService

/// The methods every server answers, gathered from routers filled exactly as the services fill
/// theirs: each department's service made by its definition's `makeService` (what `assemble`
/// serves), plus Health (every server) and Echo (any server configured for it).
///
/// No call is ever made: the store is an empty temporary SQLite database and the peers' clients
/// point at a closed port, because registering only captures them.
enum ContractRouters {
    static func descriptors() async throws -> [RPCMethodDescriptor] {
        try await withTestStore(.sqlite, service: "contracts") { store in
            let personal = PersonalData(keys: .generate())
            let registryClient = try peer()
            let evaluationClient = try peer()
            let services: [any RPCService] = [
                RegistryDefinition.makeService(store: store, personal: personal),
                EvaluationDefinition.makeService(store: store, personal: personal, registry: registryClient),
                TrainingDefinition.makeService(store: store, personal: personal, registry: registryClient, evaluation: evaluationClient),
                CompetitionDefinition.makeService(store: store, personal: personal, registry: registryClient, evaluation: evaluationClient),
                GatewayDefinition.makeService(catalogue: .plan, sources: []),
                HealthRPCService(status: HealthStatus(server: "contracts", version: "0")),
                EchoRPCService(),
            ]
            var router = RPCRouter()
            for service in services { router.add(service) }
            await registryClient.close()
            await evaluationClient.close()
            return router.descriptors
        }
    }

    private static func peer() throws -> RPCClient {
        try RPCClient(endpoints: [Endpoint("127.0.0.1:9")!], configuration: ClientConfiguration(tls: TestPKI.shared.files("gateway")))
    }
}
