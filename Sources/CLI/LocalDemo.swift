import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

extension LocalCluster {
    /// Generates the demo CSV files of `size` and imports them through the services' own
    /// calls, as the departments would, printing each stage with its counts and seconds. Loads
    /// once per home (a marker file records it).
    func loadDemo(size: DemoSize) async throws {
        let marker = "\(home)/demo/.loaded"
        if FileManager.default.fileExists(atPath: marker) {
            print(Messages.Demo.alreadyLoaded(marker).text())
            return
        }
        let directory = "\(home)/demo"
        let clock = DemoStageClock()
        let generation = Date()
        print(Messages.Demo.generating(size.rawValue, persons: size.options.persons).text())
        fflush(nil)
        let configuration = {
            var configuration = ClientConfiguration.jcskills(tls: TLSFiles(directory: pkiDirectory, identity: "admin"))
            configuration.defaultTimeout = .seconds(600)
            return configuration
        }()
        // The training's brands and courses need nothing of the other services, and their files
        // are written first: they register while the persons are generated (one core each)
        // and the registry imports them, their progress bars hidden.
        let (catalogueWritten, signalCatalogue) = AsyncStream<Void>.makeStream()
        async let catalogue = ProgressBar.$hidden.withValue(true) {
            for await _ in catalogueWritten {
                return try await loadTrainingCatalogue(directory: directory, configuration: configuration)
            }
            throw CancellationError()  // the generation failed first, and says why
        }
        let options = size.options
        let manifest: DemoManifest
        do {
            manifest = try await Self.generate(size: size, options: options, to: directory) {
                signalCatalogue.yield()
                signalCatalogue.finish()
            }
        } catch {
            signalCatalogue.finish()
            throw error
        }
        clock.stage(Messages.Demo.generated(manifest.written.map { Messages.Demo.fileRows($0.file, rows: $0.rows).text() }.joined(separator: Messages.Demo.listSeparator.text())),
                    since: generation)

        try await loadRegistryDemo(directory: directory, configuration: configuration, clock: clock)
        let (brands, courses) = try await catalogue
        // Training's enrolments and results need only the registry, and its writes keep one
        // core busy: the evaluation (its enterprise bodies checked against the registry's
        // enterprises, its holders the registry's persons) and then the competition (which
        // asks the evaluation service) load beside them, their progress bars hidden. The
        // certificates after training wait for both: the evaluation service confirms them.
        async let training = loadTrainingDemo(directory: directory, manifest: manifest, brands: brands, courses: courses,
                                              configuration: configuration, clock: clock)
        try await ProgressBar.$hidden.withValue(true) {
            try await loadEvaluationDemo(directory: directory, manifest: manifest, configuration: configuration, clock: clock)
            try await loadCompetitionDemo(directory: directory, manifest: manifest, configuration: configuration, clock: clock)
        }
        try await loadCertificatesAfterTraining(directory: directory, renumbering: try await training, configuration: configuration, clock: clock)
        try Data().write(to: URL(fileURLWithPath: marker))
        clock.total()
    }

    /// Rows per message of the demo's class list and results: more than a user's default
    /// (``TrainingImports/rowsPerMessage``), which keeps the writer free for single calls
    /// between messages; the demo's load has nobody waiting, and each message's commit costs
    /// fewer pages a row the more rows it has (the persons' index is written at random places).
    static let trainingRowsPerMessage = 5_000

    /// Writes the demo files on a thread of their own, with the persons' progress bar: the
    /// generation is synchronous work, and the catalogue's calls go on beside it.
    private static func generate(size: DemoSize, options: DemoDataOptions, to directory: String,
                                 catalogueWritten: @escaping @Sendable () -> Void) async throws -> DemoManifest {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                var bar = ProgressBar(label: Messages.Demo.personsLabel.text(), total: UInt64(max(options.persons, 1)))
                do {
                    let manifest = try DemoFiles.write(size: size, options: options, to: directory,
                                                       progress: { done in bar.update(done: UInt64(done), items: done) },
                                                       catalogueWritten: catalogueWritten)
                    bar.finish()
                    continuation.resume(returning: manifest)
                } catch {
                    bar.finish()
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func client(_ kind: ServiceKind, _ configuration: ClientConfiguration) throws -> RPCClient {
        try RPCClient(endpoints: [Endpoint(host: "127.0.0.1", port: ports.rpc(kind))], configuration: configuration)
    }

    private func loadRegistryDemo(directory: String, configuration: ClientConfiguration, clock: DemoStageClock) async throws {
        let start = Date()
        try await withClosingClient(try client(.registry, configuration)) { registry in
            let persons = try await RegistryImports.persons.run(file: "\(directory)/\(RegistryCSVFormat.personsFileName)", client: registry).summary
            let enterprises = try await RegistryImports.enterprises.run(file: "\(directory)/\(RegistryCSVFormat.enterprisesFileName)", client: registry).summary
            let demand = try await RegistryImports.demand.run(file: "\(directory)/\(RegistryCSVFormat.demandFileName)", client: registry).summary
            clock.stage(Messages.Demo.registryLoaded(persons: persons.accepted, enterprises: enterprises.accepted, demand: demand.accepted), since: start)
            Self.printRefusals(persons.errors + enterprises.errors + demand.errors)
        }
    }

    /// The plan's institutions are registered one by one with the day each was approved (the
    /// CSV file has no such column, and an institution counts from its approval); the baseline
    /// is declared before the certificates, whose pre-system ones claim places in it.
    private func loadEvaluationDemo(directory: String, manifest: DemoManifest, configuration: ClientConfiguration,
                                    clock: DemoStageClock) async throws {
        let start = Date()
        try await withClosingClient(try client(.evaluation, configuration)) { evaluation in
            var institutions = 0
            var errors: [RowError] = []
            if let dated = manifest.institutions {
                for institution in dated {
                    _ = try await evaluation.unary(EvaluationService.registerInstitution, institution)
                    institutions += 1
                }
            } else {
                let report = try await EvaluationImports.institutions(file: "\(directory)/\(EvaluationCSVFormat.institutionsFileName)", client: evaluation).summary
                institutions = Int(report.accepted)
                errors += report.errors
            }
            var declared: UInt64 = 0
            for declaration in manifest.baseline {
                _ = try await evaluation.unary(EvaluationService.declareBaseline, declaration)
                declared += declaration.persons
            }
            let certificates = try await EvaluationImports.certificates.run(file: "\(directory)/\(EvaluationCSVFormat.certificatesFileName)", client: evaluation).summary
            clock.stage(Messages.Demo.evaluationLoaded(institutions: institutions, baseline: declared, certificates: certificates.accepted), since: start)
            Self.printRefusals(errors + certificates.errors)
        }
    }

    static func printRefusals(_ errors: [RowError]) {
        for error in errors.prefix(5) {
            print(Messages.Demo.refusedLine(error.line, column: error.column, reason: error.reason).text())
        }
    }
}

/// Prints each stage of the demo load with the seconds it took from its own start (stages run
/// side by side) and, at the end, the total.
struct DemoStageClock: Sendable {
    private let started = Date()

    func stage(_ message: Message, since start: Date) {
        print(Messages.Demo.stage(message.text(), seconds: Date().timeIntervalSince(start)).text())
        // Piped to a file or a script, standard output is buffered: each stage shows as it ends.
        fflush(nil)
    }

    func total() {
        print(Messages.Demo.loadedIn(seconds: Date().timeIntervalSince(started)).text())
    }
}

extension LocalCluster {
    /// The training's labour brands, then its courses (a course names its brand).
    fileprivate func loadTrainingCatalogue(directory: String, configuration: ClientConfiguration) async throws -> (brands: ImportSummary, courses: ImportSummary) {
        try await withClosingClient(try client(.training, configuration)) { training in
            let brands = try await TrainingImports.brands(file: "\(directory)/\(TrainingCSVFormat.brandsFileName)", client: training).summary
            let courses = try await TrainingImports.courses(file: "\(directory)/\(TrainingCSVFormat.coursesFileName)", client: training).summary
            return (brands, courses)
        }
    }

    /// Training's enrolments after the registry (every enrolment is checked with it, so its
    /// persons must be there) and the courses (``loadTrainingCatalogue``); results after the
    /// enrolments (a result names its enrolment). Returns the file's enrolment numbers → the
    /// service's (empty when they could not be mapped: nothing further is loaded).
    fileprivate func loadTrainingDemo(directory: String, manifest: DemoManifest, brands: ImportSummary, courses: ImportSummary,
                                      configuration: ClientConfiguration, clock: DemoStageClock) async throws -> [String: String] {
        func path(_ name: String) -> String { "\(directory)/\(name)" }
        var start = Date()
        return try await withClosingClient(try client(.training, configuration)) { training in
            let (enrolments, renumbering) = manifest.size == .plan
                ? try await Self.enrolByClassList(path(TrainingCSVFormat.enrolmentsFileName), manifest: manifest, client: training)
                : try await Self.enrolOneByOne(path(TrainingCSVFormat.enrolmentsFileName), manifest: manifest, client: training)
            clock.stage(Messages.Demo.enrolmentsLoaded(brands: brands.accepted, courses: courses.accepted, enrolments: enrolments.accepted), since: start)
            Self.printRefusals(brands.errors + courses.errors + enrolments.errors)
            guard !renumbering.isEmpty else { return [:] }
            start = Date()
            let results = try await TrainingImports.results(renumbering: renumbering)
                .run(file: path(TrainingCSVFormat.resultsFileName), client: training, batchSize: Self.trainingRowsPerMessage).summary
            clock.stage(Messages.Demo.resultsLoaded(results: results.accepted), since: start)
            Self.printRefusals(results.errors)
            return renumbering
        }
    }

    /// Certificates after training, once the evaluation service (which confirms them) and the
    /// training's enrolments are loaded.
    fileprivate func loadCertificatesAfterTraining(directory: String, renumbering: [String: String], configuration: ClientConfiguration,
                                                   clock: DemoStageClock) async throws {
        guard !renumbering.isEmpty else { return }
        let start = Date()
        try await withClosingClient(try client(.training, configuration)) { training in
            let certified = try await TrainingImports.certificatesAfter(renumbering: renumbering)
                .run(file: "\(directory)/\(TrainingCSVFormat.certificatesAfterFileName)", client: training).summary
            clock.stage(Messages.Demo.certificatesAfterLoaded(Int(certified.accepted), of: Int(certified.accepted + certified.alreadyRegistered + certified.rejected)),
                        since: start)
            Self.printRefusals(certified.errors)
        }
    }

    /// Enrols the file row by row (`Enrol`), whose answers carry the numbers: results.csv
    /// numbers the enrolments as a service that started empty would; one that held enrolments
    /// already numbered them on from there. Maps every number of the file to what the service gave.
    private static func enrolOneByOne(_ file: String, manifest: DemoManifest, client: RPCClient) async throws -> (ImportSummary, [String: String]) {
        let (report, enrolled) = try await TrainingImports.enrolments(file: file, client: client)
        var renumbering: [String: String] = [:]
        for row in enrolled {
            // Data line n + 1 is enrolment n: the generator writes no blank lines.
            renumbering[TrainingCSVFormat.enrolmentNumber(sequence: Int(row.line) - 1, year: manifest.courseYears[row.courseCode] ?? 0)] = row.number
        }
        return (report.summary, renumbering)
    }

    /// Enrols the file as class lists (`ImportEnrolments`: the registry asked once a list, not
    /// once a person — one by one, the plan's half million enrolments took minutes). The
    /// service numbers a list's rows in file order, so when every row went in, the file's row n
    /// is the service's number n + the numbers it had given before: read off the last row's
    /// (`PersonRecord`). When some did not, no number can be trusted, and no result is mapped.
    private static func enrolByClassList(_ file: String, manifest: DemoManifest, client: RPCClient) async throws -> (ImportSummary, [String: String]) {
        let summary = try await TrainingImports.classList.run(file: file, client: client, batchSize: trainingRowsPerMessage).summary
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let rows = try text.split(separator: "\n").dropFirst().map { try CSVRow.parse($0) }
        guard let last = rows.last, summary.accepted == UInt64(rows.count) else {
            print(Messages.Demo.enrolmentsNotNumbered(accepted: summary.accepted, rows: rows.count).text())
            return (summary, [:])
        }
        let record = try await client.unary(TrainingService.personRecord, PersonRecordRequest(idNumber: last[1]))
        guard let given = record.courses.last(where: { $0.course.code == last[0] })?.enrolmentNumber,
              let sequence = Int(given.suffix(8)) else {
            print(Messages.Demo.enrolmentsNotNumbered(accepted: summary.accepted, rows: rows.count).text())
            return (summary, [:])
        }
        let offset = sequence - rows.count
        var renumbering: [String: String] = [:]
        renumbering.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let year = manifest.courseYears[row[0]] ?? 0
            renumbering[TrainingCSVFormat.enrolmentNumber(sequence: index + 1, year: year)] = TrainingCSVFormat.enrolmentNumber(sequence: index + 1 + offset, year: year)
        }
        return (summary, renumbering)
    }

    /// Competition after the registry and evaluation: workers' entries are confirmed with the
    /// registry, studios' masters with the evaluation service. The office (admin) registers the
    /// competition and events and enters the persons one `Enter` each (several at once) — whose answers carry the
    /// competitor numbers, mapped from those the judges' files name (a service that holds
    /// entries already numbers on from there); each judge submits their own file under their
    /// own identity; then the office closes the events, which makes the awards (promoted in the
    /// background), and registers the studios. The plan demo dates its entries and closes on the
    /// day the events were held (2021), so that the 2021 competition's participants, experts and
    /// promotions count in 2021; the small demo's are made today, as scripts/check-demo-totals.py
    /// recounts them.
    fileprivate func loadCompetitionDemo(directory: String, manifest: DemoManifest, configuration: ClientConfiguration,
                                         clock: DemoStageClock) async throws {
        func path(_ name: String) -> String { "\(directory)/\(name)" }
        let start = Date()
        let endpoint = [Endpoint(host: "127.0.0.1", port: ports.rpc(.competition))]
        try await withClosingClient(try RPCClient(endpoints: endpoint, configuration: configuration)) { office in
            let competitions = try await CompetitionImports.competitions(file: path(CompetitionCSVFormat.competitionsFileName), client: office).summary
            let events = try await CompetitionImports.events(file: path(CompetitionCSVFormat.eventsFileName), client: office).summary
            let heldOn = manifest.size == .plan ? CompetitionDemoData.heldOn.yyyymmdd : 0
            let (entryReport, entered) = try await CompetitionImports.enterEach(file: path(CompetitionCSVFormat.entriesFileName),
                                                                                enteredOn: heldOn, inFlight: TrainingImports.callsInFlight, client: office)
            var errors = competitions.errors + events.errors + entryReport.summary.errors
            // Data line n + 1 is the file's n-th entry: the generator writes no blank lines.
            let fileNumbers = Dictionary(uniqueKeysWithValues: manifest.entries.enumerated().map { (UInt32($0.offset + 2), $0.element.number) })
            var renumbering: [String: String] = [:]
            for row in entered {
                if let number = fileNumbers[row.line] { renumbering[row.competitionCode + "/" + row.eventCode + "/" + number] = row.number }
            }
            var marks: UInt64 = 0, flagged: UInt64 = 0, judges = 0
            for judge in CompetitionDemoData.judgeCodes {
                let file = path(CompetitionCSVFormat.marksFileName(judge: judge))
                guard FileManager.default.fileExists(atPath: file) else { continue }
                var judgeConfiguration = configuration
                judgeConfiguration.tls = TLSFiles(directory: pkiDirectory, identity: CompetitionCSVFormat.judgeIdentity(judge))
                let outcome = try await withClosingClient(try RPCClient(endpoints: endpoint, configuration: judgeConfiguration)) { client in
                    try await CompetitionMarkSheets.submit(file: file, client: client) { event, number in
                        renumbering[event.competitionCode + "/" + event.eventCode + "/" + number]
                    }
                }
                judges += 1
                marks += outcome.report.summary.accepted + outcome.report.summary.alreadyRegistered
                flagged += outcome.flagged
                errors += outcome.report.summary.errors
            }
            let demo = CompetitionDemoData(persons: manifest.options.persons, enterprises: manifest.options.enterprises, seed: manifest.options.seed)
            var closed = 0, awarded = 0
            for event in demo.events() {
                let view = try await office.unary(CompetitionService.closeEvent,
                                                  EventLookup(competitionCode: event.competitionCode, eventCode: event.code, closedOn: heldOn))
                if view.state == .closed { closed += 1 }
            }
            for competition in demo.competitions() {
                awarded += try await office.unary(CompetitionService.awards, AwardsRequest(competitionCode: competition.code)).awards.count
            }
            let studios = try await CompetitionImports.studios(file: path(CompetitionCSVFormat.studiosFileName), client: office).summary
            let years = try await CompetitionImports.studioYears(file: path(CompetitionCSVFormat.studioYearsFileName), client: office).summary
            errors += studios.errors + years.errors
            clock.stage(Messages.Demo.competitionLoaded(
                competitions: competitions.accepted + competitions.alreadyRegistered, events: events.accepted + events.alreadyRegistered,
                entries: entered.count, marks: marks, judges: judges, flagged: flagged, closed: closed, awards: awarded,
                studios: studios.accepted, studioYears: years.accepted), since: start)
            Self.printRefusals(errors)
        }
    }
}
