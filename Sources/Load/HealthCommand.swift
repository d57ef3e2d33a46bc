import ArgumentParser
import JCSkillsLoad
import JCSkillsMessages

struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: Messages.Load.Help.healthChecksJcskillsHealthAbstract.text(),
        discussion: Messages.Load.Help.exampleJcskillsLoadHealthDiscussion.text())

    @OptionGroup var target: TargetOptions

    func run() async throws {
        try await runWorkload(HealthWorkload(), target)
    }
}
