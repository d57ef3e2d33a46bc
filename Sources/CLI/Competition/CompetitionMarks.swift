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
        abstract: "Submit a judge's marks from a CSV file (SubmitMarks), as the judge --as names.",
        discussion: """
            Columns: \(CompetitionCSVFormat.markHeader.joined(separator: ",")); mark in marks with \
            at most two decimals (12.50), at most the criterion's maximum. The marks are recorded \
            under the identity the TLS handshake proves — present the judge's own certificate \
            with --as judge-<code> — and only for events that list that judge \
            (PERMISSION_DENIED otherwise). A measurement has one mark, from any judge of the \
            event (a later one replaces it); a judgement takes three judges' scores, a fourth is \
            refused (three_judges). The file's rows go by event in sheets of up to \
            \(MarkSheet.limit) marks; each sheet is recorded all or none, so one bad mark (above \
            the maximum, an unknown entry or criterion) refuses its sheet: the sheet is reported \
            once, at that row's line with its reason, and all its rows count as rejected. A closed event refuses every \
            sheet (event_open). Sending the file again changes nothing (unchanged), a corrected \
            mark replaces the judge's earlier one while the event is open. Exit 0 when every row \
            went in, 3 when some were refused.
            Example:
              jcskills competition marks --as judge-J01 demo/marks_J01.csv
            """)
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var input: CSVImportOptions
    @Argument(help: ArgumentHelp("The judge's marks.csv.", valueName: "file")) var file: String
    @Option(name: .long, help: ArgumentHelp("Write every refused row to this CSV file (line,column,reason).", valueName: "file")) var errors: String?
    @Option(name: .long, help: "Marks per sheet (at most \(MarkSheet.limit)); each sheet is one transaction.") var sheet: Int = MarkSheet.limit

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
