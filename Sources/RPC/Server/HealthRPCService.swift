import JCSkillsProtocol
import Synchronization

/// The serving status the health service reports; the server moves it from SERVING to DRAINING.
final class HealthStatus: Sendable {
    let server: String
    let version: String
    private let status = Mutex(ServingStatus.notServing)

    init(server: String, version: String) {
        self.server = server
        self.version = version
    }

    func set(_ value: ServingStatus) { status.withLock { $0 = value } }
    var current: ServingStatus { status.withLock { $0 } }
}

struct HealthRPCService: RPCService {
    let status: HealthStatus

    func register(in router: inout RPCRouter) {
        router.unary(HealthService.check, policy: .anyAuthenticated) { _, _ in
            HealthCheckResponse(status: status.current, server: status.server, version: status.version)
        }
    }
}
