import ArgumentParser
import JCSkillsLoad
import JCSkillsMessages

struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "The registry's mix: look-ups, registrations of fresh generated persons, statistics.",
        discussion: """
            Operations and default weights: lookup 70 (GetPerson), register 20 (RegisterPerson,
            a new valid person each call), aggregate 10 (Statistics, city and counties in
            turn), verify 0 (VerifyPerson). Before the warm-up, --fixtures persons are
            registered for look-ups to find. Registrations stay in the registry: point this
            at a test or local registry, not one holding real records.
            Default endpoint 127.0.0.1:7101. Example:
              jcskills-load registry --duration 10 --concurrency 64
              jcskills-load registry --mix lookup=50,register=40,aggregate=10 --rate 2000
            """)

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: ArgumentHelp("Persons registered before the run for look-ups to find.", valueName: "n"))
    var fixtures: Int = 200

    func validate() throws {
        guard fixtures >= 1 else { throw ValidationError(Messages.Load.mustBeAtLeastOne("--fixtures").text()) }
    }

    func run() async throws {
        try await runWorkload(RegistryWorkload(fixtureCount: fixtures), target, defaultService: "registry")
    }
}
