import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC

/// Streams a CSV file to an import method in batches, with a progress bar; rows the client
/// cannot read are reported with the server's rejections, by line number.
enum CSVImporter {
    static func run<Row: WireMessage, Batch: WireMessage>(
        path: String, header expected: [String], label: String,
        client: RPCClient, method: Method<Batch, ImportSummary>, batchSize: Int = 500,
        parse: ([String], UInt32) throws(RowFailure) -> Row,
        batch makeBatch: @escaping ([Row]) -> Batch
    ) async throws -> ImportSummary {
        let reader = try LineReader(path: path)
        guard let headerLine = try reader.next() else { throw CLIError("\(path) is empty") }
        let header = try CSVRow.parse(headerLine.hasPrefix("\u{FEFF}") ? String(headerLine.dropFirst()) : headerLine)
        guard header == expected else {
            throw CLIError("\(path): the header is\n  \(header.joined(separator: ","))\nexpected\n  \(expected.joined(separator: ","))")
        }
        var localErrors: [RowError] = []
        var localRejected: UInt64 = 0
        var progress = ProgressBar(label: label, total: reader.size)
        var rows = 0
        var summary = try await client.clientStreaming(method, options: CallOptions(timeout: .seconds(24 * 3600))) { writer in
            var pending: [Row] = []
            pending.reserveCapacity(batchSize)
            var line: UInt32 = 1
            while let text = try reader.next() {
                line += 1
                guard !text.isEmpty else { continue }
                do throws(RowFailure) {
                    let fields: [String]
                    do {
                        fields = try CSVRow.parse(text)
                    } catch {
                        throw RowFailure(line: line, column: "", reason: "\(error)")
                    }
                    pending.append(try parse(fields, line))
                } catch {
                    localRejected += 1
                    if localErrors.count < 1_000 { localErrors.append(error.rowError) }
                }
                rows += 1
                if pending.count == batchSize {
                    try await writer.send(makeBatch(pending))
                    pending.removeAll(keepingCapacity: true)
                    progress.update(done: reader.bytesRead, items: rows)
                }
            }
            if !pending.isEmpty { try await writer.send(makeBatch(pending)) }
        }
        progress.finish()
        summary.received += localRejected
        summary.rejected += localRejected
        summary.errors = (summary.errors + localErrors).sorted { $0.line < $1.line }
        return summary
    }

    /// Prints a summary; the exit code says whether every row went in.
    static func report(_ summary: ImportSummary, file: String, seconds: Double) throws {
        print("\(file): \(summary.received) rows in \(String(format: "%.1f", seconds)) s (\(String(format: "%.0f", Double(summary.received) / max(seconds, 0.001))) rows/s)")
        print("  accepted            \(summary.accepted)")
        print("  already registered  \(summary.alreadyRegistered)")
        print("  rejected            \(summary.rejected)")
        for error in summary.errors.prefix(50) {
            print("  line \(error.line)\(error.column.isEmpty ? "" : ", \(error.column)"): \(error.reason)")
        }
        if summary.errors.count > 50 || summary.rejected > UInt64(summary.errors.count) {
            print("  … \(summary.rejected - 50) more rejected rows (use --errors FILE to list them all)")
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
