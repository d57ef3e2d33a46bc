import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills competition register FILE`: competitions from a CSV file, as `training courses
/// register` takes courses.
struct CompetitionRegister: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: Messages.Competition.Help.registerUpdateCompetitionsCompetitionsAbstract.text(),
        discussion: Messages.Competition.Help.columnsKindCompetitioncsvformatKindDiscussion("\(CompetitionCSVFormat.competitionHeader.joined(separator: ","))", "\(CompetitionCSVFormat.kind.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", "))", "\(CompetitionCSVFormat.level.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", "))").text())
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var input: CSVImportOptions
    @Argument(help: ArgumentHelp("competitions.csv", valueName: "file")) var file: String
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.writeEveryRefusedRowHelp.text(), valueName: "file")) var errors: String?

    func run() async throws {
        let started = Date()
        let report = try await target.call { client in
            try await CompetitionImports.competitions(file: file, encoding: input.encoding, client: client)
        }
        if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
        try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
    }
}

/// `jcskills competition list`.
struct CompetitionListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: Messages.Competition.Help.competitionsYearEveryYearAbstract.text(),
        discussion: Messages.Competition.Help.anyoneIdentifiedMayListDiscussion.text())
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.yearEveryYearHelp.text())) var year: Int32 = 0

    func run() async throws {
        let list = try await target.call { client in
            try await client.unary(CompetitionService.listCompetitions, CompetitionListRequest(year: year))
        }
        print(output.json ? CompetitionJSON.render(["competitions": list.competitions.map(CompetitionJSON.competition)]) : CompetitionReports.competitionList(list))
    }
}

/// `jcskills competition show CODE`.
struct CompetitionShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: Messages.Competition.Help.oneCompetitionCodeKindAbstract.text(),
        discussion: Messages.Competition.Help.exampleJcskillsCompetitionShowDiscussion.text())
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Argument(help: ArgumentHelp(Messages.Competition.Help.competitionSCodeJcHelp.text(), valueName: "code")) var code: String

    func run() async throws {
        let view = try await target.call { client in try await client.unary(CompetitionService.getCompetition, CompetitionLookup(code: code)) }
        print(output.json ? CompetitionJSON.render(CompetitionJSON.competition(view)) : CompetitionReports.competition(view))
    }
}
