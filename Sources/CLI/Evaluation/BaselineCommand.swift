import ArgumentParser
import JCSkillsMessages
import JCSkillsProtocol

extension EvaluationCommand {
    struct Baseline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The declared stock of holders certified before the system (per county and level).",
            subcommands: [Declare.self, Show.self], defaultSubcommand: Show.self)

        struct Declare: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Declare so many persons in a county whose highest certificate is at a level, as of a date.",
                discussion: """
                    Declaring again replaces the number (the same declaration twice changes nothing). \
                    Persons later identified by an imported pre_system certificate are taken out of it, \
                    so nobody is counted twice. Admin or evaluation-office only; audited.
                    """)
            @OptionGroup var target: Target
            @Option(name: .long, help: "County code.") var county: Int32
            @Option(name: .long, help: "Highest level 1–5; 0 for holders of certificates without levels only.") var level: Int32
            @Option(name: .long, help: "Number of persons.") var persons: UInt64
            @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the stock was measured (yyyy-mm-dd).", valueName: "date"))
            var asOf: String

            func run() async throws {
                guard let date = CalendarDate.parse(asOf) else { throw ValidationError("--as-of: " + Messages.Import.notADate(asOf).text()) }
                let entry = try await target.call { client in
                    try await client.unary(EvaluationService.declareBaseline,
                                           BaselineDeclaration(county: county, level: SkillLevel(rawValue: level), persons: persons, asOf: date.yyyymmdd))
                }
                print(EvaluationReports.baselineHeader)
                print(EvaluationReports.baseline(entry))
            }
        }

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show the declared baseline and how much of it imports have claimed.")
            @OptionGroup var target: Target
            @Option(name: .long, help: "County code; 0 for all.") var county: Int32 = 0

            func run() async throws {
                let report = try await target.call { client in try await client.unary(EvaluationService.baseline, BaselineRequest(county: county)) }
                print(EvaluationReports.baselineHeader)
                for entry in report.entries { print(EvaluationReports.baseline(entry)) }
            }
        }
    }
}
