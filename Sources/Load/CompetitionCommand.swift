import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages
import JCSkillsRPC

struct CompetitionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "competition",
        abstract: "The annual city competition played through: judges' mark sheets, closing, results; then Results and Counts.",
        discussion: """
            Two timed phases, reported apart, then a measured mix.

            Setup: the judges' identities (three per event: judge-LOAD-E01-1 …)
            issued into the --tls directory when missing, as `jcskills pki init
            --extra` issues them (needs its ca.key; kept for later runs); the
            workers imported into the registry at --registry (--group workers);
            an institution registered at --evaluation for the winners'
            promotions (unless --no-promotions); the competition LOAD-<random>,
            its --events events and --participants entries (ImportEntries).

            End to end: every event at once (--events-at-once), its three
            judges each on their own connection under their own identity
            submitting SubmitMarks sheets of --sheet-entries competitors (the
            judgements by all three, the measurements by the first), then
            CloseEvent and the results streamed. Reported: the time until the
            last result, marks per second, and the SubmitMarks, CloseEvent and
            Results latencies (p50/p99).

            The mix (--duration or --requests, --concurrency, --mix): results=50
            (Results of an event, streamed, every other standardised) and
            counts=50 (Counts, the city and the counties in turn), latencies per
            operation as in every workload.

            The top three of every event are named technical experts and, with
            an evaluation service, promoted one level in the background; the
            report gives the year's counts after the run. --as needs the
            competition office's rights (admin) and, for workers, registry write
            access: the registry and the evaluation service are called as the
            same identity. What it writes stays: point this at a test or local
            set. --json prints {"scenario": …, "mix": …}; the mix is the report
            `jcskills-load compare` reads. Default endpoint 127.0.0.1:7104.
            Examples:
              jcskills-load competition
              jcskills-load competition --participants 600 --events 6 --json
              jcskills-load competition --group students --no-promotions
            """)

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: ArgumentHelp("Persons competing, each in one event.", valueName: "n"))
    var participants: Int = 12_000

    @Option(name: .long, help: ArgumentHelp("Events (occupations), three judges each; at most 999.", valueName: "n"))
    var events: Int = 60

    @Option(name: .long, help: ArgumentHelp("Competitors per mark sheet (a judge's SubmitMarks call).", valueName: "n"))
    var sheetEntries: Int = 20

    @Option(name: .long, help: ArgumentHelp("Events marked at the same time. Default: all.", valueName: "n"))
    var eventsAtOnce: Int?

    @Option(name: .long, help: ArgumentHelp("Who competes: workers (registered through the registry's import; each entry confirmed with it) or students (school and county; no registry).", valueName: "workers|students"))
    var group: String = "workers"

    @Option(name: .long, help: ArgumentHelp("The registry the workers are imported into and the competition service confirms them with.", valueName: "host:port"))
    var registry: String = "127.0.0.1:7101"

    @Option(name: .long, help: ArgumentHelp("The evaluation service that issues the winners' promotions.", valueName: "host:port"))
    var evaluation: String = "127.0.0.1:7103"

    @Flag(name: .long, help: "Name technical experts but promote nobody (no evaluation service needed).")
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
