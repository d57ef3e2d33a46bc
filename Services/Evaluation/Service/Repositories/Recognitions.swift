import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Mutual recognition (plan, action 2), recorded with each certificate as it is issued or
/// imported: a vocational-qualification certificate counts as a skill-level certificate of the
/// same level, and levels 3–1 bridge to the engineering titles (docs/DOMAIN.md §8). Recorded rather
/// than derived on reading, so the record says what was recognised under the rules of the day.
enum Recognitions {
    /// What `kind` at `level` is recognised as; nil when nothing.
    static func recognition(kind: CertificateKind, level: SkillLevel) -> (kind: CertificateKind, level: SkillLevel, title: String)? {
        guard kind.hasLevels, level.isKnown else { return nil }
        let equivalent: (CertificateKind, SkillLevel) = kind == .vocationalQualification ? (.skillLevel, level) : (.unspecified, .unspecified)
        let title = level.engineeringTitleEquivalent ?? ""
        guard equivalent.0 != .unspecified || !title.isEmpty else { return nil }
        return (equivalent.0, equivalent.1, title)
    }

    static func record(number: String, holderIndex: Data, kind: CertificateKind, level: SkillLevel, at now: Int64,
                       in tx: any SQLDatabase) async throws {
        guard let found = recognition(kind: kind, level: level) else { return }
        try await tx.raw("""
            INSERT INTO recognitions (number, holder_index, equivalent_kind, equivalent_level, engineering_title, recorded_ms)
            VALUES (\(bind: number), \(bind: holderIndex), \(bind: found.kind.rawValue), \(bind: found.level.rawValue),
                    \(bind: found.title), \(bind: now))
            """).run()
    }

    /// The person's certificates valid today, each with its recorded recognition.
    static func person(holderIndex: Data, views: CertificateViews, in db: any SQLDatabase) async throws -> PersonRecognitions {
        guard let holder = try await HolderKey.find(holderIndex, in: db) else { return PersonRecognitions() }
        var recorded: [String: RecognisedCertificate] = [:]
        for row in try await db.raw("""
            SELECT r.number, r.equivalent_kind, r.equivalent_level, r.engineering_title
            FROM certificates c JOIN recognitions r ON r.number = c.number
            WHERE c.holder_seq = \(bind: holder.seq) AND c.holder_index = \(bind: holder.index)
            """).all() {
            var entry = RecognisedCertificate()
            entry.equivalentKind = CertificateKind(rawValue: try row.decode(column: "equivalent_kind", as: Int32.self))
            entry.equivalentLevel = SkillLevel(rawValue: try row.decode(column: "equivalent_level", as: Int32.self))
            entry.engineeringTitle = try row.decode(column: "engineering_title", as: String.self)
            recorded[try row.decode(column: "number", as: String.self)] = entry
        }
        var result = PersonRecognitions()
        for row in try await db.select().columns(CertificateRow.columns.map { SQLColumn($0) }).from("certificates")
            .where(holder: holder).all().map(CertificateRow.init) {
            var entry = recorded[row.number] ?? RecognisedCertificate()
            entry.certificate = try views.view(row)
            guard entry.certificate.state == .valid else { continue }
            result.certificates.append(entry)
            if row.kind.hasLevels, row.level > result.highestLevel { result.highestLevel = row.level }
        }
        result.certificates.sort { ($0.certificate.level, $0.certificate.number) > ($1.certificate.level, $1.certificate.number) }
        result.engineeringTitle = result.highestLevel.engineeringTitleEquivalent ?? ""
        return result
    }
}
