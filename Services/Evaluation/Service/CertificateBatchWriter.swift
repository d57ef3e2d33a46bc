import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Writes one import batch of new certificates with a handful of statements instead of a
/// handful per certificate: the batch's holders are read once, supersession and coverage are
/// worked out in memory, and certificates, recognitions, holders, claims and coverage deltas
/// go in as multi-row statements. The outcome is the same as issuing the certificates one by
/// one in date order (``CertificateRepository/issue(_:number:preSystem:in:)``), which the
/// tests check on both backends.
struct CertificateBatchWriter: Sendable {
    let personal: PersonalData
    let clock: @Sendable () -> Date

    /// A new certificate of the batch, sealed.
    struct Pending {
        var number: String
        var issue: ValidatedIssue
        var preSystem: Bool
        var holderIndex: Data
        var status = CertificateState.valid
        var endedOn = EvaluationSchema.openEnded
    }

    /// A holder's certificate already stored.
    struct Stored {
        var id: Int64
        var number: String
        var kind: CertificateKind
        var occupation: String
        var level: SkillLevel
        var status: CertificateState
        var county: Int32
        var highSkill: Bool
        var issuedOn: Int32
        var expiresOn: Int32
        var endedOn: Int32
    }

    /// Rows per multi-row statement: under SQLite's and PostgreSQL's bind limits at 20 columns.
    static let chunk = 400

    func write(_ rows: [(number: String, issue: ValidatedIssue, preSystem: Bool)], in tx: StoreTransaction) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        var pending = rows.map { Pending(number: $0.number, issue: $0.issue, preSystem: $0.preSystem,
                                         holderIndex: personal.blindIndex($0.issue.holderIDNumber, for: .idNumber)) }
        pending.sort { ($0.issue.issuedOn, $0.number) < ($1.issue.issuedOn, $1.number) }
        var byHolder: [Data: [Int]] = [:]
        for (offset, row) in pending.enumerated() { byHolder[row.holderIndex, default: []].append(offset) }
        let holders = Array(byHolder.keys)

        // Holders first: on PostgreSQL this locks their rows, so a concurrent issue for one of
        // them waits and then sees this batch's certificates (as in `issue`).
        try await upsertHolders(pending, byHolder, in: tx)
        var stored = try await storedCertificates(of: holders, in: tx)

        var deltas: [CoverageDeltas.Key: Int64] = [:]
        var supersededStored: [(id: Int64, endedOn: Int32)] = []
        for holder in holders {
            let before = stored[holder, default: []].map(Self.span)
            for offset in byHolder[holder]! where pending[offset].issue.level != .unspecified {
                let new = pending[offset]
                let day = new.issue.issuedOn.yyyymmdd
                for index in stored[holder, default: []].indices {
                    let old = stored[holder]![index]
                    guard old.status == .valid, old.kind == new.issue.kind, old.occupation == new.issue.occupation,
                          old.level < new.issue.level else { continue }
                    stored[holder]![index].status = .superseded
                    stored[holder]![index].endedOn = day
                    supersededStored.append((old.id, day))
                }
                // Only those before it in date order: as if issued one by one.
                for other in byHolder[holder]! where other < offset {
                    let old = pending[other]
                    guard old.status == .valid, old.issue.kind == new.issue.kind,
                          old.issue.occupation == new.issue.occupation, old.issue.level < new.issue.level else { continue }
                    pending[other].status = .superseded
                    pending[other].endedOn = day
                }
            }
            let after = stored[holder, default: []].map(Self.span) + byHolder[holder]!.map { Self.span(pending[$0]) }
            for (key, delta) in CoverageDeltas.changes(before: before, after: after) { deltas[key, default: 0] += delta }
        }

        for (id, day) in supersededStored {
            try await tx.update("certificates")
                .set("status", to: SQLBind(CertificateState.superseded.rawValue)).set("ended_on", to: SQLBind(day))
                .set("updated_ms", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
        }
        try await insertCertificates(pending, now: now, in: tx)
        try await insertRecognitions(pending, now: now, in: tx)
        try await claim(pending, byHolder, in: tx)
        try await CoverageDeltas.write(deltas.filter { $0.value != 0 }, to: tx)
    }

    static func span(_ row: Stored) -> CoverageDeltas.Span {
        CoverageDeltas.Span(county: row.county, highSkill: row.highSkill, start: row.issuedOn, end: min(row.expiresOn, row.endedOn))
    }

    static func span(_ row: Pending) -> CoverageDeltas.Span {
        CoverageDeltas.Span(county: row.issue.county, highSkill: row.issue.level.isHighSkill, start: row.issue.issuedOn.yyyymmdd,
                            end: min(row.issue.expiresOn?.yyyymmdd ?? EvaluationSchema.openEnded, row.endedOn))
    }

    /// Each holder's first certificate: the earlier of the stored one and the batch's earliest.
    private func upsertHolders(_ pending: [Pending], _ byHolder: [Data: [Int]], in tx: StoreTransaction) async throws {
        let firsts = byHolder.map { holder, offsets in (holder, pending[offsets[0]]) }  // offsets are in date order
        for start in stride(from: 0, to: firsts.count, by: Self.chunk) {
            var query: SQLQueryString = "INSERT INTO holders (holder_index, first_issued_on, first_county) VALUES "
            for (offset, (holder, first)) in firsts[start..<min(start + Self.chunk, firsts.count)].enumerated() {
                if offset > 0 { query = query + ", " }
                query = query + "(\(bind: holder), \(bind: first.issue.issuedOn.yyyymmdd), \(bind: first.issue.county))"
            }
            query = query + """
                 ON CONFLICT (holder_index) DO UPDATE SET
                    first_county = CASE WHEN excluded.first_issued_on < holders.first_issued_on
                        THEN excluded.first_county ELSE holders.first_county END,
                    first_issued_on = CASE WHEN excluded.first_issued_on < holders.first_issued_on
                        THEN excluded.first_issued_on ELSE holders.first_issued_on END
                """
            try await tx.raw(query).run()
        }
    }

    private func storedCertificates(of holders: [Data], in tx: StoreTransaction) async throws -> [Data: [Stored]] {
        var result: [Data: [Stored]] = [:]
        for start in stride(from: 0, to: holders.count, by: Self.chunk) {
            let rows = try await tx.select()
                .columns("id", "number", "holder_index", "kind", "occupation", "level", "status", "county", "high_skill",
                         "issued_on", "expires_on", "ended_on")
                .from("certificates")
                .where("holder_index", .in, SQLBind.group(Array(holders[start..<min(start + Self.chunk, holders.count)])))
                .all()
            for row in rows {
                let stored = Stored(
                    id: try row.decode(column: "id", as: Int64.self),
                    number: try row.decode(column: "number", as: String.self),
                    kind: CertificateKind(rawValue: try row.decode(column: "kind", as: Int32.self)),
                    occupation: try row.decode(column: "occupation", as: String.self),
                    level: SkillLevel(rawValue: try row.decode(column: "level", as: Int32.self)),
                    status: CertificateState(rawValue: try row.decode(column: "status", as: Int32.self)),
                    county: try row.decode(column: "county", as: Int32.self),
                    highSkill: try row.decode(column: "high_skill", as: Int32.self) != 0,
                    issuedOn: try row.decode(column: "issued_on", as: Int32.self),
                    expiresOn: try row.decode(column: "expires_on", as: Int32.self),
                    endedOn: try row.decode(column: "ended_on", as: Int32.self))
                result[try row.decode(column: "holder_index", as: Data.self), default: []].append(stored)
            }
        }
        return result
    }

    private func insertCertificates(_ pending: [Pending], now: Int64, in tx: StoreTransaction) async throws {
        for start in stride(from: 0, to: pending.count, by: Self.chunk) {
            var query: SQLQueryString = """
                INSERT INTO certificates (number, institution, kind, occupation, level, high_skill, operation_code,
                    holder_index, holder_id_sealed, holder_name_sealed, name_index, employer, county,
                    issued_on, expires_on, ended_on, status, updated_ms, pre_system) VALUES
                """
            for (offset, row) in pending[start..<min(start + Self.chunk, pending.count)].enumerated() {
                let issue = row.issue
                if offset > 0 { query = query + ", " }
                query = query + """
                    (\(bind: row.number), \(bind: issue.institutionCode), \(bind: issue.kind.rawValue), \(bind: issue.occupation),
                     \(bind: issue.level.rawValue), \(bind: issue.level.isHighSkill ? 1 : 0), \(bind: issue.operationCode),
                     \(bind: row.holderIndex), \(bind: personal.seal(issue.holderIDNumber, as: .idNumber)),
                     \(bind: personal.seal(issue.holderName, as: .name)), \(bind: personal.blindIndex(issue.holderName, for: .name)),
                     \(bind: issue.employerCreditCode), \(bind: issue.county), \(bind: issue.issuedOn.yyyymmdd),
                     \(bind: issue.expiresOn?.yyyymmdd ?? EvaluationSchema.openEnded), \(bind: row.endedOn),
                     \(bind: row.status.rawValue), \(bind: now), \(bind: row.preSystem ? 1 : 0))
                    """
            }
            try await tx.raw(query).run()
        }
    }

    private func insertRecognitions(_ pending: [Pending], now: Int64, in tx: StoreTransaction) async throws {
        let recognised = pending.compactMap { row in
            Recognitions.recognition(kind: row.issue.kind, level: row.issue.level).map { (row, $0) }
        }
        for start in stride(from: 0, to: recognised.count, by: Self.chunk) {
            var query: SQLQueryString = """
                INSERT INTO recognitions (number, holder_index, equivalent_kind, equivalent_level, engineering_title, recorded_ms) VALUES
                """
            for (offset, (row, found)) in recognised[start..<min(start + Self.chunk, recognised.count)].enumerated() {
                if offset > 0 { query = query + ", " }
                query = query + """
                    (\(bind: row.number), \(bind: row.holderIndex), \(bind: found.kind.rawValue), \(bind: found.level.rawValue),
                     \(bind: found.title), \(bind: now))
                    """
            }
            try await tx.raw(query).run()
        }
    }

    /// Baseline claims of the batch's pre-system holders (``BaselineRepository``), one per
    /// person at their highest pre-system level, with the claimed counters moved in aggregate.
    private func claim(_ pending: [Pending], _ byHolder: [Data: [Int]], in tx: StoreTransaction) async throws {
        var wanted: [Data: (county: Int32, level: SkillLevel)] = [:]
        for (holder, offsets) in byHolder {
            for offset in offsets where pending[offset].preSystem {
                let row = pending[offset]
                if let current = wanted[holder], current.level.rank >= row.issue.level.rank { continue }
                wanted[holder] = (row.issue.county, row.issue.level)
            }
        }
        guard !wanted.isEmpty else { return }
        let holders = Array(wanted.keys)
        var existing: [Data: (county: Int32, level: SkillLevel)] = [:]
        for start in stride(from: 0, to: holders.count, by: Self.chunk) {
            for row in try await tx.select().columns("holder_index", "county", "level").from("baseline_claims")
                .where("holder_index", .in, SQLBind.group(Array(holders[start..<min(start + Self.chunk, holders.count)]))).all() {
                existing[try row.decode(column: "holder_index", as: Data.self)] =
                    (try row.decode(column: "county", as: Int32.self), SkillLevel(rawValue: try row.decode(column: "level", as: Int32.self)))
            }
        }
        struct Place: Hashable { var county: Int32; var level: Int32 }
        var moves: [Place: Int64] = [:]
        var changed: [(Data, Int32, SkillLevel)] = []
        for (holder, claim) in wanted {
            if let old = existing[holder] {
                guard claim.level.rank > old.level.rank else { continue }
                moves[Place(county: old.county, level: old.level.rawValue), default: 0] -= 1
            }
            moves[Place(county: claim.county, level: claim.level.rawValue), default: 0] += 1
            changed.append((holder, claim.county, claim.level))
        }
        for start in stride(from: 0, to: changed.count, by: Self.chunk) {
            var query: SQLQueryString = "INSERT INTO baseline_claims (holder_index, county, level) VALUES "
            for (offset, (holder, county, level)) in changed[start..<min(start + Self.chunk, changed.count)].enumerated() {
                if offset > 0 { query = query + ", " }
                query = query + "(\(bind: holder), \(bind: county), \(bind: level.rawValue))"
            }
            query = query + " ON CONFLICT (holder_index) DO UPDATE SET county = excluded.county, level = excluded.level"
            try await tx.raw(query).run()
        }
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        for (place, delta) in moves where delta != 0 {
            try await tx.raw("""
                INSERT INTO baseline_stock (county, level, declared, claimed, as_of, updated_ms)
                VALUES (\(bind: place.county), \(bind: place.level), 0, \(bind: delta), 0, \(bind: now))
                ON CONFLICT (county, level) DO UPDATE SET claimed = baseline_stock.claimed + excluded.claimed
                """).run()
        }
    }
}
