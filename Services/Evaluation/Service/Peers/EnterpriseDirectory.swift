import JCSkillsProtocol
import JCSkillsRPC

/// Where the evaluation service learns an enterprise's staff count: the registry, asked over
/// the protocol (GetEnterprise). Tests substitute nothing: they serve a real registry.
struct EnterpriseDirectory: Sendable {
    let registry: RPCClient

    /// The enterprise's staff count; nil when the registry has no such enterprise.
    /// Any other failure is UNAVAILABLE: an enterprise body is never registered unchecked.
    func staffCount(of creditCode: String) async throws -> UInt32? {
        do {
            let view = try await registry.unary(RegistryService.getEnterprise, EnterpriseLookup(creditCode: creditCode))
            return view.enterprise.staffCount
        } catch let error as RPCError where error.code == .notFound {
            return nil
        } catch {
            throw RPCError(.unavailable, "cannot check enterprise \(creditCode) with the registry: \(error)")
        }
    }

    /// Enterprises with at least `minimumStaff` staff (in `county`, 0 for all). `timeout` nil
    /// takes the deadline of the call being served. Any failure is UNAVAILABLE.
    func largeEnterprises(minimumStaff: UInt32, county: Int32, asOf: Int32 = 0, timeout: Duration? = nil) async throws -> [EnterpriseSummary] {
        do {
            return try await registry.unary(
                RegistryService.listEnterprises, EnterpriseListRequest(minimumStaff: minimumStaff, county: county, asOf: asOf),
                options: CallOptions(timeout: timeout)).enterprises
        } catch {
            throw RPCError(.unavailable, "cannot list the large enterprises with the registry: \(error)")
        }
    }
}
