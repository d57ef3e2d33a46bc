import ArgumentParser
import JCSkillsLoad
import JCSkillsMessages
import JCSkillsRPC

struct TrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "The training service's mix: enrolments checked with the registry, results, the year's figures.",
        discussion: """
            Operations and default weights (--mix): enrol=60 (Enrol: a generated person into a
            one-day course; the training service asks the registry for each), result=30
            (RecordResult for a recent enrolment), indicators=10 (Indicators of this year, city
            and counties in turn), counts=0 (Counts, as the gateway reads them), list=0
            (ImportEnrolments: a class list of --list-size persons per call, the registry asked
            once per list). Before the warm-up it imports --persons generated persons into the
            registry at --registry (as the same identity, which needs registry write access:
            admin) and registers 300 courses of its own (LOAD-<random>-…). What it writes stays:
            point this at a test or local set. Default endpoint 127.0.0.1:7102. Examples:
              jcskills-load training --duration 10 --concurrency 64
              jcskills-load training --mix list=1 --requests 400 --concurrency 4 --persons 200000
            """)

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: ArgumentHelp("The registry the training service checks persons with.", valueName: "host:port"))
    var registry: String = "127.0.0.1:7101"

    @Option(name: .long, help: ArgumentHelp("Persons imported into the registry before the run; enrolments cycle through them course by course.", valueName: "n"))
    var persons: Int = 20_000

    @Option(name: .long, help: ArgumentHelp("Rows per class list of the `list` operation.", valueName: "n"))
    var listSize: Int = 500

    func validate() throws {
        guard persons >= 1, listSize >= 1 else { throw ValidationError(Messages.Load.personsAndListSize.text()) }
        guard Endpoint(registry) != nil else { throw ValidationError(Messages.Load.expectedHostPort("--registry", got: registry).text()) }
    }

    func run() async throws {
        let registryTarget = LoadTarget(endpoint: Endpoint(registry)!, tls: target.address.tlsFiles)
        try await runWorkload(TrainingWorkload(persons: persons, listSize: listSize, registry: registryTarget), target, defaultService: "training")
    }
}
