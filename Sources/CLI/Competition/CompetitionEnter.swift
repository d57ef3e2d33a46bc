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
        abstract: "Enter a person in an event by ID number and name, or every row of an entries.csv.",
        discussion: """
            A worker must hold an active registry card: the service asks the registry (registry \
            unreachable: UNAVAILABLE, nothing written; no card: registered_worker) and the entry \
            counts in the registry's county. A student names the school and its county instead. \
            A person enters an event once: entering again returns the first entry. The competitor \
            number (E01-0007) is what the judges' sheets name.
            A file (columns \(CompetitionCSVFormat.entryHeader.joined(separator: ","))) is streamed \
            to ImportEntries in messages of up to \(EntryBatch.limit) rows: the registry is asked \
            once per message, a person already in the event counts as already registered \
            (importing a file again enters nobody twice), and every refused row is reported with \
            its line, column and reason. With --numbers each row is entered by its own Enter call \
            instead (slower), and every row's competitor number is written out. Exit 0 when every \
            row went in, 3 when some were refused.
            Examples:
              jcskills competition enter --competition JC-2021-CITY --event E01 --id-number 140524199001011239 --name 张伟
              jcskills competition enter --competition JC-2021-CITY --event E07 --id-number … --name … --school 陵川县职业技术学校 --county 140524
              jcskills competition enter demo/entries.csv
              jcskills competition enter demo/entries.csv --numbers numbers.csv
            """)
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var input: CSVImportOptions
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: ArgumentHelp("The competition's code.", valueName: "code")) var competition: String?
    @Option(name: .long, help: ArgumentHelp("The event's code.", valueName: "code")) var event: String?
    @Option(name: .customLong("id-number"), help: ArgumentHelp("The person's 18-character ID number.", valueName: "id")) var idNumber: String?
    @Option(name: .long, help: "The person's name.") var name: String?
    @Option(name: .long, help: "A student's school.") var school: String = ""
    @Option(name: .long, help: "A student's county code.") var county: Int32 = 0
    @Argument(help: ArgumentHelp("An entries.csv instead of the flags.", valueName: "file")) var file: String?
    @Option(name: .long, help: ArgumentHelp("With a file: write every refused row to this CSV file.", valueName: "file")) var errors: String?
    @Option(name: .long, help: ArgumentHelp("With a file: enter row by row and write competition_code,event_code,line,entry_number of every row.", valueName: "file"))
    var numbers: String?
    @Option(name: .long, help: "With a file: rows per message (at most \(EntryBatch.limit)).") var batch: Int = EntryBatch.limit

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
        if let file { return try await enterFile(file) }
        var request = EntryRequest()
        request.competitionCode = competition!
        request.eventCode = event!
        request.idNumber = idNumber!.uppercased()
        request.name = name!
        request.school = school
        request.county = county
        let view = try await target.call(attempts: 3) { client in try await client.unary(CompetitionService.enter, request) }
        print(output.json ? CompetitionJSON.render(CompetitionJSON.entry(view)) : CompetitionReports.entry(view))
    }

    private func enterFile(_ file: String) async throws {
        let started = Date()
        let report: ImportReport
        if let numbers {
            let entered: [CompetitionImports.Entered]
            (report, entered) = try await target.call(timeout: .seconds(60), attempts: 3) { client in
                try await CompetitionImports.enterEach(file: file, encoding: input.encoding, client: client)
            }
            var sink = try FileCSVSink(path: numbers)
            try sink.writeRecord(["competition_code", "event_code", "line", "entry_number"])
            for row in entered { try sink.writeRecord([row.competitionCode, row.eventCode, String(row.line), row.number]) }
            try sink.close()
        } else {
            report = try await target.call(timeout: .seconds(24 * 3600)) { client in
                try await CompetitionImports.entryStream(file: file, encoding: input.encoding, client: client, batchSize: batch)
            }
        }
        if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
        try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
    }
}
