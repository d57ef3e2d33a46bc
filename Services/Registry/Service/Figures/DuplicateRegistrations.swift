import JCSkillsProtocol
import JCSkillsStore

/// Single registrations refused because the ID number already had a card, per counted county:
/// the duplicates a county office's clerks tried to register one at a time (docs/QUALITY.md).
/// The refused registration's own transaction is rolled back, so the count is a small write of
/// its own after it, and a client that repeats the refused call under the same idempotency key
/// (its answer was lost) counts it again.
struct DuplicateRegistrations: Sendable {
    let store: Store

    func count(county: Int32, context: AuditContext) async throws {
        let counted = JinchengDivisions.standard.countingCounty(of: county)
        try await store.transaction(context) { tx in
            try await tx.addDeltas(into: "person_quality_counts", keys: ["county", "measure"], delta: "count",
                                   rows: [([StoreValue(counted), .text(PersonQualityCounts.duplicateRegistrations)], 1)])
            try await tx.audit(entity: "person", id: nil, detail: "a registration refused as a duplicate counted for the data-quality view")
        }
    }
}
