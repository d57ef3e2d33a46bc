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

    /// A certificate to import with its holder's data sealed and indexed: the CPU-bound half
    /// of a batch, done by ``seal(number:issue:preSystem:)`` before the batch's transaction.
    struct Sealed: Sendable {
        var number: String
        var issue: ValidatedIssue
        var preSystem: Bool
        var holderIndex: Data
        var holderIDSealed: Data
        var holderNameSealed: Data
        var nameIndex: Data
    }

    /// A new certificate of the batch, with the state supersession gives it.
    struct Pending {
        var sealed: Sealed
        var status = CertificateState.valid
        var endedOn = EvaluationSchema.openEnded
        // Borrowed, not copied: a copy of the issue retains every string in it, and these are
        // read for every row several times over.
        var number: String { _read { yield sealed.number } }
        var issue: ValidatedIssue { _read { yield sealed.issue } }
        var preSystem: Bool { sealed.preSystem }
        var holderIndex: Data { _read { yield sealed.holderIndex } }
    }

    func seal(number: String, issue: ValidatedIssue, preSystem: Bool) -> Sealed {
        Sealed(number: number, issue: issue, preSystem: preSystem,
               holderIndex: personal.blindIndex(issue.holderIDNumber, for: .idNumber),
               holderIDSealed: personal.seal(issue.holderIDNumber, as: .idNumber),
               holderNameSealed: personal.seal(issue.holderName, as: .name),
               nameIndex: personal.blindIndex(issue.holderName, for: .name))
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

    /// Keys per `IN (…)` list (multi-row inserts size themselves: ``SQLDatabase/nativeInsert``).
    static let chunk = 500

    func write(_ rows: [Sealed], in tx: StoreTransaction) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        var pending = rows.map { Pending(sealed: $0) }
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
                let kind = pending[offset].issue.kind
                let occupation = pending[offset].issue.occupation
                let level = pending[offset].issue.level
                let day = pending[offset].issue.issuedOn.yyyymmdd
                for index in stored[holder, default: []].indices {
                    let old = stored[holder]![index]
                    guard old.status == .valid, old.kind == kind, old.occupation == occupation, old.level < level else { continue }
                    stored[holder]![index].status = .superseded
                    stored[holder]![index].endedOn = day
                    supersededStored.append((old.id, day))
                }
                // Only those before it in date order: as if issued one by one.
                for other in byHolder[holder]! where other < offset {
                    guard pending[other].status == .valid, pending[other].issue.kind == kind,
                          pending[other].issue.occupation == occupation, pending[other].issue.level < level else { continue }
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
        // In holder-index order: the index is keyed by an HMAC, so batch order would touch a
        // different page for every row; sorted, neighbouring rows share pages.
        // Sorted as indexes by the key's first 8 bytes: sorting the rows themselves moved big
        // structs around and cost more than the order saved.
        let keys = pending.map { Self.sortKey($0.holderIndex) }
        let ordered = pending.indices.sorted { keys[$0] < keys[$1] }.map { pending[$0] }
        try await insertCertificates(ordered, now: now, in: tx)
        try await insertRecognitions(ordered, now: now, in: tx)
        try await claim(pending, byHolder, in: tx)
        try await CoverageDeltas.write(deltas.filter { $0.value != 0 }, to: tx)
    }

    /// A blind index's first 8 bytes as a number: HMAC output is uniform, so this orders rows
    /// as the index does, near enough to land neighbours on the same pages.
    static func sortKey(_ key: Data) -> UInt64 {
        key.withUnsafeBytes { raw in raw.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
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
        var values: [StoreValue] = []
        values.reserveCapacity(byHolder.count * 3)
        for (holder, offsets) in byHolder.map({ (Self.sortKey($0.key), $0.key, $0.value) }).sorted(by: { $0.0 < $1.0 }).map({ ($0.1, $0.2) }) {
            let first = pending[offsets[0]]  // offsets are in date order
            values += [StoreValue(holder), StoreValue(first.issue.issuedOn.yyyymmdd), StoreValue(first.issue.county)]
        }
        try await tx.nativeInsert(into: "holders", columns: ["holder_index", "first_issued_on", "first_county"], values: values, suffix: """
            ON CONFLICT (holder_index) DO UPDATE SET
                first_county = CASE WHEN excluded.first_issued_on < holders.first_issued_on
                    THEN excluded.first_county ELSE holders.first_county END,
                first_issued_on = CASE WHEN excluded.first_issued_on < holders.first_issued_on
                    THEN excluded.first_issued_on ELSE holders.first_issued_on END
            """)
    }

    /// Rows of `sql` (ending in `IN `) for `keys`, a chunk of keys per statement.
    static func rows(_ sql: String, keys: [Data], in tx: StoreTransaction) async throws -> [StoreRow] {
        var result: [StoreRow] = []
        for start in stride(from: 0, to: keys.count, by: chunk) {
            let slice = keys[start..<min(start + chunk, keys.count)]
            let placeholders = "(" + Array(repeating: "?", count: slice.count).joined(separator: ", ") + ")"
            result += try await tx.nativeRows(sql + placeholders, slice.map(StoreValue.init))
        }
        return result
    }

    private func storedCertificates(of holders: [Data], in tx: StoreTransaction) async throws -> [Data: [Stored]] {
        var result: [Data: [Stored]] = [:]
        let rows = try await Self.rows("""
            SELECT id, number, holder_index, kind, occupation, level, status, county, high_skill, issued_on, expires_on, ended_on
            FROM certificates WHERE holder_index IN
            """, keys: holders, in: tx)
        for row in rows {
            let stored = Stored(
                id: try row.int64("id"),
                number: try row.string("number"),
                kind: CertificateKind(rawValue: try row.int32("kind")),
                occupation: try row.string("occupation"),
                level: SkillLevel(rawValue: try row.int32("level")),
                status: CertificateState(rawValue: try row.int32("status")),
                county: try row.int32("county"),
                highSkill: try row.int32("high_skill") != 0,
                issuedOn: try row.int32("issued_on"),
                expiresOn: try row.int32("expires_on"),
                endedOn: try row.int32("ended_on"))
            result[try row.data("holder_index"), default: []].append(stored)
        }
        return result
    }

    private func insertCertificates(_ pending: [Pending], now: Int64, in tx: StoreTransaction) async throws {
        var values: [StoreValue] = []
        values.reserveCapacity(pending.count * 19)
        for row in pending {
            let issue = row.issue
            values += [
                StoreValue(row.number), StoreValue(issue.institutionCode), StoreValue(issue.kind.rawValue), StoreValue(issue.occupation),
                StoreValue(issue.level.rawValue), StoreValue(issue.level.isHighSkill), StoreValue(issue.operationCode),
                StoreValue(row.holderIndex), StoreValue(row.sealed.holderIDSealed),
                StoreValue(row.sealed.holderNameSealed), StoreValue(row.sealed.nameIndex),
                StoreValue(issue.employerCreditCode), StoreValue(issue.county), StoreValue(issue.issuedOn.yyyymmdd),
                StoreValue(issue.expiresOn?.yyyymmdd ?? EvaluationSchema.openEnded), StoreValue(row.endedOn),
                StoreValue(row.status.rawValue), StoreValue(now), StoreValue(row.preSystem),
            ]
        }
        try await tx.nativeInsert(into: "certificates", columns: [
            "number", "institution", "kind", "occupation", "level", "high_skill", "operation_code",
            "holder_index", "holder_id_sealed", "holder_name_sealed", "name_index", "employer", "county",
            "issued_on", "expires_on", "ended_on", "status", "updated_ms", "pre_system",
        ], values: values)
    }

    private func insertRecognitions(_ pending: [Pending], now: Int64, in tx: StoreTransaction) async throws {
        var values: [StoreValue] = []
        for row in pending {
            guard let found = Recognitions.recognition(kind: row.issue.kind, level: row.issue.level) else { continue }
            values += [StoreValue(row.number), StoreValue(row.holderIndex), StoreValue(found.kind.rawValue),
                       StoreValue(found.level.rawValue), StoreValue(found.title), StoreValue(now)]
        }
        guard !values.isEmpty else { return }
        try await tx.nativeInsert(into: "recognitions", columns: [
            "number", "holder_index", "equivalent_kind", "equivalent_level", "engineering_title", "recorded_ms",
        ], values: values)
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
        for row in try await Self.rows("SELECT holder_index, county, level FROM baseline_claims WHERE holder_index IN ", keys: holders, in: tx) {
            existing[try row.data("holder_index")] = (try row.int32("county"), SkillLevel(rawValue: try row.int32("level")))
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
        if !changed.isEmpty {
            try await tx.nativeInsert(
                into: "baseline_claims", columns: ["holder_index", "county", "level"],
                values: changed.flatMap { [StoreValue($0.0), StoreValue($0.1), StoreValue($0.2.rawValue)] },
                suffix: "ON CONFLICT (holder_index) DO UPDATE SET county = excluded.county, level = excluded.level")
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
