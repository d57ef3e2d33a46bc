import ArgumentParser
import JCSkillsLoad
import JCSkillsMessages

struct EvaluationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluation",
        abstract: "The evaluation service's mix: verifications, issuance to fresh holders, counts.",
        discussion: """
            Operations and default weights (--mix): verify=70 (VerifyCertificate of an issued
            certificate), issue=20 (IssueCertificate, skill level 3, a new valid holder each
            call), counts=10 (Counts, city and counties in turn). Before the warm-up it
            registers an institution of its own (LOAD-<random>) and issues --fixtures
            certificates to verify. What it issues stays: point this at a test or local
            service. Default endpoint 127.0.0.1:7103. Example:
              jcskills-load evaluation --duration 10 --concurrency 64
            """)

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: ArgumentHelp("Certificates issued before the run for verifications to check.", valueName: "n"))
    var fixtures: Int = 200

    func validate() throws {
        guard fixtures >= 1 else { throw ValidationError(Messages.Load.mustBeAtLeastOne("--fixtures").text()) }
    }

    func run() async throws {
        try await runWorkload(EvaluationWorkload(fixtureCount: fixtures), target, defaultService: "evaluation")
    }
}
