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
        abstract: Messages.Competition.Help.closeEventsLockTheirAbstract.text(),
        discussion: Messages.Competition.Help.afterClosingEverySheetDiscussion.text())
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.competitionSCodeHelp.text(), valueName: "code")) var competition: String
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.eventSCodeRepeatHelp.text(), valueName: "code")) var event: [String] = []
    @Flag(name: .long, help: ArgumentHelp(Messages.Competition.Help.closeEveryOpenEventHelp.text())) var all = false
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.dayEventsClosedHelp.text(), valueName: "date")) var on: String?

    func validate() throws {
        guard all != !event.isEmpty else { throw ValidationError(Messages.Competition.giveEventOrAll.text()) }
    }

    func run() async throws {
        let day = try DayOption.parse(on)
        let views = try await target.call(attempts: 3) { client in
            var codes = event
            if all {
                codes = try await client.unary(CompetitionService.listEvents, CompetitionLookup(code: competition)).events
                    .filter { $0.state == .open }.map(\.event.code)
            }
            var views: [EventView] = []
            for code in codes {
                views.append(try await client.unary(CompetitionService.closeEvent, EventLookup(competitionCode: competition, eventCode: code, closedOn: day)))
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
        abstract: Messages.Competition.Help.eventSResultsRankAbstract.text(),
        discussion: Messages.Competition.Help.rankedTotalOutThenDiscussion.text())
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.competitionSCodeHelp.text(), valueName: "code")) var competition: String
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.eventSCodeHelp.text(), valueName: "code")) var event: String
    @Flag(name: .long, help: ArgumentHelp(Messages.Competition.Help.alsoComputeStandardisedScoreHelp.text())) var standardised = false

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
        abstract: Messages.Competition.Help.awardsCompetitionYearSAbstract.text(),
        discussion: Messages.Competition.Help.promotionPendingUntilEvaluationDiscussion.text())
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.competitionSCodeHelp.text(), valueName: "code")) var competition: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.yearAwardsAllCompetitionsHelp.text())) var year: Int32?

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
        abstract: Messages.Competition.Help.figuresGatewayReadsTechnicalAbstract.text(),
        discussion: Messages.Competition.Help.technicalExpertsNamedEventsDiscussion.text())
    @OptionGroup var target: CompetitionCommand.Target
    @OptionGroup var output: CompetitionCommand.Output
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.countyCodeCityHelp.text())) var county: Int32 = 0
    @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.yearDateSYearHelp.text())) var year: Int32 = 0
    @Option(name: .customLong("as-of"), help: ArgumentHelp(Messages.Competition.Help.dateYyyyMmDdHelp.text(), valueName: "date")) var asOf: String?

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
