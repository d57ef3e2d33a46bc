import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills competition enter`: one person, or a file of them.
struct CompetitionEnter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enter",
        abstract: Messages.Competition.Help.enterPersonEventIdAbstract.text(),
        discussion: Messages.Competition.Help.workerMustHoldActiveDiscussion("\(CompetitionCSVFormat.entryHeader.joined(separator: ","))", "\(EntryBatch.limit)").text())
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var input: CSVImportOptions
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.competitionSCodeHelp.text(), valueName: "code")) var competition: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.eventSCodeHelp.text(), valueName: "code")) var event: String?
    @Option(name: .customLong("id-number"), help: ArgumentHelp(Messages.Competition.Help.personSCharacterIdHelp.text(), valueName: "id")) var idNumber: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.personSNameHelp.text())) var name: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.studentSSchoolHelp.text())) var school: String = ""
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.studentSCountyCodeHelp.text())) var county: Int32 = 0
    @Argument(help: ArgumentHelp(Messages.Competition.Help.entriesCsvInsteadFlagsHelp.text(), valueName: "file")) var file: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.fileWriteEveryRefusedHelp.text(), valueName: "file")) var errors: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.fileEnterRowRowHelp.text(), valueName: "file"))
    var numbers: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.fileRowsPerMessageHelp("\(EntryBatch.limit)").text())) var batch: Int = EntryBatch.limit
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.dayPersonEnteredHelp.text(), valueName: "date")) var on: String?

    func validate() throws {
        if file == nil {
            guard competition != nil, event != nil, idNumber != nil, name != nil else {
                throw ValidationError(Messages.Competition.giveEntryFlags.text())
            }
            guard errors == nil, numbers == nil else { throw ValidationError(Messages.Import.errorsAndNumbersGoWithFile.text()) }
        } else if competition != nil || event != nil || idNumber != nil || name != nil {
            throw ValidationError(Messages.Import.flagsOrFile.text())
        } else if !(1...EntryBatch.limit).contains(batch) {
            throw ValidationError(Messages.Import.batchRange(EntryBatch.limit).text())
        }
    }

    func run() async throws {
        let day = try DayOption.parse(on)
        if let file { return try await enterFile(file, on: day) }
        var request = EntryRequest()
        request.competitionCode = competition!
        request.eventCode = event!
        request.idNumber = idNumber!.uppercased()
        request.name = name!
        request.school = school
        request.county = county
        request.enteredOn = day
        let view = try await target.call(attempts: 3) { client in try await client.unary(CompetitionService.enter, request) }
        print(output.json ? CompetitionJSON.render(CompetitionJSON.entry(view)) : CompetitionReports.entry(view))
    }

    private func enterFile(_ file: String, on day: Int32) async throws {
        let started = Date()
        let report: ImportReport
        if let numbers {
            let entered: [CompetitionImports.Entered]
            (report, entered) = try await target.call(timeout: .seconds(60), attempts: 3) { client in
                try await CompetitionImports.enterEach(file: file, encoding: input.encoding, enteredOn: day, client: client)
            }
            var sink = try FileCSVSink(path: numbers)
            try sink.writeRecord(["competition_code", "event_code", "line", "entry_number"])
            for row in entered { try sink.writeRecord([row.competitionCode, row.eventCode, String(row.line), row.number]) }
            try sink.close()
        } else {
            report = try await target.call(timeout: .seconds(24 * 3600)) { client in
                try await CompetitionImports.entryStream(file: file, encoding: input.encoding, enteredOn: day, client: client, batchSize: batch)
            }
        }
        if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
        try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
    }
}
