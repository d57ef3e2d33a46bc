import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

struct TrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: Messages.Training.Help.vocationalTrainingOfficeCoursesAbstract.text(),
        discussion: Messages.Training.Help.writesCoursesEnrolmentResultsDiscussion.text(),
        subcommands: [TrainingCourses.self, TrainingEnrol.self, TrainingResults.self, TrainingCertificate.self,
                      TrainingIndicatorsCommand.self, TrainingBrands.self, TrainingRecord.self])

    struct Target: ParsableArguments {
        @OptionGroup var client: ClientOptions
        @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.trainingServiceSAddressHelp.text(), valueName: "host:port"))
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
        @Flag(name: .long, help: ArgumentHelp(Messages.Training.Help.printJsonFieldNamesHelp.text())) var json = false
    }
}
