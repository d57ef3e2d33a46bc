import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// Bulk import of historical certificates (`ImportCertificates`, fed by `jcskills evaluation
/// import`; README.md, "The evaluation centre"), one transaction per batch.
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

    typealias Outcome = (accepted: UInt64, already: UInt64, errors: [RowError])

    /// Rows per transaction (``ImportPipeline``), whatever the client's message size. The
    /// holder-keyed indexes are random, so a larger transaction shares more of the pages it
    /// writes: importing 1 M certificates went from 18.8k to 23.4–23.9k rows/s when a
    /// transaction per 10,000-row message became 50,000 rows (measured 2026-11-26, in the git
    /// history of BENCHMARKS.md); 100,000 gained nothing more.
    static let rowsPerTransaction = 50_000

    typealias Row = (line: UInt32, certificate: CertificateBatchWriter.Sealed)

    /// Rows are checked and sealed as messages arrive (the CPU half) while the previous
    /// transaction runs; transactions run one after another, in message order.
    func run(_ batches: MessageStream<CertificateImportBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        func collect(_ outcome: Outcome) {
            summary.accepted += outcome.accepted
            summary.alreadyRegistered += outcome.already
            for error in outcome.errors { summary.reject(error) }
        }
        let audit = context.audit
        let importer = self
        let statistics = ImportStatistics(store: store, tables: ["certificates", "holders"])
        var pipeline = ImportPipeline<Row, CertificateBatchWriter.Prepared, Outcome>(
            rowsPerWrite: Self.rowsPerTransaction, prepare: CertificateBatchWriter.prepare
        ) { batch in
            let outcome = try await importer.store.transaction(audit, grouping: .alone) { tx in try await importer.write(batch, in: tx) }
            await statistics.committed(Int(outcome.accepted))
            return outcome
        }
        do {
            for try await batch in batches {
                summary.received += UInt64(batch.rows.count)
                var valid: [Row] = []
                valid.reserveCapacity(batch.rows.count)
                for row in batch.rows {
                    do {
                        try Self.checkNumber(row.number)
                        let issue = try rules.validate(row.certificate)
                        valid.append((row.line, writer.seal(number: row.number, issue: issue, preSystem: row.preSystem)))
                    } catch let violation as RuleViolation {
                        summary.reject(RowError(line: row.line, column: violation.field, reason: violation.reason))
                    } catch let refusal as RuleRefusal {
                        summary.reject(RowError(line: row.line, column: "level", reason: "\(refusal.rule): \(refusal.reason)"))
                    }
                }
                if let outcome = try await pipeline.add(valid) { collect(outcome) }
            }
            for outcome in try await pipeline.finish() { collect(outcome) }
        } catch {
            // No write outlives the call: the one in flight is waited for (cancelled, so it rolls
            // back, unless the connection was lost), and the call's end is audited.
            await pipeline.stop(after: error)
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        summary.errors.sort { $0.line < $1.line }
        return summary
    }

    /// Skips rows already in (or twice in the batch: the first in the file wins), gives rows
    /// without a county their institution's, and writes the rest.
    private func write(_ prepared: CertificateBatchWriter.Prepared, in tx: StoreTransaction) async throws -> Outcome {
        var batch = prepared
        var known: Set<String> = []
        let numbers = batch.pending.map(\.number)
        for start in stride(from: 0, to: numbers.count, by: CertificateBatchWriter.chunk) {
            let slice = numbers[start..<min(start + CertificateBatchWriter.chunk, numbers.count)]
            let sql = "SELECT number FROM certificates WHERE number IN (" + Array(repeating: "?", count: slice.count).joined(separator: ", ") + ")"
            for row in try await tx.nativeRows(sql, slice.map(StoreValue.init)) { known.insert(try row.string("number")) }
        }
        var counties: [String: Int32] = [:]
        var seen: Set<String> = []
        var already: UInt64 = 0
        var errors: [RowError] = []
        var kept: [Int] = []
        kept.reserveCapacity(batch.pending.count)
        for offset in batch.fileOrder {
            let number = batch.pending[offset].number
            if known.contains(number) || seen.contains(number) {
                already += 1
                continue
            }
            if batch.pending[offset].issue.county == 0 {
                let code = batch.pending[offset].issue.institutionCode
                if counties[code] == nil {
                    counties[code] = try await institutions.find(code, in: tx)?.institution.county ?? 0
                }
                let county = counties[code] ?? 0
                guard JinchengDivisions.isJinchengCounty(county) else {
                    errors.append(RowError(line: batch.lines[offset], column: "county",
                                           reason: Messages.EvaluationRefusals.notACountyInstitution(code).forCaller))
                    continue
                }
                batch.pending[offset].sealed.issue.county = county
            }
            seen.insert(number)
            kept.append(offset)
        }
        if kept.count < batch.pending.count {
            // Rows left out: the prepared groups and orders no longer fit (a re-import, mostly).
            batch = CertificateBatchWriter.prepare(kept.map { (batch.lines[$0], batch.pending[$0].sealed) })
        }
        // Oldest first inside the writer: a holder's later, higher level then supersedes the
        // lower one as it would have when both were issued.
        if !batch.pending.isEmpty { try await writer.write(batch, in: tx) }
        try await tx.audit(entity: "certificate", id: nil, detail: "imported \(batch.pending.count) historical certificates")
        return (UInt64(batch.pending.count), already, errors.sorted { $0.line < $1.line })
    }

    /// A printed number: not empty, no longer than 40, and not in the system's own `JCC` series.
    static func checkNumber(_ number: String) throws(RuleViolation) {
        guard !number.isEmpty else { throw RuleViolation(field: "number", reason: Messages.Refusals.isEmpty) }
        // On bytes: checked for every imported row, and Character by Character it was 4 % of the
        // server's time.
        let bytes = number.utf8
        guard bytes.count <= 40, bytes.allSatisfy({ byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
        }) else {
            throw RuleViolation(field: "number", reason: Messages.EvaluationRefusals.notACertificateNumber(FieldLimits.quote(number)))
        }
        // Letters, digits, - and / only: setting bit 5 lower-cases a letter and changes none of the others into one.
        guard !bytes.prefix(3).map({ $0 | 0x20 }).elementsEqual("jcc".utf8) else {
            throw RuleViolation(field: "number", reason: Messages.EvaluationRefusals.systemSeries(number))
        }
    }
}
