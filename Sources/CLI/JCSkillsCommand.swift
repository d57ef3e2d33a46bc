import ArgumentParser
import Foundation
import JCSkillsServiceKit

@main
struct JCSkillsCommand: AsyncParsableCommand {
    static func main() async {
        // Writing to a closed pipe (`jcskills … | head`) must fail a write, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        await Self.main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "jcskills",
        abstract: "The JCSkills client: health checks, the development PKI, and the whole set of services on one machine.",
        discussion: """
            Calls use mutual TLS: --tls DIR names a directory with ca.crt and <id>.crt/.key (as \
            `jcskills pki init` writes), --as ID the identity to present. Both can come from the \
            environment: JCSKILLS_TLS, JCSKILLS_AS. Defaults: .jcskills/pki and admin.
            """,
        version: ServiceRunner.version,
        subcommands: [PKICommand.self, HealthCommand.self, LocalCommand.self, TotalsCommand.self, RegistryCommand.self, TrainingCommand.self, EvaluationCommand.self, CompetitionCommand.self, StudioCommand.self, CertCommand.self, DemoDataCommand.self])

    @OptionGroup var client: ClientOptions
}
