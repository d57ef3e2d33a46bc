import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills competition close`.
struct CompetitionClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close events: lock their marks, rank the entries and make the awards (CloseEvent).",
        discussion: """
            After closing, every sheet of marks is refused (event_open). The awards follow the \
            competition's rule; their promotions are asked of the evaluation service in the \
            background and retried until it answers (see `competition awards`). Closing a closed \
            event changes nothing. --all closes every open event of the competition.
            Examples:
              jcskills competition close --competition JC-2021-CITY --event E01
              jcskills competition close --competition JC-2021-CITY --all
            """)
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: ArgumentHelp("The competition's code.", valueName: "code")) var competition: String
    @Option(name: .long, help: ArgumentHelp("An event's code (repeat for several).", valueName: "code")) var event: [String] = []
    @Flag(name: .long, help: "Close every open event of the competition.") var all = false

    func validate() throws {
        guard all != !event.isEmpty else { throw ValidationError(Messages.Competition.giveEventOrAll.text()) }
    }

    func run() async throws {
        let views = try await target.call(attempts: 3) { client in
            var codes = event
            if all {
                codes = try await client.unary(CompetitionService.listEvents, CompetitionLookup(code: competition)).events
                    .filter { $0.state == .open }.map(\.event.code)
            }
            var views: [EventView] = []
            for code in codes {
                views.append(try await client.unary(CompetitionService.closeEvent, EventLookup(competitionCode: competition, eventCode: code)))
            }
            return views
        }
        if output.json { return print(CompetitionJSON.render(["events": views.map(CompetitionJSON.event)])) }
        if views.isEmpty { print(Messages.Competition.noOpenEvents(competition).text()) }
        for view in views {
            print(Messages.Competition.closed("\(view.event.competitionCode)/\(view.event.code)", state: view.state.description, entries: UInt64(view.entries),
                                              fullyMarked: UInt64(view.fullyMarked), flagged: UInt64(view.flagged)).text())
        }
    }
}

/// `jcskills competition results`: the Results stream.
struct CompetitionResults: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "An event's results in rank order, as the service streams them.",
        discussion: """
            Ranked by total (out of 100), then by the measurement part (the objective marks); \
            entries equal on both share the rank and the next skips (1, 2, 2, 4). A criterion \
            without a complete mark counts 0 (unmarked says how many). --standardised adds \
            WorldSkills' scale: 700 + 100 × (total − median) / σ, the event's median entry at \
            700. For the offices, auditors and judges; names masked. Before the event closes the \
            ranking is provisional and nobody is awarded.
            Examples:
              jcskills competition results --competition JC-2021-CITY --event E01 --standardised
              jcskills --as judge-J01 competition results --competition JC-2021-CITY --event E01 --json
            """)
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: ArgumentHelp("The competition's code.", valueName: "code")) var competition: String
    @Option(name: .long, help: ArgumentHelp("The event's code.", valueName: "code")) var event: String
    @Flag(name: .long, help: "Also compute the standardised score (WorldSkills' scale).") var standardised = false

    func run() async throws {
        let request = ResultsRequest(competitionCode: competition, eventCode: event, standardised: standardised)
        let json = output.json
        let standardised = standardised
        let count = try await target.call(timeout: .seconds(300)) { client in
            try await client.serverStreaming(CompetitionService.results, request) { stream in
                var rows: [[String: Any]] = []
                var count = 0
                if !json { print(CompetitionReports.resultHeader(standardised: standardised)) }
                // Printed as they arrive, in rank order.
                for try await result in stream {
                    count += 1
                    if json { rows.append(CompetitionJSON.result(result, standardised: standardised)) } else { print(CompetitionReports.result(result, standardised: standardised)) }
                }
                if json { print(CompetitionJSON.render(["competition_code": request.competitionCode, "event_code": request.eventCode, "results": rows])) }
                return count
            }
        }
        if !json { print(Messages.Competition.entryCount(count).text()) }
    }
}

/// `jcskills competition awards`.
struct CompetitionAwards: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "awards",
        abstract: "Awards of a competition, or of a year's competitions (the year's technical experts), with their promotions.",
        discussion: """
            A promotion is pending until the evaluation service issues the certificate one level \
            above the winner's highest in the event's occupation (level 4 for a winner without \
            one); refused when it refuses by rule (the reason is shown); at_top_level for a \
            winner who holds 高级技师 already.
            Examples:
              jcskills competition awards --competition JC-2021-CITY
              jcskills competition awards --year 2021 --json
            """)
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: ArgumentHelp("The competition's code.", valueName: "code")) var competition: String?
    @Option(name: .long, help: "A year: the awards of all its competitions.") var year: Int32?

    func validate() throws {
        guard competition != nil || year != nil else { throw ValidationError(Messages.Competition.giveCompetitionOrYear.text()) }
    }

    func run() async throws {
        let request = AwardsRequest(competitionCode: competition ?? "", year: year ?? 0)
        let list = try await target.call { client in try await client.unary(CompetitionService.awards, request) }
        print(output.json ? CompetitionJSON.render(["awards": list.awards.map(CompetitionJSON.award)]) : CompetitionReports.awards(list))
    }
}

/// `jcskills competition counts`.
struct CompetitionCountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counts",
        abstract: "The figures the gateway reads: technical experts, participants, promotions, studios, for the city or a county.",
        discussion: """
            Technical experts named by events closed in the year's competitions, distinct persons \
            entered (one in two events counts once), promotions issued and pending, studios \
            established by the date and counties without one.
            Example: jcskills competition counts --year 2021 --county 140524
            """)
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: "County code; 0 for the city.") var county: Int32 = 0
    @Option(name: .long, help: "Year; 0 for the as-of date's year.") var year: Int32 = 0
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date (yyyy-mm-dd); default today.", valueName: "date")) var asOf: String?

    func run() async throws {
        var day: Int32 = 0
        if let asOf {
            guard let date = CalendarDate.parse(asOf) else { throw ValidationError("--as-of: " + Messages.Import.notADate(asOf).text()) }
            day = date.yyyymmdd
        }
        let request = CountsRequest(county: county, asOf: day, year: year)
        let counts = try await target.call { client in try await client.unary(CompetitionService.counts, request) }
        print(output.json ? CompetitionJSON.render(CompetitionJSON.counts(counts)) : CompetitionReports.counts(counts, county: county, year: year))
    }
}
