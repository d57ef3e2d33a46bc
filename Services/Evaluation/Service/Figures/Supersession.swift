import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Which of a person's certificates a higher one supersedes (docs/NUMBERS.md, "Supersession").
///
/// One rule, whatever order the certificates were issued, imported or revoked in: a certificate
/// with a level stands superseded from the earliest issue date of an unrevoked higher one of
/// its kind and occupation, and is valid when there is none. A revoked certificate keeps its
/// revocation, and ends at that earliest date if it comes first. Issuing, importing and
/// revoking all settle the holder's certificates with it, so the stored state is a function of
/// the certificates, not of the order of the writes (an import of 2012's level-4 certificate
/// after 2015's level-3 one ends the first in 2015, as if they had come in date order).
enum Supersession {
    typealias Row = CertificateBatchWriter.Stored

    /// Settles `rows` (one holder's certificates); returns the indexes of those that changed.
    static func settle(_ rows: inout [Row]) -> [Int] {
        var changed: [Int] = []
        for index in rows.indices {
            let row = rows[index]
            guard row.level != .unspecified else { continue }
            let from = rows.lazy
                .filter { $0.status != .revoked && $0.kind == row.kind && $0.occupation == row.occupation && $0.level > row.level }
                .map(\.issuedOn).min()
            var status = row.status
            var endedOn = row.endedOn
            if row.status == .revoked {
                endedOn = min(row.endedOn, from ?? EvaluationSchema.openEnded)
            } else {
                status = from == nil ? .valid : .superseded
                endedOn = from ?? EvaluationSchema.openEnded
            }
            guard status != row.status || endedOn != row.endedOn else { continue }
            rows[index].status = status
            rows[index].endedOn = endedOn
            changed.append(index)
        }
        // When it starts to count: not while a higher one of the line, issued by then, still
        // held the holder — which matters only for a higher one issued on or before its own
        // issue day and revoked after it (one issued later is the more recent, and counts
        // instead). So a revocation gives a lower certificate the days after it, never the
        // days before: no write changes a figure for a date before it.
        for index in rows.indices {
            let row = rows[index]
            var countsFrom = row.issuedOn
            if row.level != .unspecified {
                var moved = true
                while moved {
                    moved = false
                    for other in rows where other.kind == row.kind && other.occupation == row.occupation && other.level > row.level
                        && other.issuedOn <= countsFrom && countsFrom < other.endedOn {
                        countsFrom = other.endedOn
                        moved = true
                    }
                }
            }
            guard countsFrom != row.countsFrom else { continue }
            rows[index].countsFrom = countsFrom
            if !changed.contains(index) { changed.append(index) }
        }
        return changed
    }

    /// Settles every holder's stored certificates, then recomputes the tables kept from them:
    /// for data written while a certificate stored after a higher one stayed valid, and while a
    /// revocation took the first certificate away from a year that had seen it.
    static func settleAll(_ db: any SQLDatabase) async throws {
        let last = try await db.raw("SELECT COALESCE(MAX(holder_seq), 0) AS last FROM certificates")
            .first(decodingColumn: "last", as: Int64.self) ?? 0
        var firsts: [FirstCertificates.Key: Int64] = [:]
        var low: Int64 = -1
        while low < last {
            let high = low + 5_000
            var holders: [Int64: [Row]] = [:]
            for row in try await db.raw("""
                SELECT id, holder_seq, kind, occupation, level, status, county, high_skill, issued_on, expires_on, ended_on,
                    counts_from, pre_system
                FROM certificates WHERE holder_seq > \(bind: low) AND holder_seq <= \(bind: high) ORDER BY id
                """).all() {
                holders[try row.decode(column: "holder_seq", as: Int64.self), default: []].append(Row(
                    id: try row.decode(column: "id", as: Int64.self), number: "",
                    kind: CertificateKind(rawValue: try row.decode(column: "kind", as: Int32.self)),
                    occupation: try row.decode(column: "occupation", as: String.self),
                    level: SkillLevel(rawValue: try row.decode(column: "level", as: Int32.self)),
                    status: CertificateState(rawValue: try row.decode(column: "status", as: Int32.self)),
                    county: try row.decode(column: "county", as: Int32.self),
                    highSkill: try row.decode(column: "high_skill", as: Int32.self) != 0,
                    issuedOn: try row.decode(column: "issued_on", as: Int32.self),
                    expiresOn: try row.decode(column: "expires_on", as: Int32.self),
                    endedOn: try row.decode(column: "ended_on", as: Int32.self),
                    countsFrom: try row.decode(column: "counts_from", as: Int32.self),
                    preSystem: try row.decode(column: "pre_system", as: Int32.self) != 0))
            }
            for var rows in holders.values {
                for index in settle(&rows) {
                    try await db.raw("""
                        UPDATE certificates SET status = \(bind: rows[index].status.rawValue), ended_on = \(bind: rows[index].endedOn),
                            counts_from = \(bind: rows[index].countsFrom)
                        WHERE id = \(bind: rows[index].id)
                        """).run()
                }
                FirstCertificates.move(from: nil, to: FirstCertificates.first(of: rows), into: &firsts)
            }
            low = high
        }
        try await db.raw("DELETE FROM first_certificates").run()
        try await FirstCertificates.write(firsts.filter { $0.value != 0 }, to: db)
        try await CoverageDeltas.rebuild(db)
    }
}
