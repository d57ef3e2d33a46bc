import ArgumentParser
import JCSkillsMessages
import JCSkillsServiceKit

/// Which service's store `backup` and `restore` work on: the service by name, its data
/// directory and database read as the service reads them (config file, then flags).
struct StoreOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(Messages.Operations.serviceHelp.text(), valueName: "service"))
    var service: String

    @Option(name: .long, help: ArgumentHelp(Messages.Operations.configHelp.text(), valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(Messages.Operations.dataHelp.text(), valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp(Messages.Operations.databaseHelp.text(), valueName: "url"))
    var database: String?

    func settings() throws -> ServiceSettings {
        guard let kind = ServiceKind(rawValue: service) else {
            throw ValidationError(Messages.Operations.unknownService(service).text())
        }
        // The service's own flags, parsed as the service parses them.
        var flags: [String] = []
        if let config { flags += ["--config", config] }
        if let data { flags += ["--data", data] }
        if let database { flags += ["--database", database] }
        return try ServiceSettings.resolve(kind: kind, options: try ServiceOptions.parse(flags))
    }
}
