import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// One stored certificate, with the holder's data still sealed.
struct CertificateRow: Sendable {
    static let columns = [
        "id", "number", "institution", "kind", "occupation", "level", "operation_code", "holder_index",
        "holder_id_sealed", "holder_name_sealed", "name_index", "employer", "county", "issued_on", "expires_on",
        "ended_on", "status", "holder_seq",
    ]

    var id: Int64
    var number: String
    var institution: String
    var kind: CertificateKind
    var occupation: String
    var level: SkillLevel
    var operationCode: String
    var holderIndex: Data
    /// The number the holder's certificates are filed under (``HolderKey``).
    var holderSeq: Int64
    var holderIDSealed: Data
    var holderNameSealed: Data
    var nameIndex: Data
    var employer: String
    var county: Int32
    var issuedOn: Int32
    /// ``EvaluationSchema/openEnded`` when the kind does not expire.
    var expiresOn: Int32
    /// The revocation or supersession day; ``EvaluationSchema/openEnded`` when neither.
    var endedOn: Int32
    /// The recorded state: valid, revoked or superseded (expiry is computed from the dates).
    var status: CertificateState

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        number = try row.decode(column: "number", as: String.self)
        institution = try row.decode(column: "institution", as: String.self)
        kind = CertificateKind(rawValue: try row.decode(column: "kind", as: Int32.self))
        occupation = try row.decode(column: "occupation", as: String.self)
        level = SkillLevel(rawValue: try row.decode(column: "level", as: Int32.self))
        operationCode = try row.decode(column: "operation_code", as: String.self)
        holderIndex = try row.decode(column: "holder_index", as: Data.self)
        holderSeq = try row.decode(column: "holder_seq", as: Int64.self)
        holderIDSealed = try row.decode(column: "holder_id_sealed", as: Data.self)
        holderNameSealed = try row.decode(column: "holder_name_sealed", as: Data.self)
        nameIndex = try row.decode(column: "name_index", as: Data.self)
        employer = try row.decode(column: "employer", as: String.self)
        county = try row.decode(column: "county", as: Int32.self)
        issuedOn = try row.decode(column: "issued_on", as: Int32.self)
        expiresOn = try row.decode(column: "expires_on", as: Int32.self)
        endedOn = try row.decode(column: "ended_on", as: Int32.self)
        status = CertificateState(rawValue: try row.decode(column: "status", as: Int32.self))
    }

    /// The state on `date`: a recorded revocation or supersession, else expired or valid.
    func state(on date: CalendarDate) -> CertificateState {
        if status != .valid, endedOn <= date.yyyymmdd { return status }
        return expiresOn <= date.yyyymmdd ? .expired : .valid
    }
}

/// Certificates, the holders they are filed under, the coverage deltas and first certificates,
/// written once for SQLite and PostgreSQL. Every write keeps `coverage_deltas` and
/// `first_certificates` equal to a recount of `certificates` in the same transaction.
struct CertificateRepository: Sendable {
    let personal: PersonalData
    let clock: @Sendable () -> Date

    func find(number: String, in db: any SQLDatabase) async throws -> CertificateRow? {
        try await db.select().columns(CertificateRow.columns.map { SQLColumn($0) }).from("certificates")
            .where("number", .equal, SQLBind(number)).first().map(CertificateRow.init)
    }

    /// The certificates of `numbers` that exist, by number, in one statement.
    func find(numbers: Set<String>, in db: any SQLDatabase) async throws -> [String: CertificateRow] {
        guard !numbers.isEmpty else { return [:] }
        let rows = try await db.select().columns(CertificateRow.columns.map { SQLColumn($0) }).from("certificates")
            .where("number", .in, SQLBind.group(numbers.sorted())).all().map(CertificateRow.init)
        return Dictionary(rows.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func require(number: String, in db: any SQLDatabase) async throws -> CertificateRow {
        guard let row = try await find(number: number, in: db) else {
            throw RPCError(.notFound, Messages.EvaluationRefusals.noCertificate(number))
        }
        return row
    }

    /// Issues `issue` (already checked against its institution): supersedes the holder's lower
    /// levels of the same kind and occupation, stores the certificate, moves the counts it
    /// changes. Returns the new row and the numbers it superseded. (Imports write
    /// whole batches the same way: ``CertificateBatchWriter``.)
    func issue(_ issue: ValidatedIssue, in tx: StoreTransaction) async throws -> (CertificateRow, superseded: [String]) {
        let holderIndex = personal.blindIndex(issue.holderIDNumber, for: .idNumber)
        let issuedOn = issue.issuedOn.yyyymmdd
        // First, because it also locks the holder's row: concurrent writes for one person then
        // take turns (PostgreSQL runs writes at READ COMMITTED), so each reads the other's
        // certificates before computing coverage changes.
        guard let seq = try await HolderKey.file([holderIndex], in: tx)[holderIndex] else {
            throw RPCError(.internal, "the holder's row was not written")
        }
        // The holder's certificates, read once; what this issue changes in them is applied in
        // memory too, as the import does (``CertificateBatchWriter``).
        let stored = try await CertificateBatchWriter.storedCertificates(of: [holderIndex: seq], in: tx)[holderIndex] ?? []
        let oldFirst = FirstCertificates.first(of: stored)
        let before = stored.map(CertificateBatchWriter.span)
        // The new certificate settled among the holder's (``Supersession``): it may supersede
        // lower ones, or stand superseded itself by a higher one issued before it.
        var all = stored + [CertificateBatchWriter.Stored(issue, id: Int64.max)]
        let changed = Supersession.settle(&all)
        var superseded: [String] = []
        for index in changed where index < stored.count {
            // Superseded from the upgrade's issue date: the person is counted through the
            // new certificate from that day, so no date sees them twice or not at all.
            if stored[index].status == .valid && all[index].status == .superseded { superseded.append(stored[index].number) }
            try await tx.update("certificates")
                .set("status", to: SQLBind(all[index].status.rawValue))
                .set("ended_on", to: SQLBind(all[index].endedOn))
                .set("counts_from", to: SQLBind(all[index].countsFrom))
                .set("updated_ms", to: SQLBind(now))
                .where("id", .equal, SQLBind(stored[index].id)).run()
        }
        let settled = all[stored.count]
        let number = Self.number(issuedOn: issue.issuedOn, sequence: try await allocateNumber(in: tx))
        try await tx.raw("""
            INSERT INTO certificates (number, institution, kind, occupation, level, high_skill, operation_code,
                holder_index, holder_id_sealed, holder_name_sealed, name_index, employer, county,
                issued_on, expires_on, ended_on, counts_from, status, updated_ms, pre_system, holder_seq)
            VALUES (\(bind: number), \(bind: issue.institutionCode), \(bind: issue.kind.rawValue), \(bind: issue.occupation),
                \(bind: issue.level.rawValue), \(bind: issue.level.isHighSkill ? 1 : 0), \(bind: issue.operationCode),
                \(bind: holderIndex), \(bind: personal.seal(issue.holderIDNumber, as: .idNumber)),
                \(bind: personal.seal(issue.holderName, as: .name)), \(bind: personal.blindIndex(issue.holderName, for: .name)),
                \(bind: issue.employerCreditCode), \(bind: issue.county), \(bind: issuedOn),
                \(bind: issue.expiresOn?.yyyymmdd ?? EvaluationSchema.openEnded), \(bind: settled.endedOn),
                \(bind: settled.countsFrom), \(bind: settled.status.rawValue), \(bind: now), 0, \(bind: seq))
            """).run()
        try await Recognitions.record(number: number, holderIndex: holderIndex, kind: issue.kind, level: issue.level, at: now, in: tx)
        let after = all.map(CertificateBatchWriter.span)
        try await CoverageDeltas.write(CoverageDeltas.changes(before: before, after: after), to: tx)
        var firsts: [FirstCertificates.Key: Int64] = [:]
        FirstCertificates.move(from: oldFirst, to: FirstCertificates.first(of: all), into: &firsts)
        try await FirstCertificates.write(firsts, to: tx)
        try await tx.audit(entity: "certificate", id: number,
                           detail: superseded.isEmpty ? nil : "supersedes \(superseded.joined(separator: ", "))")
        return (try await require(number: number, in: tx), superseded)
    }

    /// Revokes a certificate from `date` on (a state, not a deletion), gives back their
    /// validity to the lower certificates it alone superseded, and recomputes the holder's
    /// coverage and first certificate without it.
    func revoke(_ number: String, on date: CalendarDate, reason: String, in tx: StoreTransaction) async throws -> CertificateRow {
        let found = try await require(number: number, in: tx)
        // Lock the holder's row first (see `issue`), then read the certificate again: a
        // concurrent write for the same person may have changed it meanwhile.
        try await tx.raw("UPDATE holders SET seq = seq WHERE holder_index = \(bind: found.holderIndex)").run()
        let row = try await require(number: number, in: tx)
        guard row.status != .revoked else { return row }
        var stored = try await CertificateBatchWriter.storedCertificates(of: [row.holderIndex: row.holderSeq], in: tx)[row.holderIndex]
            ?? []
        let oldFirst = FirstCertificates.first(of: stored)
        let before = stored.map(CertificateBatchWriter.span)
        let endedOn = min(row.endedOn, date.yyyymmdd)
        try await tx.update("certificates")
            .set("status", to: SQLBind(CertificateState.revoked.rawValue))
            .set("ended_on", to: SQLBind(endedOn))
            .set("updated_ms", to: SQLBind(now))
            .where("id", .equal, SQLBind(row.id)).run()
        for index in stored.indices where stored[index].id == row.id {
            stored[index].status = .revoked
            stored[index].endedOn = endedOn
        }
        for index in Supersession.settle(&stored) {
            try await tx.update("certificates")
                .set("status", to: SQLBind(stored[index].status.rawValue))
                .set("ended_on", to: SQLBind(stored[index].endedOn))
                .set("counts_from", to: SQLBind(stored[index].countsFrom))
                .set("updated_ms", to: SQLBind(now))
                .where("id", .equal, SQLBind(stored[index].id)).run()
        }
        let first = FirstCertificates.first(of: stored)
        let after = stored.map(CertificateBatchWriter.span)
        try await CoverageDeltas.write(CoverageDeltas.changes(before: before, after: after), to: tx)
        var firsts: [FirstCertificates.Key: Int64] = [:]
        FirstCertificates.move(from: oldFirst, to: first, into: &firsts)
        try await FirstCertificates.write(firsts, to: tx)
        try await tx.audit(entity: "certificate", id: number, detail: "revoked: \(reason)")
        return try await require(number: number, in: tx)
    }

    /// `JCC` + issue year + an 8-digit sequence: unique, and readable over the phone.
    static func number(issuedOn: CalendarDate, sequence: Int64) -> String {
        let digits = String(sequence)
        return "JCC\(issuedOn.year)" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    private var now: Int64 { Int64(clock().timeIntervalSince1970 * 1000) }

    private func allocateNumber(in db: any SQLDatabase) async throws -> Int64 {
        guard let next = try await db.raw("""
            UPDATE certificate_sequence SET next_value = next_value + 1 WHERE id = 1 RETURNING next_value
            """).first(decodingColumn: "next_value", as: Int64.self)
        else { throw RPCError(.internal, "the certificate sequence is missing") }
        return next
    }
}
