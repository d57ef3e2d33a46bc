import ArgumentParser
import JCSkillsLoad
import JCSkillsMessages

struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: Messages.Load.Help.registrySMixLookAbstract.text(),
        discussion: Messages.Load.Help.operationsDefaultWeightsLookupDiscussion.text())

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.personsRegisteredBeforeRunHelp.text(), valueName: "n"))
    var fixtures: Int = 200

    func validate() throws {
        guard fixtures >= 1 else { throw ValidationError(Messages.Load.mustBeAtLeastOne("--fixtures").text()) }
    }

    func run() async throws {
        try await runWorkload(RegistryWorkload(fixtureCount: fixtures), target, defaultService: "registry")
    }
}
