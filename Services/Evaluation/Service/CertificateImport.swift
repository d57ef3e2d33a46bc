import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import SQLKit

/// Bulk import of historical certificates (issue 5 §6), one transaction per batch.
///
/// A historical certificate records a fact, so the rules of issuing (an active institution
/// within its filed scope, an enterprise body's own employees) are not applied: its
/// institution may since have closed or never have been registered here, and is kept as
/// given. The field rules still hold (kind, level for the kind, ID number, dates), the
/// certificate needs a county (given, or its institution's if that is registered here), and
/// its printed number identifies it, so importing a file again adds nothing.
struct CertificateImport: Sendable {
    let store: Store
    let rules: CertificateRules
    let institutions: InstitutionRepository
    let writer: CertificateBatchWriter

    /// Import summaries list at most this many row errors; the count covers all.
    static let reportedErrorLimit = 1_000

    typealias Outcome = (accepted: UInt64, already: UInt64, errors: [RowError])

    /// Batches are pipelined: while one batch's transaction runs, the next message is read,
    /// checked and sealed (the CPU half), so the database and the event loop work at once.
    /// Transactions still run one after another, in message order.
    func run(_ batches: MessageStream<CertificateImportBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        var inFlight: Task<Outcome, any Error>?
        func collect(_ outcome: Outcome) {
            summary.accepted += outcome.accepted
            summary.alreadyRegistered += outcome.already
            for error in outcome.errors { summary.rejectRow(error) }
        }
        do {
            for try await batch in batches {
                summary.received += UInt64(batch.rows.count)
                var valid: [(line: UInt32, certificate: CertificateBatchWriter.Sealed)] = []
                for row in batch.rows {
                    do {
                        try Self.checkNumber(row.number)
                        let issue = try rules.validate(row.certificate)
                        valid.append((row.line, writer.seal(number: row.number, issue: issue, preSystem: row.preSystem)))
                    } catch let violation as RuleViolation {
                        summary.rejectRow(RowError(line: row.line, column: violation.field, reason: violation.reason))
                    } catch let refusal as RuleRefusal {
                        summary.rejectRow(RowError(line: row.line, column: "level", reason: "\(refusal.rule): \(refusal.reason)"))
                    }
                }
                guard !valid.isEmpty else { continue }
                if let previous = inFlight { collect(try await previous.value) }
                inFlight = Task { [valid] in
                    try await store.transaction(context.audit) { tx in try await write(valid, in: tx) }
                }
            }
            if let previous = inFlight {
                inFlight = nil
                collect(try await previous.value)
            }
        } catch {
            // Never leave a write running unobserved: it finishes (or fails) before the call does.
            _ = try? await inFlight?.value
            throw error
        }
        summary.errors.sort { $0.line < $1.line }
        return summary
    }

    private func write(_ rows: [(line: UInt32, certificate: CertificateBatchWriter.Sealed)], in tx: StoreTransaction) async throws -> Outcome {
        var known: Set<String> = []
        let numbers = rows.map(\.certificate.number)
        for start in stride(from: 0, to: numbers.count, by: CertificateBatchWriter.chunk) {
            let slice = numbers[start..<min(start + CertificateBatchWriter.chunk, numbers.count)]
            let sql = "SELECT number FROM certificates WHERE number IN (" + Array(repeating: "?", count: slice.count).joined(separator: ", ") + ")"
            for row in try await tx.nativeRows(sql, slice.map(StoreValue.init)) { known.insert(try row.string("number")) }
        }
        var counties: [String: Int32] = [:]
        var seen: Set<String> = []
        var already: UInt64 = 0
        var errors: [RowError] = []
        var accepted: [CertificateBatchWriter.Sealed] = []
        for (line, sealed) in rows {
            if known.contains(sealed.number) || seen.contains(sealed.number) {
                already += 1
                continue
            }
            var certificate = sealed
            if certificate.issue.county == 0 {
                let code = certificate.issue.institutionCode
                if counties[code] == nil {
                    counties[code] = try await institutions.find(code, in: tx)?.institution.county ?? 0
                }
                let county = counties[code] ?? 0
                guard JinchengDivisions.isJinchengCounty(county) else {
                    errors.append(RowError(line: line, column: "county",
                                           reason: "give the holder's county: institution \(code) is not a county institution registered here"))
                    continue
                }
                certificate.issue.county = county
            }
            seen.insert(certificate.number)
            accepted.append(certificate)
        }
        // Oldest first inside the writer: a holder's later, higher level then supersedes the
        // lower one as it would have when both were issued.
        try await writer.write(accepted, in: tx)
        try await tx.audit(entity: "certificate", id: nil, detail: "imported \(accepted.count) historical certificates")
        return (UInt64(accepted.count), already, errors.sorted { $0.line < $1.line })
    }

    /// A printed number: not empty, no longer than 40, and not in the system's own `JCC` series.
    static func checkNumber(_ number: String) throws(RuleViolation) {
        guard !number.isEmpty else { throw RuleViolation(field: "number", reason: "is empty") }
        guard number.count <= 40, number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "/") }) else {
            throw RuleViolation(field: "number", reason: "'\(number)' is not a certificate number (letters, digits, - and /, at most 40)")
        }
        guard !number.uppercased().hasPrefix("JCC") else {
            throw RuleViolation(field: "number", reason: "\(number) is in the JCC series this system issues; historical numbers come from elsewhere")
        }
    }
}

extension ImportSummary {
    mutating func rejectRow(_ error: RowError) {
        rejected += 1
        if errors.count < CertificateImport.reportedErrorLimit { errors.append(error) }
    }
}
