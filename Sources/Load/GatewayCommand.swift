import ArgumentParser
import JCSkillsLoad
import JCSkillsMessages

struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: Messages.Load.Help.gatewaySMixTotalsAbstract.text(),
        discussion: Messages.Load.Help.operationsDefaultWeightsCityDiscussion.text())

    @OptionGroup var target: TargetOptions

    @Flag(name: .long, help: ArgumentHelp(Messages.Load.Help.letGatewayAnswerFromHelp.text()))
    var cached = false

    func run() async throws {
        try await runWorkload(GatewayWorkload(fresh: !cached), target, defaultService: "gateway")
    }
}
