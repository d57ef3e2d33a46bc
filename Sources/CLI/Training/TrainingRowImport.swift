import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// The row-by-row imports' common part: reading, progress, and which failures are a row's own.
extension TrainingImports {
    /// Reads `file` record by record with a progress bar and runs `body` on each. A row the
    /// client cannot read (`RowFailure`) or the service refuses (invalid, a rule, not allowed,
    /// not found) is that row's error; anything else — the service or a peer unreachable, a
    /// deadline — ends the run, naming the line: the rows before it went in, and running the
    /// file again counts them as already registered.
    static func eachRow(file: String, header: [String], optionalTrailing: Int = 0, encoding: CSVTextEncoding, label: String,
                        _ body: (UInt32, [String], inout ImportReport) async throws -> Void) async throws -> ImportReport {
        let records = try CSVRecords(path: file, header: header, optionalTrailing: optionalTrailing, encoding: encoding)
        var report = ImportReport()
        var progress = ProgressBar(label: label, total: records.size)
        var rows = 0
        defer { progress.finish() }
        while let (line, record) = try records.next() {
            report.summary.received += 1
            rows += 1
            do {
                try await body(line, try record.get(), &report)
            } catch let failure as RowFailure {
                reject(failure.rowError, into: &report)
            } catch let error as RPCError {
                guard let rowError = rowError(error, line: line) else {
                    throw CLIError(Messages.Import.stoppedAt(file: file, line: line, error: Messages.Errors.service(code: error.code.name, message: error.message)))
                }
                reject(rowError, into: &report)
            }
            progress.update(done: records.bytesRead, items: rows)
        }
        return report
    }

    /// The row error for a refusal of a row's call; nil when the failure is not the row's.
    static func rowError(_ error: RPCError, line: UInt32) -> RowError? {
        switch error.code {
        case .invalidArgument:
            // RuleViolation: "<field>: <reason>", the field being the CSV column.
            guard let colon = error.message.firstIndex(of: ":") else { return RowError(line: line, column: "", reason: error.message) }
            let reason = error.message[error.message.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return RowError(line: line, column: String(error.message[..<colon]), reason: reason)
        case .failedPrecondition, .permissionDenied, .notFound, .alreadyExists:
            // RuleRefusal: "<rule>: <reason>" — the message names the rule.
            return RowError(line: line, column: "", reason: Messages.Errors.service(code: error.code.name, message: error.message))
        default:
            return nil
        }
    }

    /// What became of one row's call: its answer, or the row's refusal.
    enum RowCall<Answer: Sendable>: Sendable {
        case answered(Answer)
        case refused(RowError)
    }

    /// Rows whose calls go out at once: each is a round trip through a service that may ask
    /// another (a course looked up and registered, an entry confirmed with the registry), and
    /// one at a time the plan demo's 18,750 courses took about a minute.
    static let callsInFlight = 16

    /// Calls `call` for each of `rows`, `inFlight` at a time, with a progress bar; the
    /// outcomes in the rows' order (with one in flight, the calls are made in that order too). A refusal that is the row's own (``rowError(_:line:)``)
    /// is that row's outcome; anything else ends the run, naming the row's line.
    static func concurrently<Row: Sendable, Answer: Sendable>(
        _ rows: [(line: UInt32, row: Row)], inFlight: Int = callsInFlight, file: String, label: String,
        _ call: @escaping @Sendable (Row) async throws -> Answer
    ) async throws -> [RowCall<Answer>] {
        var progress = ProgressBar(label: label, total: UInt64(rows.count))
        defer { progress.finish() }
        return try await withThrowingTaskGroup(of: (Int, RowCall<Answer>).self) { group in
            var outcomes = [RowCall<Answer>?](repeating: nil, count: rows.count)
            var done = 0
            func collect(_ finished: (Int, RowCall<Answer>)) {
                outcomes[finished.0] = finished.1
                done += 1
                progress.update(done: UInt64(done), items: done)
            }
            for (index, entry) in rows.enumerated() {
                if index >= max(inFlight, 1), let finished = try await group.next() { collect(finished) }
                group.addTask {
                    do {
                        return (index, .answered(try await call(entry.row)))
                    } catch let error as RPCError {
                        guard let rowError = rowError(error, line: entry.line) else {
                            throw CLIError(Messages.Import.stoppedAt(file: file, line: entry.line, error: Messages.Errors.service(code: error.code.name, message: error.message)))
                        }
                        return (index, .refused(rowError))
                    }
                }
            }
            for try await finished in group { collect(finished) }
            return outcomes.map { $0! }
        }
    }

    static func reject(_ error: RowError, into report: inout ImportReport) {
        report.summary.rejected += 1
        if report.summary.errors.count < 1_000 { report.summary.errors.append(error) }
    }

    /// Whether a record goes on: false for a copy of an earlier line with the same `key`
    /// (counted and noted); a record with the same key but other values is that row's error.
    static func check(_ finder: inout DuplicateFinder, _ fields: [String], key: String, line: UInt32, column: String, what: Message,
                              into report: inout ImportReport) throws(RowFailure) -> Bool {
        guard let key = DuplicateFinder.key(key) else { return true }
        switch finder.check(key: key, fields: fields, line: line) {
        case .first:
            return true
        case .identical(let first):
            report.duplicates += 1
            report.notes.append(RowError(line: line, column: column, reason: Messages.Import.identicalDuplicate(what: what, firstLine: first, outcome: Messages.Import.sentOnce).text()))
            return false
        case .different(let first):
            throw RowFailure(line: line, column: column,
                             reason: Messages.Import.differingDuplicate(what: what, firstLine: first, notDone: Messages.Import.notSent).text())
        }
    }
}
