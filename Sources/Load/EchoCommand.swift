import ArgumentParser
import JCSkillsLoad
import JCSkillsMessages

struct EchoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo",
        abstract: Messages.Load.Help.unaryEchoCallsFixedAbstract.text(),
        discussion: Messages.Load.Help.everyServiceAnswersJcskillsDiscussion.text())

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.payloadBytesPerRequestHelp.text(), valueName: "bytes"))
    var payload: Int = 200

    func validate() throws {
        guard payload >= 0 else { throw ValidationError(Messages.Load.payloadNotNegative.text()) }
    }

    func run() async throws {
        try await runWorkload(EchoWorkload(payloadBytes: payload), target)
    }
}
