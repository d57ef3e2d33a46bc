import ArgumentParser
import JCSkillsMessages
import JCSkillsProtocol

extension EvaluationCommand {
    struct Baseline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Evaluation.Help.declaredStockHoldersCertifiedAbstract.text(),
            subcommands: [Declare.self, Show.self], defaultSubcommand: Show.self)

        struct Declare: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Messages.Evaluation.Help.declareSoManyPersonsAbstract.text(),
                discussion: Messages.Evaluation.Help.declaringAgainReplacesNumberDiscussion.text())
            @OptionGroup var target: Target
            @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.countyCodeHelp.text())) var county: Int32
            @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.highestLevelHoldersCertificatesHelp.text())) var level: Int32
            @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.numberPersonsHelp.text())) var persons: UInt64
            @Option(name: .customLong("as-of"), help: ArgumentHelp(Messages.Evaluation.Help.dateStockWasMeasuredHelp.text(), valueName: "date"))
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
            static let configuration = CommandConfiguration(abstract: Messages.Evaluation.Help.showDeclaredBaselineHowAbstract.text())
            @OptionGroup var target: Target
            @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.countyCodeAllHelp.text())) var county: Int32 = 0

            func run() async throws {
                let report = try await target.call { client in try await client.unary(EvaluationService.baseline, BaselineRequest(county: county)) }
                print(EvaluationReports.baselineHeader)
                for entry in report.entries { print(EvaluationReports.baseline(entry)) }
            }
        }
    }
}
