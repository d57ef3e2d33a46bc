import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills competition marks --as judge-J01 FILE`: a judge's marks.
struct CompetitionMarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marks",
        abstract: Messages.Competition.Help.submitJudgeSMarksAbstract.text(),
        discussion: Messages.Competition.Help.columnsMarkMarksMostDiscussion("\(CompetitionCSVFormat.markHeader.joined(separator: ","))", "\(MarkSheet.limit)").text())
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var input: CSVImportOptions
    @Argument(help: ArgumentHelp(Messages.Competition.Help.judgeSMarksCsvHelp.text(), valueName: "file")) var file: String
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.writeEveryRefusedRowHelp.text(), valueName: "file")) var errors: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.marksPerSheetMostHelp("\(MarkSheet.limit)").text())) var sheet: Int = MarkSheet.limit

    func validate() throws {
        guard (1...MarkSheet.limit).contains(sheet) else { throw ValidationError(Messages.Competition.sheetRange(MarkSheet.limit).text()) }
    }

    func run() async throws {
        let started = Date()
        let outcome = try await target.call(timeout: .seconds(120), attempts: 3) { client in
            try await CompetitionMarkSheets.submit(file: file, encoding: input.encoding, client: client, sheetSize: sheet)
        }
        print(Messages.Competition.sheetsRecorded(as: target.client.identityName, sheets: UInt64(outcome.sheets), flagged: UInt64(outcome.flagged)).text())
        if let errors { try CSVImporter.writeErrors(outcome.report.summary, to: errors) }
        try CSVImporter.report(outcome.report, file: file, seconds: Date().timeIntervalSince(started))
    }
}
