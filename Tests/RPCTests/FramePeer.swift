import JCSkillsLoad
import JCSkillsRPC
import JCSkillsTestSupport

/// The raw-frame peer of the load tool's abusers (`JCSkillsLoad.FramePeer`), with a test
/// identity's certificate.
extension FramePeer {
    static func connect(to endpoint: Endpoint, as identity: String = "admin") async throws -> FramePeer {
        try await connect(to: endpoint, tls: TestPKI.shared.files(identity))
    }
}
