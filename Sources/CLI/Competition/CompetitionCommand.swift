import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// `jcskills competition`: the competition office's and the judges' commands (docs/COMPETITIONS.md).
struct CompetitionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "competition",
        abstract: Messages.Competition.Help.skillsCompetitionsCompetitionsEventsAbstract.text(),
        discussion: Messages.Competition.Help.writesCompetitionsEventsEntriesDiscussion.text(),
        subcommands: [CompetitionRegister.self, CompetitionListCommand.self, CompetitionShow.self, CompetitionEvents.self, CompetitionEnter.self,
                      CompetitionMarks.self, CompetitionClose.self, CompetitionResults.self, CompetitionAwards.self, CompetitionCountsCommand.self])

    struct Target: ParsableArguments {
        @OptionGroup var client: ClientOptions
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.competitionServiceSAddressHelp.text(), valueName: "host:port"))
        var endpoint: String = "127.0.0.1:\(ServiceKind.competition.defaultPort)"

        func makeClient(timeout: Duration = .seconds(30), attempts: Int = 1) throws -> RPCClient {
            try client.client(endpoint: endpoint, timeout: timeout, attempts: attempts)
        }

        func call<T: Sendable>(timeout: Duration = .seconds(30), attempts: Int = 1, _ body: (RPCClient) async throws -> T) async throws -> T {
            try await client.call(endpoint: endpoint, timeout: timeout, attempts: attempts, body)
        }
    }

    /// `--json` for the commands whose output is data.
    struct Output: ParsableArguments {
        @Flag(name: .long, help: ArgumentHelp(Messages.Competition.Help.printJsonFieldNamesHelp.text())) var json = false
    }
}
