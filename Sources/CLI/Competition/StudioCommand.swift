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
        abstract: "Skill-master studios (技能大师工作室): register them, record their years' work, and the plan's report.",
        discussion: """
            The plan: one or two studios in every county and one in every large enterprise by the \
            end of 2020, fifty in the city by 2021. A studio's master must hold a valid 技师 or \
            高级技师 certificate (level 2 or 1, counting recognised equivalents), which the \
            competition service asks the evaluation service; otherwise FAILED_PRECONDITION \
            (studio_master_level). Writes are for admin, the competition office and county \
            offices for their own county.
            Examples:
              jcskills studio register demo/studios.csv
              jcskills studio year demo/studio_years.csv
              jcskills studio year --studio JC-MS-01 --year 2021 --apprentices 12 --problems 5
              jcskills studio list --as-of 2020-12-31
            """,
        subcommands: [Register.self, Year.self, List.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register (or update) the studios of a studios.csv, one RegisterStudio call each.",
            discussion: """
                Columns: \(CompetitionCSVFormat.studioHeader.joined(separator: ",")). \
                host_credit_code the host enterprise's unified social credit code, empty for a \
                studio its county hosts; level \(CompetitionCSVFormat.studioLevel.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", ")); \
                established_on yyyy-mm-dd. The evaluation service is asked about each master: \
                unreachable, the run stops at that line (UNAVAILABLE, nothing written for it). \
                Exit 0 when every row went in, 3 when some were refused.
                """)
        @OptionGroup var target: CompetitionCommand.Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("studios.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp("Write every refused row to this CSV file (line,column,reason).", valueName: "file")) var errors: String?

        func run() async throws {
            let started = Date()
            let report = try await target.call { client in try await CompetitionImports.studios(file: file, encoding: input.encoding, client: client) }
            if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
            try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
        }
    }

    struct Year: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a studio's year: apprentices mentored and technical problems solved (flags, or a studio_years.csv).",
            discussion: """
                A file has the columns \(CompetitionCSVFormat.studioYearHeader.joined(separator: ",")). \
                Recording a year again replaces it.
                """)
        @OptionGroup var target: CompetitionCommand.Target
        @OptionGroup var input: CSVImportOptions
        @OptionGroup var output: CompetitionCommand.Output
        @Argument(help: ArgumentHelp("A studio_years.csv instead of the flags.", valueName: "file")) var file: String?
        @Option(name: .long, help: ArgumentHelp("The studio's code.", valueName: "code")) var studio: String?
        @Option(name: .long, help: "The year.") var year: Int32?
        @Option(name: .long, help: "Apprentices mentored in the year.") var apprentices: UInt32 = 0
        @Option(name: .long, help: "Technical problems solved in the year.") var problems: UInt32 = 0
        @Option(name: .long, help: ArgumentHelp("With a file: write every refused row to this CSV file.", valueName: "file")) var errors: String?

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
            abstract: "The studios established by a date, with the plan's checks: counties without one, large enterprises without one, the total against 50.",
            discussion: """
                Large enterprises are the registry's of at least 300 staff; when the registry cannot \
                be asked in time that line says unknown. Masters' names and ID numbers are masked.
                Examples:
                  jcskills studio list
                  jcskills studio list --as-of 2020-12-31 --json
                """)
        @OptionGroup var target: CompetitionCommand.Target
        @OptionGroup var output: CompetitionCommand.Output
        @Option(name: .customLong("as-of"), help: ArgumentHelp("Date (yyyy-mm-dd); default today.", valueName: "date")) var asOf: String?

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
