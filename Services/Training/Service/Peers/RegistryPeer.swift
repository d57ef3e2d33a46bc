import JCSkillsProtocol
import JCSkillsRPC

/// Where the training service learns who a person is: the registry, asked over the protocol
/// (`VerifyPerson`: card, status, key groups, county — never name or phone).
struct RegistryPeer: Sendable {
    let registry: RPCClient

    /// What the registry knows of `idNumber`, within `timeout` (the caller's deadline). Any
    /// failure is UNAVAILABLE: nobody is enrolled unchecked.
    func verify(idNumber: String, timeout: Duration?) async throws -> PersonVerification {
        do {
            return try await registry.unary(RegistryService.verifyPerson, PersonLookup(idNumber: idNumber), options: CallOptions(timeout: timeout))
        } catch {
            throw RPCError(.unavailable, "cannot confirm the registry card: \(error)")
        }
    }
}
