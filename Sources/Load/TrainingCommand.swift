import ArgumentParser
import JCSkillsLoad
import JCSkillsMessages
import JCSkillsRPC

struct TrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: Messages.Load.Help.trainingServiceSMixAbstract.text(),
        discussion: Messages.Load.Help.operationsDefaultWeightsMixDiscussion2.text())

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.registryTrainingServiceChecksHelp.text(), valueName: "host:port"))
    var registry: String = "127.0.0.1:7101"

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.personsImportedIntoRegistryHelp.text(), valueName: "n"))
    var persons: Int = 20_000

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.rowsPerClassListHelp.text(), valueName: "n"))
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
