import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import NIOCore
import SQLKit

/// The compliance view (plan, action 3): enterprises with at least the minimum staff and no
/// active evaluation body of their own. The enterprises live in the registry, the bodies here,
/// so every answer asks the registry; nothing about enterprises is copied into this service.
struct ComplianceQueries: Sendable {
    let store: Store
    let enterprises: EnterpriseDirectory
    let minimumStaff: UInt32

    /// How long Counts waits for the registry before answering without the compliance figure:
    /// 1.5 s (room for a first TLS handshake on a busy host), or half of what the caller's
    /// deadline leaves if that is less (the gateway's 2 s: 1 s), so the rest of the counts
    /// always has time to answer.
    static func countsDeadline(_ context: ServerContext) -> Duration {
        let bound = Duration.milliseconds(1_500)
        guard let deadline = context.deadline else { return bound }
        return min(bound, Duration.nanoseconds((deadline - NIODeadline.now()).nanoseconds) / 2)
    }
    /// How old a large-enterprise list the counts may use (``RecentLargeEnterprises``).
    static let countsMaxAge: Duration = .seconds(5)

    let recent = RecentLargeEnterprises()

    /// - Parameter maxAge: reuse a list fetched from the registry this recently; nil asks afresh.
    func report(county: Int32, timeout: Duration? = nil, maxAge: Duration? = nil) async throws -> ComplianceReport {
        let large: [EnterpriseSummary]
        if let maxAge, let known = recent.lookup(county: county, maxAge: maxAge) {
            large = known
        } else {
            large = try await enterprises.largeEnterprises(minimumStaff: minimumStaff, county: county, timeout: timeout)
            recent.store(large, county: county)
        }
        let bodies = try await store.query { db in try await activeEnterpriseBodies(in: db) }
        var report = ComplianceReport()
        report.county = county
        report.minimumStaff = minimumStaff
        report.largeEnterprises = UInt64(large.count)
        report.lacking = large.filter { !bodies.contains($0.creditCode.uppercased()) }
        return report
    }

    /// Credit codes of enterprises with an active body: a suspended or revoked body no longer
    /// evaluates, so its enterprise counts as lacking one again.
    private func activeEnterpriseBodies(in db: any SQLDatabase) async throws -> Set<String> {
        Set(try await db.select().column("enterprise_code").from("institutions")
            .where("type", .equal, SQLBind(InstitutionType.enterpriseBody.rawValue))
            .where("status", .equal, SQLBind(InstitutionStatus.active.rawValue))
            .all(decodingColumn: "enterprise_code", as: String.self).map { $0.uppercased() })
    }
}
