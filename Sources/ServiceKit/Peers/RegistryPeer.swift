import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// Where a service learns who a person is and what an enterprise employs: the registry, asked
/// over the protocol (`VerifyPerson`: card, status, key groups, county — never name or phone;
/// `GetEnterprise`, `ListEnterprises`: no personal data). Tests substitute nothing: they serve a
/// real registry.
public struct RegistryPeer: Sendable {
    public let registry: RPCClient

    public init(registry: RPCClient) {
        self.registry = registry
    }

    /// What the registry knows of `idNumber`, within `timeout` (the caller's deadline). Any
    /// failure is UNAVAILABLE: nobody is taken in unchecked.
    public func verify(idNumber: String, timeout: Duration?) async throws -> PersonVerification {
        do {
            return try await registry.unary(RegistryService.verifyPerson, PersonLookup(idNumber: idNumber), options: CallOptions(timeout: timeout))
        } catch {
            throw RPCError(.unavailable, Messages.Refusals.registryCardUnconfirmed("\(error)"))
        }
    }

    /// What the registry knows of each of `idNumbers`, in order, asked ``PersonLookupBatch/limit``
    /// at a time; any failure is UNAVAILABLE, as for one.
    public func verify(idNumbers: [String], timeout: Duration?) async throws -> [PersonVerification] {
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
                throw RPCError(.unavailable, Messages.Refusals.registryCardsUnconfirmed("\(error)"))
            }
            guard batch.verifications.count == chunk.count else {
                throw RPCError(.unavailable, Messages.Refusals.registryAnsweredPart(batch.verifications.count, of: chunk.count))
            }
            answers += batch.verifications
            start += chunk.count
        }
        return answers
    }

    /// The enterprise's staff count; nil when the registry has no such enterprise. Any other
    /// failure is UNAVAILABLE: nothing is decided unchecked.
    public func staffCount(of creditCode: String) async throws -> UInt32? {
        do {
            let view = try await registry.unary(RegistryService.getEnterprise, EnterpriseLookup(creditCode: creditCode))
            return view.enterprise.staffCount
        } catch let error as RPCError where error.code == .notFound {
            return nil
        } catch {
            throw RPCError(.unavailable, Messages.Refusals.enterpriseUnchecked(creditCode, "\(error)"))
        }
    }

    /// Enterprises with at least `minimumStaff` staff (in `county`, 0 for all). `timeout` nil
    /// takes the deadline of the call being served. Any failure is UNAVAILABLE.
    public func largeEnterprises(minimumStaff: UInt32, county: Int32, asOf: Int32 = 0, timeout: Duration? = nil) async throws -> [EnterpriseSummary] {
        do {
            return try await registry.unary(
                RegistryService.listEnterprises, EnterpriseListRequest(minimumStaff: minimumStaff, county: county, asOf: asOf),
                options: CallOptions(timeout: timeout)).enterprises
        } catch {
            throw RPCError(.unavailable, Messages.Refusals.largeEnterprisesUnlisted("\(error)"))
        }
    }
}
