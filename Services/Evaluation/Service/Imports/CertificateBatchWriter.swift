import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Writes one import batch of new certificates with a handful of statements instead of a
/// handful per certificate: the batch's holders are read once, supersession and coverage are
/// worked out in memory, and certificates, recognitions, holders, coverage deltas and first
/// certificates go in as multi-row statements. The outcome is the same as issuing the
/// certificates one by one in date order (``CertificateRepository/issue(_:in:)``), which the
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
    struct Pending: Sendable {
        var sealed: Sealed
        var status = CertificateState.valid
        var endedOn = EvaluationSchema.openEnded
        var countsFrom: Int32
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
        /// The day it starts to count (``Supersession``): its issue day, or later when a higher
        /// certificate of the same line held the holder on that day and was revoked since.
        var countsFrom: Int32
        var preSystem: Bool
    }

    /// Keys per `IN (…)` list (multi-row inserts size themselves: ``SQLDatabase/nativeInsert``).
    static let chunk = 500

    /// A batch's work that needs no database, done by ``prepare(_:)`` before its transaction:
    /// the rows in date order, grouped by holder, and the orders the random-keyed inserts go in.
    struct Prepared: Sendable {
        var pending: [Pending]
        /// The import file's line of each row of `pending`.
        var lines: [UInt32]
        /// `pending`'s indexes in line order.
        var fileOrder: [Int]
        var byHolder: [Data: [Int]]
        /// In holder-index order: the index is keyed by an HMAC, so date order would touch a
        /// different page for every row; sorted, neighbouring rows share pages. Indexes, not
        /// the rows, are sorted: moving the big structs around cost more than the order saved.
        /// A holder's certificates stay in date order, so their ids rise with it (the baseline
        /// claim's tie-break, ``claims(_:_:_:)``).
        var certificateOrder: [Int]
        /// In number order, the recognitions' key, for the same reason.
        var recognitionOrder: [Int]
    }

    static func prepare(_ rows: [(line: UInt32, certificate: Sealed)]) -> Prepared {
        let dateOrder = rows.indices.sorted {
            (rows[$0].certificate.issue.issuedOn, rows[$0].certificate.number) < (rows[$1].certificate.issue.issuedOn, rows[$1].certificate.number)
        }
        let pending = dateOrder.map { Pending(sealed: rows[$0].certificate, countsFrom: rows[$0].certificate.issue.issuedOn.yyyymmdd) }
        let lines = dateOrder.map { rows[$0].line }
        var byHolder: [Data: [Int]] = [:]
        for offset in pending.indices { byHolder[pending[offset].holderIndex, default: []].append(offset) }
        let keys = pending.map { PersonalData.orderKey(ofBlindIndex: $0.holderIndex) }
        return Prepared(
            pending: pending, lines: lines, fileOrder: pending.indices.sorted { lines[$0] < lines[$1] }, byHolder: byHolder,
            certificateOrder: pending.indices.sorted { (keys[$0], $0) < (keys[$1], $1) },
            recognitionOrder: pending.indices.sorted { pending[$0].number < pending[$1].number })
    }

    func write(_ batch: Prepared, in tx: StoreTransaction) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        var pending = batch.pending
        let byHolder = batch.byHolder
        let holders = Array(byHolder.keys)

        // Holders first: on PostgreSQL this locks their rows, so a concurrent issue for one of
        // them waits and then sees this batch's certificates (as in `issue`). In key order: the
        // table's order, and so the order new persons' numbers and certificates take.
        let seqs = try await HolderKey.file(
            holders.map { (PersonalData.orderKey(ofBlindIndex: $0), $0) }.sorted { $0.0 < $1.0 }.map(\.1), in: tx)
        var stored = try await Self.storedCertificates(of: seqs, in: tx)

        var deltas: [CoverageDeltas.Key: Int64] = [:]
        var firsts: [FirstCertificates.Key: Int64] = [:]
        var changedStored: [Stored] = []
        for holder in holders {
            let offsets = byHolder[holder]!
            let storedRows = stored[holder] ?? []
            let before = storedRows.map(Self.span)
            let storedFirst = FirstCertificates.first(of: storedRows)
            // The batch's certificates settled among the holder's (``Supersession``), after the
            // stored ones in the order they will be stored (the first certificate's tie-break).
            var all = storedRows + offsets.enumerated().map { position, offset in
                Stored(pending[offset].issue, id: Int64.max - Int64(offsets.count) + Int64(position))
            }
            for index in Supersession.settle(&all) where index < storedRows.count {
                changedStored.append(all[index])
            }
            for (position, offset) in offsets.enumerated() {
                pending[offset].status = all[storedRows.count + position].status
                pending[offset].endedOn = all[storedRows.count + position].endedOn
                pending[offset].countsFrom = all[storedRows.count + position].countsFrom
            }
            stored[holder] = Array(all[..<storedRows.count])
            CoverageDeltas.add(before: before, after: all.map(Self.span), into: &deltas)
            FirstCertificates.move(from: storedFirst, to: FirstCertificates.first(of: all), into: &firsts)
        }

        for row in changedStored {
            try await tx.update("certificates")
                .set("status", to: SQLBind(row.status.rawValue)).set("ended_on", to: SQLBind(row.endedOn))
                .set("counts_from", to: SQLBind(row.countsFrom)).set("updated_ms", to: SQLBind(now)).where("id", .equal, SQLBind(row.id)).run()
        }
        try await insertCertificates(pending, seqs: seqs, order: batch.certificateOrder, now: now, in: tx)
        try await insertRecognitions(pending, order: batch.recognitionOrder, now: now, in: tx)
        try await moveClaims(pending, byHolder, stored, in: tx)
        try await CoverageDeltas.write(deltas.filter { $0.value != 0 }, to: tx)
        try await FirstCertificates.write(firsts, to: tx)
    }

    static func span(_ row: Stored) -> CoverageDeltas.Span {
        CoverageDeltas.Span(county: JinchengDivisions.standard.countingCounty(of: row.county), highSkill: row.highSkill, start: row.countsFrom, end: min(row.expiresOn, row.endedOn))
    }

    static func span(_ row: Pending) -> CoverageDeltas.Span { span(row.issue, countsFrom: row.countsFrom, endedOn: row.endedOn) }

    static func span(_ issue: ValidatedIssue, countsFrom: Int32? = nil, endedOn: Int32 = EvaluationSchema.openEnded) -> CoverageDeltas.Span {
        CoverageDeltas.Span(county: JinchengDivisions.standard.countingCounty(of: issue.county), highSkill: issue.level.isHighSkill,
                            start: countsFrom ?? issue.issuedOn.yyyymmdd,
                            end: min(issue.expiresOn?.yyyymmdd ?? EvaluationSchema.openEnded, endedOn))
    }

    /// Rows of `sql` (ending in `IN `) for `keys`, a chunk of keys per statement.
    static func rows(_ sql: String, keys: [StoreValue], in tx: StoreTransaction) async throws -> [StoreRow] {
        var result: [StoreRow] = []
        for start in stride(from: 0, to: keys.count, by: chunk) {
            let slice = keys[start..<min(start + chunk, keys.count)]
            let placeholders = "(" + Array(repeating: "?", count: slice.count).joined(separator: ", ") + ")"
            result += try await tx.nativeRows(sql + placeholders, Array(slice))
        }
        return result
    }

    /// The certificates filed under the holders' numbers, of those holders (``HolderKey``).
    static func storedCertificates(of seqs: [Data: Int64], in tx: StoreTransaction) async throws -> [Data: [Stored]] {
        var result: [Data: [Stored]] = [:]
        // In number order, as the index is: neighbouring look-ups share its pages.
        let rows = try await Self.rows("""
            SELECT id, number, holder_index, holder_seq, kind, occupation, level, status, county, high_skill, issued_on,
                expires_on, ended_on, counts_from, pre_system
            FROM certificates WHERE holder_seq IN
            """, keys: seqs.values.sorted().map(StoreValue.init), in: tx)
        for row in rows {
            let holder = try row.data("holder_index")
            guard seqs[holder] == (try row.int64("holder_seq")) else { continue }
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
                endedOn: try row.int32("ended_on"),
                countsFrom: try row.int32("counts_from"),
                preSystem: try row.int32("pre_system") != 0)
            result[holder, default: []].append(stored)
        }
        return result
    }

    /// `pending`'s rows in `order` (indexes into it: the rows themselves are big to copy).
    private func insertCertificates(_ pending: [Pending], seqs: [Data: Int64], order: [Int], now: Int64,
                                    in tx: StoreTransaction) async throws {
        var values: [StoreValue] = []
        values.reserveCapacity(pending.count * Self.certificateColumns.count)
        for offset in order { Self.append(pending[offset], seq: seqs[pending[offset].holderIndex]!, now: now, to: &values) }
        try await tx.nativeInsert(into: "certificates", columns: Self.certificateColumns, types: Self.certificateTypes, values: values)
    }

    private static let certificateColumns = [
        "number", "institution", "kind", "occupation", "level", "high_skill", "operation_code",
        "holder_index", "holder_id_sealed", "holder_name_sealed", "name_index", "employer", "county",
        "issued_on", "expires_on", "ended_on", "counts_from", "status", "updated_ms", "pre_system", "holder_seq",
    ]
    /// Typed: on PostgreSQL one prepared statement for every batch, whatever its size.
    private static let certificateTypes: [StoreColumnType] = [
        .text, .text, .integer, .text, .integer, .integer, .text,
        .bytes, .bytes, .bytes, .bytes, .text, .integer,
        .integer, .integer, .integer, .integer, .integer, .integer, .integer, .integer,
    ]

    /// One row's values in ``certificateColumns`` order, appended one by one: a literal array
    /// per row would allocate for every certificate.
    private static func append(_ row: Pending, seq: Int64, now: Int64, to values: inout [StoreValue]) {
        let issue = row.issue
        values.append(StoreValue(row.number))
        values.append(StoreValue(issue.institutionCode))
        values.append(StoreValue(issue.kind.rawValue))
        values.append(StoreValue(issue.occupation))
        values.append(StoreValue(issue.level.rawValue))
        values.append(StoreValue(issue.level.isHighSkill))
        values.append(StoreValue(issue.operationCode))
        values.append(StoreValue(row.holderIndex))
        values.append(StoreValue(row.sealed.holderIDSealed))
        values.append(StoreValue(row.sealed.holderNameSealed))
        values.append(StoreValue(row.sealed.nameIndex))
        values.append(StoreValue(issue.employerCreditCode))
        values.append(StoreValue(issue.county))
        values.append(StoreValue(issue.issuedOn.yyyymmdd))
        values.append(StoreValue(issue.expiresOn?.yyyymmdd ?? EvaluationSchema.openEnded))
        values.append(StoreValue(row.endedOn))
        values.append(StoreValue(row.countsFrom))
        values.append(StoreValue(row.status.rawValue))
        values.append(StoreValue(now))
        values.append(StoreValue(row.preSystem))
        values.append(StoreValue(seq))
    }

    private func insertRecognitions(_ pending: [Pending], order: [Int], now: Int64, in tx: StoreTransaction) async throws {
        var values: [StoreValue] = []
        for offset in order {
            let issue = pending[offset].issue
            guard let found = Recognitions.recognition(kind: issue.kind, level: issue.level) else { continue }
            values.append(StoreValue(pending[offset].number))
            values.append(StoreValue(pending[offset].holderIndex))
            values.append(StoreValue(found.kind.rawValue))
            values.append(StoreValue(found.level.rawValue))
            values.append(StoreValue(found.title))
            values.append(StoreValue(now))
        }
        guard !values.isEmpty else { return }
        try await tx.nativeInsert(into: "recognitions", columns: [
            "number", "holder_index", "equivalent_kind", "equivalent_level", "engineering_title", "recorded_ms",
        ], values: values)
    }

    /// Where a person's baseline claim sits (``BaselineRepository``): the county and level of
    /// their highest-level pre-system certificate, the earliest stored of equals. A claim is
    /// a function of the certificates, so it is not stored per person; only the claimed
    /// counters per county and level are, moved here in aggregate.
    struct Claim: Equatable {
        var county: Int32
        var level: SkillLevel
    }

    /// The claim of `stored` (``Stored``), then of `stored` followed by the batch's `offsets` in
    /// date order, which is the order their ids take.
    static func claims(_ stored: [Stored], _ pending: [Pending], _ offsets: [Int]) -> (before: Claim?, after: Claim?) {
        var best: (rank: Int, id: Int64, claim: Claim)?
        for row in stored where row.preSystem {
            if let current = best, (current.rank, -current.id) >= (row.level.rank, -row.id) { continue }
            best = (row.level.rank, row.id, Claim(county: JinchengDivisions.standard.countingCounty(of: row.county), level: row.level))
        }
        let before = best?.claim
        var after = before
        var afterRank = best?.rank
        for offset in offsets where pending[offset].preSystem {
            let rank = pending[offset].issue.level.rank
            if let current = afterRank, current >= rank { continue }
            after = Claim(county: JinchengDivisions.standard.countingCounty(of: pending[offset].issue.county), level: pending[offset].issue.level)
            afterRank = rank
        }
        return (before, after)
    }

    /// Moves the claimed counters for the batch's holders whose claim it changed.
    private func moveClaims(_ pending: [Pending], _ byHolder: [Data: [Int]], _ stored: [Data: [Stored]],
                            in tx: StoreTransaction) async throws {
        struct Place: Hashable { var county: Int32; var level: Int32 }
        var moves: [Place: Int64] = [:]
        for (holder, offsets) in byHolder {
            let (before, after) = Self.claims(stored[holder] ?? [], pending, offsets)
            guard before != after else { continue }
            if let before { moves[Place(county: before.county, level: before.level.rawValue), default: 0] -= 1 }
            if let after { moves[Place(county: after.county, level: after.level.rawValue), default: 0] += 1 }
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

extension CertificateBatchWriter.Stored {
    /// A certificate about to be stored, as the holder's stored ones are described, under `id`
    /// (above every stored one: it comes after them).
    init(_ issue: ValidatedIssue, id: Int64, preSystem: Bool = false) {
        self.init(id: id, number: "", kind: issue.kind, occupation: issue.occupation, level: issue.level, status: .valid,
                  county: issue.county, highSkill: issue.level.isHighSkill, issuedOn: issue.issuedOn.yyyymmdd,
                  expiresOn: issue.expiresOn?.yyyymmdd ?? EvaluationSchema.openEnded, endedOn: EvaluationSchema.openEnded,
                  countsFrom: issue.issuedOn.yyyymmdd, preSystem: preSystem)
    }
}
