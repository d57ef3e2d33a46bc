import ArgumentParser
import JCSkillsLoad
import JCSkillsMessages

struct EchoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo",
        abstract: "Unary echo calls with a fixed payload: the protocol's own cost, against any service.",
        discussion: """
            Every service answers jcskills.Echo for the admin identity.
            Examples:
              jcskills-load echo --concurrency 64 --duration 10
              jcskills-load echo --service evaluation --rate 20000 --duration 30 --json > open.json
            """)

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: ArgumentHelp("Payload bytes per request and response.", valueName: "bytes"))
    var payload: Int = 200

    func validate() throws {
        guard payload >= 0 else { throw ValidationError(Messages.Load.payloadNotNegative.text()) }
    }

    func run() async throws {
        try await runWorkload(EchoWorkload(payloadBytes: payload), target)
    }
}
