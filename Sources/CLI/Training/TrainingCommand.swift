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

        func makeClient(timeout: Duration = .seconds(30), attempts: Int = 1) throws -> RPCClient {
            try client.client(endpoint: endpoint, timeout: timeout, attempts: attempts)
        }

        func call<T: Sendable>(timeout: Duration = .seconds(30), attempts: Int = 1, _ body: (RPCClient) async throws -> T) async throws -> T {
            try await client.call(endpoint: endpoint, timeout: timeout, attempts: attempts, body)
        }
    }

    /// `--json` for the commands whose output is data.
    struct Output: ParsableArguments {
        @Flag(name: .long, help: "Print JSON (field names as in the protocol) instead of a table.") var json = false
    }
}
