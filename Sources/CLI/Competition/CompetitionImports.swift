import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// The competition office's file commands. Competitions, events and studios — tens of rows —
/// are one call a row through ``TrainingImports/eachRow(file:header:encoding:label:_:)`` (a
/// refused row reported by line and the rest carried on); entries go through the
/// `ImportEntries` stream (``entryStream(file:encoding:client:batchSize:)``), or one `Enter` a
/// row when their competitor numbers are wanted; marks go as the judge's sheets
/// (``CompetitionMarkSheets``).
enum CompetitionImports {
    /// Registers the competitions of a competitions.csv; one registered exactly so already is
    /// not sent again, one that differs is updated (and noted).
    static func competitions(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> ImportReport {
        var finder = DuplicateFinder()
        let code = CompetitionCSVFormat.CompetitionColumn.code
        return try await TrainingImports.eachRow(file: file, header: CompetitionCSVFormat.competitionHeader, encoding: encoding, label: Messages.Import.Label.competitions.text()) { line, fields, report in
            let competition = try CompetitionCSVMapping.competition(fields, line: line)
            guard try TrainingImports.check(&finder, fields, key: competition.code, line: line, column: code.rawValue, what: Messages.Import.Key.competitionCode, into: &report) else { return }
            let existing: Competition?
            do {
                existing = try await client.unary(CompetitionService.getCompetition, CompetitionLookup(code: competition.code)).competition
            } catch let error as RPCError where error.code == .notFound {
                existing = nil
            }
            if existing == competition {
                report.summary.alreadyRegistered += 1
                return
            }
            _ = try await client.unary(CompetitionService.registerCompetition, competition)
            report.summary.accepted += 1
            if existing != nil, report.notes.count < 1_000 {
                report.notes.append(RowError(line: line, column: code.rawValue, reason: Messages.Import.registeredWithOtherValues(Messages.Competition.competitionWord, code: competition.code).text()))
            }
        }
    }

    /// Registers the events of an events.csv; an event registered exactly so already is not
    /// sent again, one that differs is registered again (the service refuses it once it has
    /// marks: scheme_fixed).
    static func events(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> ImportReport {
        var finder = DuplicateFinder()
        var known: [String: [String: Event]] = [:]
        return try await TrainingImports.eachRow(file: file, header: CompetitionCSVFormat.eventHeader, encoding: encoding, label: Messages.Import.Label.events.text()) { line, fields, report in
            let event = try CompetitionCSVMapping.event(fields, line: line)
            guard try TrainingImports.check(&finder, fields, key: event.competitionCode + "/" + event.code, line: line,
                                            column: CompetitionCSVFormat.EventColumn.code.rawValue, what: Messages.Import.Key.competitionAndEvent, into: &report)
            else { return }
            if known[event.competitionCode] == nil {
                do {
                    let list = try await client.unary(CompetitionService.listEvents, CompetitionLookup(code: event.competitionCode))
                    known[event.competitionCode] = Dictionary(list.events.map { ($0.event.code, $0.event) }, uniquingKeysWith: { first, _ in first })
                } catch let error as RPCError where error.code == .notFound {
                    throw RowFailure(line: line, column: CompetitionCSVFormat.EventColumn.competitionCode.rawValue, reason: error.message)
                }
            }
            let existing = known[event.competitionCode]?[event.code]
            if existing == event {
                report.summary.alreadyRegistered += 1
                return
            }
            _ = try await client.unary(CompetitionService.registerEvent, event)
            known[event.competitionCode]?[event.code] = event
            report.summary.accepted += 1
            if existing != nil, report.notes.count < 1_000 {
                report.notes.append(RowError(line: line, column: CompetitionCSVFormat.EventColumn.code.rawValue,
                                             reason: Messages.Import.registeredWithOtherValues(Messages.Competition.event, code: event.code).text()))
            }
        }
    }

    /// An entries.csv through the `ImportEntries` stream, `batchSize` rows a message (the
    /// service asks the registry once per message and enters its rows in one transaction); a
    /// person already in the event counts as already registered. The service numbers a refused
    /// row by its place in the stream — an ``EntryRequest`` carries no line — so the rows' file
    /// lines are kept here and its row errors mapped back to them.
    /// `enteredOn` (yyyymmdd; 0: today) dates every row's entry: the file has no date of its own.
    static func entryStream(file: String, encoding: CSVTextEncoding = .auto, enteredOn: Int32 = 0, client: RPCClient,
                            batchSize: Int = EntryBatch.limit) async throws -> ImportReport {
        typealias Column = CompetitionCSVFormat.EntryColumn
        let records = try CSVRecords(path: file, header: CompetitionCSVFormat.entryHeader, encoding: encoding)
        var report = ImportReport()
        var localErrors: [RowError] = []
        var localRejected: UInt64 = 0
        var sentLines: [UInt32] = []
        var progress = ProgressBar(label: Messages.Import.Label.entries.text(), total: records.size)
        var rows = 0
        var finder = DuplicateFinder()
        report.summary = try await client.clientStreaming(CompetitionService.importEntries, options: CallOptions(timeout: .seconds(24 * 3600))) { writer in
            var pending: [EntryRequest] = []
            while let (line, record) = try records.next() {
                rows += 1
                do throws(RowFailure) {
                    let fields = try record.get()
                    var request = try CompetitionCSVMapping.entry(fields, line: line)
                    request.enteredOn = enteredOn
                    let key = DuplicateFinder.key([request.competitionCode, request.eventCode, request.idNumber].joined(separator: ","))
                    if let key {
                        switch finder.check(key: key, fields: fields, line: line) {
                        case .first: break
                        case .identical(let first):
                            report.duplicates += 1
                            if report.notes.count < 1_000 {
                                report.notes.append(RowError(line: line, column: Column.idNumber.rawValue, reason: Messages.Import.identicalDuplicate(what: Messages.Import.Key.personAndEvent, firstLine: first, outcome: Messages.Import.enteredOnce).text()))
                            }
                            continue
                        case .different(let first):
                            throw RowFailure(line: line, column: Column.idNumber.rawValue,
                                             reason: Messages.Import.differingDuplicate(what: Messages.Import.Key.personAndEvent, firstLine: first, notDone: Messages.Import.notSent).text())
                        }
                    }
                    pending.append(request)
                    sentLines.append(line)
                } catch {
                    localRejected += 1
                    if localErrors.count < 1_000 { localErrors.append(error.rowError) }
                }
                if pending.count >= batchSize {
                    try await writer.send(EntryBatch(entries: pending))
                    pending.removeAll(keepingCapacity: true)
                    progress.update(done: records.bytesRead, items: rows)
                }
            }
            if !pending.isEmpty { try await writer.send(EntryBatch(entries: pending)) }
        }
        progress.finish()
        report.summary.errors = report.summary.errors.map { error in
            var error = error
            let index = Int(error.line) - 1
            if sentLines.indices.contains(index) { error.line = sentLines[index] }
            return error
        }
        report.summary.received += localRejected + report.duplicates
        report.summary.rejected += localRejected
        report.summary.errors = (report.summary.errors + localErrors).sorted { $0.line < $1.line }
        return report
    }

    /// One entry of a file as the service numbered it (new, or found already entered).
    struct Entered: Sendable {
        let line: UInt32
        let competitionCode: String
        let eventCode: String
        let number: String
    }

    /// Enters the rows of an entries.csv, one `Enter` call each (entering again returns the
    /// first entry, so a retry is safe). Slower than ``entryStream(file:encoding:client:batchSize:)``,
    /// but every answer carries the competitor number the judges' sheets name. With one call in
    /// flight (the default) the numbers follow the file's order; the plan demo sends
    /// ``TrainingImports/callsInFlight`` at once (14,000 entries, each confirmed with the registry).
    /// `enteredOn` (yyyymmdd; 0: today) dates every row's entry: the file has no date of its own.
    static func enterEach(file: String, encoding: CSVTextEncoding = .auto, enteredOn: Int32 = 0, inFlight: Int = 1,
                          client: RPCClient) async throws -> (report: ImportReport, entered: [Entered]) {
        var finder = DuplicateFinder()
        var requests: [(line: UInt32, row: EntryRequest)] = []
        var report = try await TrainingImports.eachRow(file: file, header: CompetitionCSVFormat.entryHeader, encoding: encoding, label: Messages.Import.Label.entries.text()) { line, fields, report in
            var request = try CompetitionCSVMapping.entry(fields, line: line)
            request.enteredOn = enteredOn
            guard try TrainingImports.check(&finder, fields, key: [request.competitionCode, request.eventCode, request.idNumber].joined(separator: ","),
                                            line: line, column: CompetitionCSVFormat.EntryColumn.idNumber.rawValue, what: Messages.Import.Key.personAndEvent, into: &report)
            else { return }
            requests.append((line, request))
        }
        var entered: [Entered] = []
        let outcomes = try await TrainingImports.concurrently(requests, inFlight: inFlight, file: file, label: Messages.Import.Label.entries.text()) { request in
            try await client.unary(CompetitionService.enter, request)
        }
        for (entry, outcome) in zip(requests, outcomes) {
            switch outcome {
            case .answered(let view):
                report.summary.accepted += 1
                entered.append(Entered(line: entry.line, competitionCode: entry.row.competitionCode, eventCode: entry.row.eventCode, number: view.number))
            case .refused(let error):
                TrainingImports.reject(error, into: &report)
            }
        }
        report.summary.errors.sort { $0.line < $1.line }
        return (report, entered)
    }

    /// Registers (or updates) the studios of a studios.csv, one `RegisterStudio` each; the
    /// evaluation service confirms each master's 技师 or 高级技师 certificate first.
    static func studios(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> ImportReport {
        var finder = DuplicateFinder()
        return try await TrainingImports.eachRow(file: file, header: CompetitionCSVFormat.studioHeader, encoding: encoding, label: Messages.Import.Label.studios.text()) { line, fields, report in
            let studio = try CompetitionCSVMapping.studio(fields, line: line)
            guard try TrainingImports.check(&finder, fields, key: studio.code, line: line, column: CompetitionCSVFormat.StudioColumn.code.rawValue,
                                            what: Messages.Import.Key.studioCode, into: &report)
            else { return }
            _ = try await client.unary(CompetitionService.registerStudio, studio)
            report.summary.accepted += 1
        }
    }

    /// Records the years of a studio_years.csv, one `RecordStudioYear` each (again: replaced).
    static func studioYears(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> ImportReport {
        var finder = DuplicateFinder()
        return try await TrainingImports.eachRow(file: file, header: CompetitionCSVFormat.studioYearHeader, encoding: encoding, label: Messages.Import.Label.studioYears.text()) { line, fields, report in
            let year = try CompetitionCSVMapping.studioYear(fields, line: line)
            guard try TrainingImports.check(&finder, fields, key: "\(year.studioCode)/\(year.year)", line: line,
                                            column: CompetitionCSVFormat.StudioYearColumn.studioCode.rawValue, what: Messages.Import.Key.studioAndYear, into: &report)
            else { return }
            _ = try await client.unary(CompetitionService.recordStudioYear, year)
            report.summary.accepted += 1
        }
    }
}
