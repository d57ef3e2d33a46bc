import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

struct TrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "The vocational training office: courses, enrolment, results, certificates after training, figures, labour brands, a person's record.",
        discussion: """
            Writes (courses, enrolment, results, certificates, brands) are for admin, the training \
            office (--as training-office) and county offices for their own county's courses. A \
            refusal is printed as one line naming the rule (e.g. FAILED_PRECONDITION: capacity: …); \
            file commands report every refused row with its line, column and reason and exit 3. \
            Load a set of files in this order (`jcskills demo-data training` writes one):
              jcskills training brands register demo/brands.csv
              jcskills training courses register demo/courses.csv
              jcskills training enrol demo/enrolments.csv
              jcskills training results upload demo/results.csv
            Then:
              jcskills training courses list --county 140524 --year 2021
              jcskills training enrol --course JC-2021-0013 --id-number 140524199001011239
              jcskills training certificate --enrolment TR202100000042 --certificate JCH202000000007
              jcskills training indicators --year 2021 --county 140524
              jcskills training brands
              jcskills training record --id-number 140524199001011239
            """,
        subcommands: [TrainingCourses.self, TrainingEnrol.self, TrainingResults.self, TrainingCertificate.self,
                      TrainingIndicatorsCommand.self, TrainingBrands.self, TrainingRecord.self])

    struct Target: ParsableArguments {
        @OptionGroup var client: ClientOptions
        @Option(name: .long, help: ArgumentHelp("The training service's address.", valueName: "host:port"))
        var endpoint: String = "127.0.0.1:\(ServiceKind.training.defaultPort)"

        /// `attempts` above 1 only for calls that are safe to repeat: idempotent ones, or ones
        /// that carry an idempotency key (``TrainingEnrol``).
        func makeClient(timeout: Duration = .seconds(30), attempts: Int = 1) throws -> RPCClient {
            guard let target = Endpoint(endpoint) else { throw ValidationError("--endpoint: expected HOST:PORT, got '\(endpoint)'") }
            var configuration = ClientConfiguration(tls: try client.files())
            configuration.defaultTimeout = timeout
            configuration.maximumAttempts = attempts
            return try RPCClient(endpoints: [target], configuration: configuration)
        }

        /// Runs calls on one client and closes it; a refusal becomes a one-line error (its
        /// message starts with the rule or the field), not a trace.
        func call<T: Sendable>(timeout: Duration = .seconds(30), attempts: Int = 1, _ body: (RPCClient) async throws -> T) async throws -> T {
            try await withClosingClient(try makeClient(timeout: timeout, attempts: attempts), body)
        }
    }

    /// `--json` for the commands whose output is data.
    struct Output: ParsableArguments {
        @Flag(name: .long, help: "Print JSON (field names as in the protocol) instead of a table.") var json = false
    }
}
