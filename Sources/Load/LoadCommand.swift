import ArgumentParser
import JCSkillsMessages

@main
struct LoadCommand: AsyncParsableCommand {
    static func main() async {
        // `--lang` is read by Language.current from the whole command line; the parser never sees it.
        let arguments = Language.removingFlag(from: Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exitInUsersLanguage(error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "jcskills-load",
        abstract: Messages.Load.Help.loadTestJcskillsServiceAbstract.text(),
        discussion: Messages.Load.Help.workloadsCallServiceOptionsDiscussion.text(),
        subcommands: [RegistryCommand.self, EvaluationCommand.self, TrainingCommand.self, CompetitionCommand.self, GatewayCommand.self, EchoCommand.self, HealthCommand.self, CodecCommand.self, StoreCommand.self, CompareCommand.self, AbuseCommand.self])
}
