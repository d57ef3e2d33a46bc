import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills studio register|year|list`: skill-master studios (技能大师工作室), kept by the
/// competition service.
struct StudioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studio",
        abstract: Messages.Competition.Help.skillMasterStudiosRegisterAbstract.text(),
        discussion: Messages.Competition.Help.planOneTwoStudiosDiscussion.text(),
        subcommands: [Register.self, Year.self, List.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Competition.Help.registerUpdateStudiosStudiosAbstract.text(),
            discussion: Messages.Competition.Help.columnsHostCreditCodeDiscussion("\(CompetitionCSVFormat.studioHeader.joined(separator: ","))", "\(CompetitionCSVFormat.studioLevel.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", "))").text())
        @OptionGroup var target: CompetitionCommand.Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("studios.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.writeEveryRefusedRowHelp.text(), valueName: "file")) var errors: String?

        func run() async throws {
            let started = Date()
            let report = try await target.call { client in try await CompetitionImports.studios(file: file, encoding: input.encoding, client: client) }
            if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
            try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
        }
    }

    struct Year: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Competition.Help.recordStudioSYearAbstract.text(),
            discussion: Messages.Competition.Help.fileHasColumnsRecordingDiscussion("\(CompetitionCSVFormat.studioYearHeader.joined(separator: ","))").text())
        @OptionGroup var target: CompetitionCommand.Target
        @OptionGroup var input: CSVImportOptions
        @OptionGroup var output: CompetitionCommand.Output
        @Argument(help: ArgumentHelp(Messages.Competition.Help.studioYearsCsvInsteadHelp.text(), valueName: "file")) var file: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.studioSCodeHelp.text(), valueName: "code")) var studio: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.yearHelp.text())) var year: Int32?
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.apprenticesMentoredYearHelp.text())) var apprentices: UInt32 = 0
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.technicalProblemsSolvedYearHelp.text())) var problems: UInt32 = 0
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.fileWriteEveryRefusedHelp.text(), valueName: "file")) var errors: String?

        func validate() throws {
            if file == nil {
                guard studio != nil, year != nil else { throw ValidationError(Messages.Competition.giveStudioAndYear.text()) }
                guard errors == nil else { throw ValidationError(Messages.Import.errorsGoWithFile.text()) }
            } else if studio != nil || year != nil {
                throw ValidationError(Messages.Import.flagsOrFile.text())
            }
        }

        func run() async throws {
            if let file {
                let started = Date()
                let report = try await target.call { client in try await CompetitionImports.studioYears(file: file, encoding: input.encoding, client: client) }
                if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
                return try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
            }
            var record = StudioYear()
            record.studioCode = studio!
            record.year = year!
            record.apprenticesMentored = apprentices
            record.problemsSolved = problems
            let view = try await target.call(attempts: 3) { client in try await client.unary(CompetitionService.recordStudioYear, record) }
            print(output.json ? CompetitionJSON.render(CompetitionJSON.studio(view)) : CompetitionReports.studio(view).joined(separator: "\n"))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Competition.Help.studiosEstablishedDatePlanAbstract.text(),
            discussion: Messages.Competition.Help.largeEnterprisesAreRegistryDiscussion.text())
        @OptionGroup var target: CompetitionCommand.Target
        @OptionGroup var output: CompetitionCommand.Output
        @Option(name: .customLong("as-of"), help: ArgumentHelp(Messages.Competition.Help.dateYyyyMmDdHelp.text(), valueName: "date")) var asOf: String?

        func run() async throws {
            var day: Int32 = 0
            if let asOf {
                guard let date = CalendarDate.parse(asOf) else { throw ValidationError("--as-of: " + Messages.Import.notADate(asOf).text()) }
                day = date.yyyymmdd
            }
            let report = try await target.call { client in try await client.unary(CompetitionService.studios, StudiosRequest(asOf: day)) }
            print(output.json ? CompetitionJSON.render(CompetitionJSON.studios(report)) : CompetitionReports.studios(report))
        }
    }
}
