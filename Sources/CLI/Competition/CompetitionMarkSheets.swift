import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// A judge's marks file sent as `SubmitMarks` sheets: the rows grouped by event (a judge may
/// sit on several), up to ``MarkSheet/limit`` marks a sheet. The service writes a sheet all or
/// none, so a refused sheet rejects every row in it, reported once: at the line of the mark the
/// refusal names (`marks[i]…`), or the sheet's first. The judge is whoever
/// the client's certificate says (`--as judge-J01`), never a column of the file.
enum CompetitionMarkSheets {
    struct Outcome {
        var report = ImportReport()
        /// Judgement marks complete and beyond their spread bound after the sheets.
        var flagged: UInt64 = 0
        var sheets = 0
    }

    private struct Row {
        let line: UInt32
        let mark: Mark
    }

    /// `renumber`, when given, maps a file's competitor number (in its competition and event)
    /// to the one the service gave (`local up --demo`: the demo numbers entries as a service
    /// that started empty would); nil for a number it lacks makes that row's error.
    static func submit(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient, sheetSize: Int = MarkSheet.limit,
                       renumber: ((EventLookup, String) -> String?)? = nil) async throws -> Outcome {
        typealias Column = CompetitionCSVFormat.MarkColumn
        let records = try CSVRecords(path: file, header: CompetitionCSVFormat.markHeader, encoding: encoding)
        var outcome = Outcome()
        var groups: [EventLookup: [Row]] = [:]
        var order: [EventLookup] = []
        var finder = DuplicateFinder()
        while let (line, record) = try records.next() {
            outcome.report.summary.received += 1
            do throws(RowFailure) {
                let fields = try record.get()
                var (event, mark) = try CompetitionCSVMapping.mark(fields, line: line)
                let key = [event.competitionCode, event.eventCode, mark.entryNumber, mark.criterionCode].joined(separator: ",")
                if let key = DuplicateFinder.key(key) {
                    switch finder.check(key: key, fields: fields, line: line) {
                    case .first: break
                    case .identical(let first):
                        outcome.report.duplicates += 1
                        outcome.report.notes.append(RowError(line: line, column: Column.entryNumber.rawValue,
                                                             reason: Messages.Competition.identicalMark(first).text()))
                        continue
                    case .different(let first):
                        throw RowFailure(line: line, column: Column.mark.rawValue,
                                         reason: Messages.Competition.differingMark(first).text())
                    }
                }
                if let renumber {
                    guard let number = renumber(event, mark.entryNumber) else {
                        throw RowFailure(line: line, column: Column.entryNumber.rawValue, reason: Messages.Competition.entryNotMade(mark.entryNumber).text())
                    }
                    mark.entryNumber = number
                }
                if groups[event] == nil { order.append(event) }
                groups[event, default: []].append(Row(line: line, mark: mark))
            } catch {
                TrainingImports.reject(error.rowError, into: &outcome.report)
            }
        }
        for event in order {
            let rows = groups[event]!
            for start in stride(from: 0, to: rows.count, by: max(1, sheetSize)) {
                let chunk = Array(rows[start..<min(rows.count, start + max(1, sheetSize))])
                try await send(chunk, event: event, client: client, file: file, into: &outcome)
            }
        }
        return outcome
    }

    private static func send(_ rows: [Row], event: EventLookup, client: RPCClient, file: String, into outcome: inout Outcome) async throws {
        let sheet = MarkSheet(competitionCode: event.competitionCode, eventCode: event.eventCode, marks: rows.map(\.mark))
        do {
            let receipt = try await client.unary(CompetitionService.submitMarks, sheet)
            outcome.sheets += 1
            outcome.report.summary.accepted += UInt64(receipt.recorded)
            outcome.report.summary.alreadyRegistered += UInt64(receipt.unchanged)
            outcome.flagged += UInt64(receipt.flagged)
        } catch let error as RPCError {
            let lines = Messages.Competition.lines(rows.first!.line, rows.last!.line).text()
            let refusal = Messages.Errors.service(code: error.code.name, message: error.message)
            switch error.code {
            case .invalidArgument:
                // RuleViolation: "marks[i].<field>: <reason>" names the mark.
                let (index, column, reason) = named(error.message)
                if let index, rows.indices.contains(index) {
                    reject(rows, error: RowError(line: rows[index].line, column: column,
                                                 reason: Messages.Competition.sheetNotRecorded(reason, event: event.eventCode, marks: rows.count, lines: lines).text()),
                           into: &outcome.report)
                } else {
                    reject(rows, error: RowError(line: rows.first!.line, column: "", reason: Messages.Competition.sheetNotRecorded(refusal, event: event.eventCode, marks: rows.count, lines: lines).text()),
                           into: &outcome.report)
                }
            case .failedPrecondition, .permissionDenied, .notFound:
                // event_open, three_judges, not a judge of the event, no such event: the sheet's.
                reject(rows, error: RowError(line: rows.first!.line, column: "", reason: Messages.Competition.sheetNotRecorded(refusal, event: event.eventCode, marks: rows.count, lines: lines).text()),
                       into: &outcome.report)
            default:
                throw CLIError(Messages.Competition.sheetStopped(file: file, event: "\(event.competitionCode)/\(event.eventCode)", lines: lines, error: refusal))
            }
        }
    }

    /// Every row of a refused sheet counts as rejected; the sheet is reported once, at the line
    /// of the mark it names (or its first), rather than once for each of its rows.
    private static func reject(_ rows: [Row], error: RowError, into report: inout ImportReport) {
        report.summary.rejected += UInt64(rows.count)
        if report.summary.errors.count < 1_000 { report.summary.errors.append(error) }
    }

    /// `marks[12].mark: 30.50 is above …` → (12, "mark", "30.50 is above …").
    static func named(_ message: String) -> (index: Int?, column: String, reason: String) {
        guard message.hasPrefix("marks["), let close = message.firstIndex(of: "]"), let colon = message.firstIndex(of: ":"), close < colon else {
            return (nil, "", message)
        }
        let index = Int(message[message.index(message.startIndex, offsetBy: 6)..<close])
        var field = String(message[message.index(after: close)..<colon])
        if field.hasPrefix(".") { field.removeFirst() }
        let reason = message[message.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let column = switch field {
        case "entry_number": CompetitionCSVFormat.MarkColumn.entryNumber.rawValue
        case "criterion_code": CompetitionCSVFormat.MarkColumn.criterionCode.rawValue
        case "mark": CompetitionCSVFormat.MarkColumn.mark.rawValue
        default: ""
        }
        return (index, column, reason)
    }
}
