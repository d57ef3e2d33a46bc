import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// Streams a CSV file to an import method in batches, with a progress bar; rows the client
/// cannot read are reported with the server's rejections, by line number.
enum CSVImporter {
    /// A message is sent once its rows reach this many bytes (or the batch size): a quarter
    /// of the 4 MiB a service takes in one message, whatever the rows hold. Each row is at
    /// most ``CSVRecords/maximumFieldLength`` per field and 16 KiB a line, so no row can make a
    /// message too large for the service, which would fail the whole import.
    static let messageBytes = 1 << 20

    static func run<Row: WireMessage, Batch: WireMessage>(
        path: String, header expected: [String], optionalTrailing: Int = 0, label: String, encoding: CSVTextEncoding = .auto,
        client: RPCClient, method: Method<Batch, ImportSummary>, batchSize: Int = 500,
        duplicates rule: DuplicateRule? = nil,
        parse: ([String], UInt32) throws(RowFailure) -> Row,
        batch makeBatch: @escaping ([Row]) -> Batch
    ) async throws -> ImportReport {
        let records = try CSVRecords(path: path, header: expected, optionalTrailing: optionalTrailing, encoding: encoding)
        var report = ImportReport()
        var localErrors: [RowError] = []
        var localRejected: UInt64 = 0
        var progress = ProgressBar(label: label, total: records.size)
        var rows = 0
        var finder = DuplicateFinder()
        report.summary = try await client.clientStreaming(method, options: CallOptions(timeout: .seconds(24 * 3600))) { writer in
            var pending: [Row] = []
            pending.reserveCapacity(batchSize)
            var pendingBytes = 0
            while let (line, record) = try records.next() {
                do throws(RowFailure) {
                    let fields = try record.get()
                    let row = try parse(fields, line)
                    if let rule, let key = rule.key(fields) {
                        switch finder.check(key: key, fields: fields, line: line) {
                        case .first: break
                        case .identical(let first):
                            report.duplicates += 1
                            if report.notes.count < 1_000 {
                                report.notes.append(RowError(line: line, column: rule.column,
                                                             reason: Messages.Import.identicalDuplicate(what: rule.what, firstLine: first, outcome: Messages.Import.importedOnce).text()))
                            }
                            rows += 1
                            continue
                        case .different(let first):
                            throw RowFailure(line: line, column: rule.column,
                                             reason: Messages.Import.differingDuplicate(what: rule.what, firstLine: first, notDone: Messages.Import.notImported).text())
                        }
                    }
                    pending.append(row)
                    // An upper bound of the row's encoded size: each field's bytes, its tag and length.
                    pendingBytes += fields.reduce(16) { $0 + $1.utf8.count + 4 }
                } catch {
                    localRejected += 1
                    if localErrors.count < 1_000 { localErrors.append(error.rowError) }
                }
                rows += 1
                if pending.count >= batchSize || pendingBytes >= messageBytes {
                    try await writer.send(makeBatch(pending))
                    pending.removeAll(keepingCapacity: true)
                    pendingBytes = 0
                    progress.update(done: records.bytesRead, items: rows)
                }
            }
            if !pending.isEmpty { try await writer.send(makeBatch(pending)) }
        }
        progress.finish()
        report.summary.received += localRejected + report.duplicates
        report.summary.rejected += localRejected
        report.summary.errors = (report.summary.errors + localErrors).sorted { $0.line < $1.line }
        return report
    }

    /// Prints a summary; the exit code says whether every row went in.
    static func report(_ report: ImportReport, file: String, seconds: Double) throws {
        let summary = report.summary
        print(Messages.Import.took(file: file, rows: summary.received, seconds: String(format: "%.1f", seconds),
                                   rate: String(format: "%.0f", Double(summary.received) / max(seconds, 0.001))).text())
        let labels = [Messages.Import.accepted, Messages.Import.alreadyRegistered, Messages.Import.duplicatesInFile, Messages.Import.rejected]
        let width = labels.map { TextWidth.columns($0.text()) }.max() ?? 0
        func line(_ label: Message, _ value: UInt64) { print("  " + TextWidth.padded(label.text(), to: width) + "  \(value)") }
        line(Messages.Import.accepted, summary.accepted)
        line(Messages.Import.alreadyRegistered, summary.alreadyRegistered)
        if report.duplicates > 0 {
            line(Messages.Import.duplicatesInFile, report.duplicates)
        }
        line(Messages.Import.rejected, summary.rejected)
        let shown = (report.notes + summary.errors).sorted { $0.line < $1.line }.prefix(50)
        for error in shown {
            print("  " + Messages.Import.lineError(line: error.line, column: error.column, reason: error.reason).text())
        }
        let listed = UInt64(shown.count)
        let total = summary.rejected + report.duplicates
        if total > listed {
            print("  " + Messages.Import.more(total - listed).text())
        }
        if summary.rejected > 0 { throw ExitCode(3) }
    }

    /// Writes every reported row error to a CSV file (`line,column,reason`).
    static func writeErrors(_ summary: ImportSummary, to path: String) throws {
        var text = CSVRow.format(["line", "column", "reason"]) + "\n"
        for error in summary.errors {
            text += CSVRow.format([String(error.line), error.column, error.reason]) + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// What an import did: the service's summary with the client's own rejections added, and the
/// rows the client left out as identical duplicates of an earlier line.
struct ImportReport {
    var summary = ImportSummary()
    /// Rows identical to an earlier row with the same key: counted as received, not sent.
    var duplicates: UInt64 = 0
    /// One note per such row (the first 1,000).
    var notes: [RowError] = []
}

/// Which records of a file must not describe the same thing twice.
struct DuplicateRule: Sendable {
    /// The column reported (`id_number`).
    let column: String
    /// What is the same, in words (`ID number`).
    let what: Message
    /// The record's key; nil when it has none the service would accept anyway.
    let key: @Sendable ([String]) -> UInt64?
}
