import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// "New skilled workers in a year": persons whose first certificate was issued in it, in the
/// county of that certificate (docs/NUMBERS.md). A certificate revoked or superseded later still
/// made its holder newly certified on the day it was issued — so no later write changes the
/// figure of a past date; one that ended the day it was issued never did.
///
/// Kept as a count per scope (0 = city, else county) and day, moved by +1/−1 whenever a
/// person's first certificate changes, so the count for a year sums at most 366 rows. An index
/// on each person's first date did the same job, but it is keyed by a random date per person:
/// every imported batch wrote to most of its pages (26 MB at 1 M certificates).
enum FirstCertificates {
    /// Where a person's first certificate puts them.
    struct First: Equatable, Sendable {
        var county: Int32
        var day: Int32
    }

    struct Key: Hashable, Sendable {
        var scope: Int32
        var day: Int32
    }

    /// The first of the holder's certificates that were valid on the day they were issued: the
    /// earliest issue date, the earliest stored of equals (rows in the order they were stored).
    static func first(of stored: [CertificateBatchWriter.Stored]) -> First? {
        var best: CertificateBatchWriter.Stored?
        for row in stored where row.countsFrom == row.issuedOn && row.endedOn > row.issuedOn && row.expiresOn > row.issuedOn {
            if let current = best, (current.issuedOn, current.id) <= (row.issuedOn, row.id) { continue }
            best = row
        }
        return best.map { First(county: JinchengDivisions.standard.countingCounty(of: $0.county), day: $0.issuedOn) }
    }

    /// Adds the change from `old` to `new` to `deltas`, in the city and in the counties.
    static func move(from old: First?, to new: First?, into deltas: inout [Key: Int64]) {
        guard old != new else { return }
        for (first, sign) in [(old, Int64(-1)), (new, 1)] {
            guard let first else { continue }
            deltas[Key(scope: 0, day: first.day), default: 0] += sign
            deltas[Key(scope: first.county, day: first.day), default: 0] += sign
        }
    }

    /// Adds `deltas` to the table in the caller's transaction.
    static func write(_ deltas: [Key: Int64], to db: any SQLDatabase) async throws {
        try await db.addDeltas(into: "first_certificates", keys: ["scope", "day"], delta: "persons",
                               rows: deltas.map { ([StoreValue($0.key.scope), StoreValue($0.key.day)], $0.value) })
    }
}
