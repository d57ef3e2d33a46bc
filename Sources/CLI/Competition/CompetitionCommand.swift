import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// `jcskills competition`: the competition office's and the judges' commands (docs/COMPETITIONS.md).
struct CompetitionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "competition",
        abstract: "Skills competitions: competitions, events and marking schemes, entries, judges' marks, closing, results, awards, figures.",
        discussion: """
            Writes (competitions, events, entries, closing) are for admin, the competition office \
            (--as competition-office) and county offices for their own county's competitions. \
            Marks are for judges only: a judge presents their own identity (--as judge-J01, whose \
            certificate says jcskills://judge/J01) and may mark only the events that list them. \
            Marks are shown and entered in marks with two decimals (12.50); the service keeps \
            hundredths. A refusal is printed as one line naming the rule (e.g. FAILED_PRECONDITION: \
            event_open: …); file commands report every refused row with its line, column and \
            reason and exit 3. Load a set of files in this order (`jcskills demo-data competition` \
            writes one):
              jcskills competition register demo/competitions.csv
              jcskills competition event register demo/events.csv
              jcskills competition enter demo/entries.csv
              jcskills competition marks --as judge-J01 demo/marks_J01.csv   # each judge
              jcskills competition close --competition JC-2021-CITY --all
            Then:
              jcskills competition list --year 2021
              jcskills competition event list --competition JC-2021-CITY
              jcskills competition results --competition JC-2021-CITY --event E01
              jcskills competition awards --year 2021
              jcskills competition counts --year 2021
              jcskills studio list
            """,
        subcommands: [CompetitionRegister.self, CompetitionListCommand.self, CompetitionShow.self, CompetitionEvents.self, CompetitionEnter.self,
                      CompetitionMarks.self, CompetitionClose.self, CompetitionResults.self, CompetitionAwards.self, CompetitionCountsCommand.self])

    struct Target: ParsableArguments {
        @OptionGroup var client: ClientOptions
        @Option(name: .long, help: ArgumentHelp("The competition service's address.", valueName: "host:port"))
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
        @Flag(name: .long, help: "Print JSON (field names as in the protocol, marks as decimal text) instead of a table.") var json = false
    }
}
