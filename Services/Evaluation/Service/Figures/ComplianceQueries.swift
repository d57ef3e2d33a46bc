import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// The compliance view (plan, action 3): enterprises with at least the minimum staff and no
/// active evaluation body of their own. The enterprises live in the registry, the bodies here,
/// so every answer asks the registry; nothing about enterprises is copied into this service.
struct ComplianceQueries: Sendable {
    let store: Store
    let enterprises: RegistryPeer
    let minimumStaff: UInt32

    /// How long Counts waits for the registry before answering without the compliance figure:
    /// 1.5 s (room for a first TLS handshake on a busy host), or half of what the caller's
    /// deadline leaves if that is less (the gateway's 2 s: 1 s), so the rest of the counts
    /// always has time to answer.
    static func countsDeadline(_ context: ServerContext) -> Duration {
        let bound = Duration.milliseconds(1_500)
        guard let remaining = context.timeRemaining else { return bound }
        return min(bound, remaining / 2)
    }
    /// How old a large-enterprise list the counts may use (``RecentLargeEnterprises``).
    static let countsMaxAge: Duration = .seconds(5)

    let recent = RecentLargeEnterprises()

    func report(county: Int32, timeout: Duration? = nil) async throws -> ComplianceReport {
        let large = try await enterprises.largeEnterprises(minimumStaff: minimumStaff, county: county, timeout: timeout)
        recent.store(large, county: county)
        let bodies = try await activeEnterpriseBodies()
        var report = ComplianceReport()
        report.county = county
        report.minimumStaff = minimumStaff
        report.largeEnterprises = UInt64(large.count)
        report.lacking = large.filter { !bodies.contains($0.creditCode.uppercased()) }
        return report
    }

    /// How many enterprises lack a body, for the counts: the registry's list may be up to
    /// `maxAge` old (``RecentLargeEnterprises``); the bodies are always read now.
    func lackingCount(county: Int32, timeout: Duration?, maxAge: Duration) async throws -> UInt64 {
        if let known = recent.lacking(county: county, maxAge: maxAge) { return known }
        return try await recent.counting.run(.init(county: county)) {
            if let known = recent.lacking(county: county, maxAge: maxAge) { return known }
            // Read before the bodies: a body change after this makes the figure recounted next time.
            let generation = recent.bodiesGeneration
            let large: RecentLargeEnterprises.Entry
            if let known = recent.lookup(county: county, maxAge: maxAge) {
                large = known
            } else {
                large = recent.store(
                    try await enterprises.largeEnterprises(minimumStaff: minimumStaff, county: county, timeout: timeout), county: county)
            }
            let covered = try await activeEnterpriseBodies().intersection(large.codes)
            let lacking = UInt64(large.codes.count - covered.count)
            recent.record(lacking: lacking, county: county, bodiesGeneration: generation)
            return lacking
        }
    }

    /// How many enterprises lacked a body on a past `day`: the registry's enterprises as they
    /// stood then (county and staff) against the bodies active then (``EvaluationSchema``'s
    /// institution history); counted again once `maxAge` old (``RecentLargeEnterprises``).
    func lackingCount(county: Int32, on day: Int32, timeout: Duration?, maxAge: Duration) async throws -> UInt64 {
        if let known = recent.lacking(county: county, on: day, maxAge: maxAge) { return known }
        return try await recent.counting.run(.init(county: county, day: day)) {
            if let known = recent.lacking(county: county, on: day, maxAge: maxAge) { return known }
            let generation = recent.bodiesGeneration
            let counted = try await countLacking(county: county, on: day, timeout: timeout)
            recent.record(lacking: counted, county: county, on: day, bodiesGeneration: generation)
            return counted
        }
    }

    private func countLacking(county: Int32, on day: Int32, timeout: Duration?) async throws -> UInt64 {
        let large = try await enterprises.largeEnterprises(minimumStaff: minimumStaff, county: county, asOf: day, timeout: timeout)
        let rows = try await store.query { db in
            try await db.nativeRows("""
                SELECT i.enterprise_code FROM institution_history h JOIN institutions i ON i.code = h.code
                WHERE h.day <= ? AND h.type = ? AND h.status = ?
                  AND h.id = (SELECT MAX(l.id) FROM institution_history l WHERE l.code = h.code AND l.day <= ?)
                """, [.init(day), .init(InstitutionType.enterpriseBody.rawValue), .init(InstitutionStatus.active.rawValue), .init(day)])
        }
        let bodies = Set(try rows.map { try $0.string("enterprise_code").uppercased() })
        return UInt64(large.filter { !bodies.contains($0.creditCode.uppercased()) }.count)
    }

    /// Credit codes of enterprises with an active body: a suspended or revoked body no longer
    /// evaluates, so its enterprise counts as lacking one again.
    private func activeEnterpriseBodies() async throws -> Set<String> {
        let rows = try await store.query { db in
            try await db.nativeRows("SELECT enterprise_code FROM institutions WHERE type = ? AND status = ?",
                                    [.init(InstitutionType.enterpriseBody.rawValue), .init(InstitutionStatus.active.rawValue)])
        }
        return Set(try rows.map { try $0.string("enterprise_code").uppercased() })
    }
}
