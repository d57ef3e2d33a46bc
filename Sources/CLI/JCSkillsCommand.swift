import ArgumentParser
import Foundation
import JCSkillsMessages
import JCSkillsServiceKit

@main
struct JCSkillsCommand: AsyncParsableCommand {
    static func main() async {
        // Writing to a closed pipe (`jcskills … | head`) must fail a write, not kill the process.
        signal(SIGPIPE, SIG_IGN)
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
        commandName: "jcskills",
        abstract: Messages.Client.abstract.text(),
        discussion: Messages.Client.discussion.text(),
        version: ServiceRunner.version,
        subcommands: [PKICommand.self, HealthCommand.self, LocalCommand.self, TotalsCommand.self, RegistryCommand.self, TrainingCommand.self, EvaluationCommand.self, CompetitionCommand.self, StudioCommand.self, CertCommand.self, DemoDataCommand.self, BackupCommand.self, RestoreCommand.self, KeysCommand.self])

    @OptionGroup var client: ClientOptions
}
