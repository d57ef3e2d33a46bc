import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages
import JCSkillsRPC

struct CompetitionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "competition",
        abstract: Messages.Load.Help.annualCityCompetitionPlayedAbstract.text(),
        discussion: Messages.Load.Help.twoTimedPhasesReportedDiscussion.text())

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.personsCompetingEachOneHelp.text(), valueName: "n"))
    var participants: Int = 12_000

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.eventsOccupationsThreeJudgesHelp.text(), valueName: "n"))
    var events: Int = 60

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.competitorsPerMarkSheetHelp.text(), valueName: "n"))
    var sheetEntries: Int = 20

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.eventsMarkedSameTimeHelp.text(), valueName: "n"))
    var eventsAtOnce: Int?

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.whoCompetesWorkersRegisteredHelp.text(), valueName: "workers|students"))
    var group: String = "workers"

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.registryWorkersAreImportedHelp.text(), valueName: "host:port"))
    var registry: String = "127.0.0.1:7101"

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.evaluationServiceIssuesWinnersHelp.text(), valueName: "host:port"))
    var evaluation: String = "127.0.0.1:7103"

    @Flag(name: .long, help: ArgumentHelp(Messages.Load.Help.nameTechnicalExpertsButHelp.text()))
    var noPromotions = false

    func validate() throws {
        guard (1...999).contains(events) else { throw ValidationError(Messages.Load.eventsRange.text()) }
        guard participants >= events else { throw ValidationError(Messages.Load.participantsAtLeastEvents.text()) }
        guard sheetEntries >= 1 else { throw ValidationError(Messages.Load.mustBeAtLeastOne("--sheet-entries").text()) }
        if let eventsAtOnce, eventsAtOnce < 1 { throw ValidationError(Messages.Load.mustBeAtLeastOne("--events-at-once").text()) }
        guard CompetitionWorkload.Group(rawValue: group) != nil else { throw ValidationError(Messages.Load.groupWorkersOrStudents.text()) }
        guard Endpoint(registry) != nil else { throw ValidationError(Messages.Load.expectedHostPort("--registry", got: registry).text()) }
        guard Endpoint(evaluation) != nil else { throw ValidationError(Messages.Load.expectedHostPort("--evaluation", got: evaluation).text()) }
    }

    func run() async throws {
        let tls = target.address.tlsFiles
        let group = CompetitionWorkload.Group(rawValue: group)!
        let workload = CompetitionWorkload(
            participants: participants, events: events, sheetEntries: sheetEntries, eventsAtOnce: eventsAtOnce, group: group,
            pkiDirectory: URL(fileURLWithPath: tls.trustRoots).deletingLastPathComponent().path,
            registry: group == .registeredWorkers ? LoadTarget(endpoint: Endpoint(registry)!, tls: tls) : nil,
            evaluation: noPromotions ? nil : LoadTarget(endpoint: Endpoint(evaluation)!, tls: tls))
        let interactive = isatty(STDERR_FILENO) == 1 && !target.json
        if interactive { writeError(Messages.Load.competitionSetup(participants: participants, group: group.rawValue, events: events).text() + "\n") }
        let showProgress: @Sendable (LoadProgress) -> Void = { progress in writeError("\r\u{1B}[K" + progress.line) }
        let report: LoadReport
        do {
            report = try await LoadSession.run(
                workload, target: target.target(defaultService: "competition"), plan: target.plan, mix: target.mix,
                progress: interactive ? showProgress : nil)
        } catch let error as WorkloadMix.Error {
            throw ValidationError(error.description)
        } catch {
            if interactive { writeError("\r\u{1B}[K") }
            writeError(Messages.Load.failed("\(error)").text() + "\n")
            throw ExitCode(2)
        }
        if interactive { writeError("\r\u{1B}[K") }
        if target.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(CompetitionLoadOutput(scenario: workload.scenario, mix: report)), as: UTF8.self))
        } else {
            if let scenario = workload.scenario { print(scenario.table() + "\n") }
            print(report.table())
        }
        if report.errorCount > 0 || report.stoppedEarly != nil { throw ExitCode(1) }
    }
}

/// `--json`: the two timed phases and the measured mix.
struct CompetitionLoadOutput: Encodable {
    var scenario: CompetitionScenarioReport?
    var mix: LoadReport
}
