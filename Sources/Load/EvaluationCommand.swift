import ArgumentParser
import JCSkillsLoad
import JCSkillsMessages

struct EvaluationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluation",
        abstract: Messages.Load.Help.evaluationServiceSMixAbstract.text(),
        discussion: Messages.Load.Help.operationsDefaultWeightsMixDiscussion.text())

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.certificatesIssuedBeforeRunHelp.text(), valueName: "n"))
    var fixtures: Int = 200

    func validate() throws {
        guard fixtures >= 1 else { throw ValidationError(Messages.Load.mustBeAtLeastOne("--fixtures").text()) }
    }

    func run() async throws {
        try await runWorkload(EvaluationWorkload(fixtureCount: fixtures), target, defaultService: "evaluation")
    }
}
