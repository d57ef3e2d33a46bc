import ArgumentParser
import JCSkillsMessages

@main
struct LoadCommand: AsyncParsableCommand {
    static func main() async {
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
        commandName: "jcskills-load",
        abstract: "Load-test a JCSkills service over the real protocol and mutual TLS; measure the codec and the store.",
        discussion: """
            Workloads that call a service (options: jcskills-load echo --help):
              registry    look-ups, fresh registrations, statistics (--mix)
              evaluation  verifications, issuance to fresh holders, counts
              training    enrolments checked with the registry, results, figures; class lists
              competition the annual city competition: judges' mark sheets, closing, results
                          (end to end, marks/s), then Results and Counts
              gateway     Totals for the city, a county, every county (no cache)
              echo        unary echo, fixed payload, any service (admin identity)
              health      the standard health check, any service

            Other subcommands:
              codec    encode/decode of the docs/ANCHORS.md record, ns per operation
              store    the store's bulk-insert benchmark, rows per second
              compare  two --json reports side by side, ratio B ÷ A

            Every run stops by itself (--duration or --requests). A service
            that cannot be reached is reported as UNAVAILABLE within about
            two seconds.

            Exit status: 0 every call succeeded; 1 a call failed; 2 the run
            could not start (TLS files, workload setup); 64 usage error.
            Loopback or an endpoint you name only: never a host you do not run.
            """,
        subcommands: [RegistryCommand.self, EvaluationCommand.self, TrainingCommand.self, CompetitionCommand.self, GatewayCommand.self, EchoCommand.self, HealthCommand.self, CodecCommand.self, StoreCommand.self, CompareCommand.self, AbuseCommand.self])
}
