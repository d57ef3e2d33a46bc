import ArgumentParser
import JCSkillsLoad

struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Health checks (jcskills.Health/Check): the cheapest call any authenticated peer may make.",
        discussion: "Example: jcskills-load health --service gateway --as registry --duration 5")

    @OptionGroup var target: TargetOptions

    func run() async throws {
        try await runWorkload(HealthWorkload(), target)
    }
}
