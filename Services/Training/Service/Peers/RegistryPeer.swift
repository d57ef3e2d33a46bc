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

    /// What the registry knows of each of `idNumbers`, in order, asked ``PersonLookupBatch/limit``
    /// at a time; any failure is UNAVAILABLE, as for one.
    func verify(idNumbers: [String], timeout: Duration?) async throws -> [PersonVerification] {
        var answers: [PersonVerification] = []
        answers.reserveCapacity(idNumbers.count)
        var start = 0
        while start < idNumbers.count {
            let chunk = idNumbers[start..<min(start + PersonLookupBatch.limit, idNumbers.count)]
            let request = PersonLookupBatch(lookups: chunk.map { PersonLookup(idNumber: $0) })
            let batch: PersonVerificationBatch
            do {
                batch = try await registry.unary(RegistryService.verifyPersons, request, options: CallOptions(timeout: timeout))
            } catch {
                throw RPCError(.unavailable, "cannot confirm the registry cards: \(error)")
            }
            guard batch.verifications.count == chunk.count else {
                throw RPCError(.unavailable, "the registry answered \(batch.verifications.count) of \(chunk.count) look-ups")
            }
            answers += batch.verifications
            start += chunk.count
        }
        return answers
    }
}
