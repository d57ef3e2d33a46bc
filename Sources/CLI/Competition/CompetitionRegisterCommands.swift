import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills competition register FILE`: competitions from a CSV file, as `training courses
/// register` takes courses.
struct CompetitionRegister: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register (or update) the competitions of a competitions.csv, one RegisterCompetition call each.",
        discussion: """
            Columns: \(CompetitionCSVFormat.competitionHeader.joined(separator: ",")). \
            kind: \(CompetitionCSVFormat.kind.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", ")). \
            level: \(CompetitionCSVFormat.level.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", ")); \
            county: the county of a county-level competition, else 0 or empty. The award rule: an \
            entry is awarded when its rank is within top_count or within top_share_percent of \
            the event's entries (rounded up), whichever names fewer (0 leaves a bound out; ties at \
            the cut-off are all awarded); names_technical_experts and promotes_one_level true or \
            false; institution_code the evaluation institution that issues the promoted \
            certificates (required when promoting). A competition is keyed by its code: a row \
            for a registered one updates it (noted), an identical one is not sent again. Exit 0 \
            when every row went in, 3 when some were refused.
            Example:
              jcskills competition register demo/competitions.csv
            """)
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var input: CSVImportOptions
    @Argument(help: ArgumentHelp("competitions.csv", valueName: "file")) var file: String
    @Option(name: .long, help: ArgumentHelp("Write every refused row to this CSV file (line,column,reason).", valueName: "file")) var errors: String?

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
        abstract: "Competitions of a year (or every year), newest first, with their events and entries.",
        discussion: """
            Anyone identified may list competitions: they hold no personal data.
            Examples:
              jcskills competition list --year 2021
              jcskills competition list --json
            """)
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: "Year; 0 for every year.") var year: Int32 = 0

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
        abstract: "One competition by its code: kind, year, organiser, level, award rule, events and entries.",
        discussion: "Example: jcskills competition show JC-2021-CITY")
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Argument(help: ArgumentHelp("The competition's code, e.g. JC-2021-CITY.", valueName: "code")) var code: String

    func run() async throws {
        let view = try await target.call { client in try await client.unary(CompetitionService.getCompetition, CompetitionLookup(code: code)) }
        print(output.json ? CompetitionJSON.render(CompetitionJSON.competition(view)) : CompetitionReports.competition(view))
    }
}
