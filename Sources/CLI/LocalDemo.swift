import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

extension LocalCluster {
    /// The demo set `local up --demo` loads: small enough to load in seconds, large enough for
    /// every county and category to show up in the numbers.
    static let demoPersons = 5_000
    static let demoEnterprises = 200
    static let demoSeed: UInt64 = 2020

    /// Generates the demo CSV files and imports them through the services' own import calls,
    /// as a department would. Loads once per home (a marker file records it).
    func loadDemo() async throws {
        let marker = "\(home)/demo/.loaded"
        if FileManager.default.fileExists(atPath: marker) {
            print("demo data already loaded (remove \(marker) and the data directory to start over)")
            return
        }
        let directory = "\(home)/demo"
        let data = RegistryDemoData(persons: Self.demoPersons, enterprises: Self.demoEnterprises, seed: Self.demoSeed)
        try data.write(to: directory)
        var configuration = ClientConfiguration(tls: TLSFiles(directory: pkiDirectory, identity: "admin"))
        configuration.defaultTimeout = .seconds(300)
        let registry = try RPCClient(endpoints: [Endpoint(host: "127.0.0.1", port: ports.rpc(.registry))], configuration: configuration)
        let persons = try await RegistryImports.persons.run(file: "\(directory)/\(RegistryCSVFormat.personsFileName)", client: registry).summary
        let enterprises = try await RegistryImports.enterprises.run(file: "\(directory)/\(RegistryCSVFormat.enterprisesFileName)", client: registry).summary
        let demand = try await RegistryImports.demand.run(file: "\(directory)/\(RegistryCSVFormat.demandFileName)", client: registry).summary
        await registry.close()
        print("demo data: registry \(persons.accepted) persons, \(enterprises.accepted) enterprises, \(demand.accepted) demand lines")
        // Evaluation after the registry: its enterprise bodies are checked against the
        // registry's enterprises, and its holders are the registry's demo persons.
        let evaluationData = EvaluationDemoData(persons: Self.demoPersons, enterprises: Self.demoEnterprises, seed: Self.demoSeed)
        try evaluationData.write(to: directory)
        let evaluation = try RPCClient(endpoints: [Endpoint(host: "127.0.0.1", port: ports.rpc(.evaluation))], configuration: configuration)
        let institutions = try await EvaluationImports.institutions(file: "\(directory)/\(EvaluationCSVFormat.institutionsFileName)", client: evaluation).summary
        let certificates = try await EvaluationImports.certificates.run(file: "\(directory)/\(EvaluationCSVFormat.certificatesFileName)", client: evaluation).summary
        await evaluation.close()
        print("demo data: evaluation \(institutions.accepted) institutions, \(certificates.accepted) certificates")
        for error in (institutions.errors + certificates.errors).prefix(5) {
            print("  refused line \(error.line)\(error.column.isEmpty ? "" : ", \(error.column)"): \(error.reason)")
        }
        try await loadTrainingDemo(directory: directory, configuration: configuration)
        try await loadCompetitionDemo(directory: directory, configuration: configuration)
        try Data().write(to: URL(fileURLWithPath: marker))
    }

    /// Training after the registry and evaluation: every enrolment is checked with the
    /// registry, so its persons must be there. Brands before courses (a course names its
    /// brand), enrolments before results (a result names its enrolment).
    private func loadTrainingDemo(directory: String, configuration: ClientConfiguration) async throws {
        let data = TrainingDemoData(persons: Self.demoPersons, enterprises: Self.demoEnterprises, seed: Self.demoSeed)
        try data.write(to: directory)
        func path(_ name: String) -> String { "\(directory)/\(name)" }
        let training = try RPCClient(endpoints: [Endpoint(host: "127.0.0.1", port: ports.rpc(.training))], configuration: configuration)
        do {
            let brands = try await TrainingImports.brands(file: path(TrainingCSVFormat.brandsFileName), client: training).summary
            let courses = try await TrainingImports.courses(file: path(TrainingCSVFormat.coursesFileName), client: training).summary
            let (enrolmentReport, enrolled) = try await TrainingImports.enrolments(file: path(TrainingCSVFormat.enrolmentsFileName), client: training)
            let enrolments = enrolmentReport.summary
            // results.csv numbers the enrolments as a service that started empty would; one that
            // held enrolments already numbered them on from there. Map every number of the file
            // to what the service gave.
            let years = Dictionary(data.courses().map { ($0.code, $0.startsOn / 10_000) }, uniquingKeysWith: { first, _ in first })
            var renumbering: [String: String] = [:]
            for row in enrolled {
                // Data line n + 1 is enrolment n: the generator writes no blank lines.
                renumbering[TrainingCSVFormat.enrolmentNumber(sequence: Int(row.line) - 1, year: years[row.courseCode] ?? 0)] = row.number
            }
            let results = try await TrainingImports.results(renumbering: renumbering)
                .run(file: path(TrainingCSVFormat.resultsFileName), client: training).summary
            // Certificates after training: the evaluation service (loaded first) confirms each.
            var certified = 0
            for after in data.certificatesAfterTraining() {
                let request = CertificateAfterTraining(enrolmentNumber: renumbering[after.enrolmentNumber] ?? after.enrolmentNumber,
                                                       certificateNumber: after.certificateNumber)
                do {
                    _ = try await training.unary(TrainingService.recordCertificate, request)
                    certified += 1
                } catch let error as RPCError {
                    print("  refused certificate \(after.certificateNumber) after enrolment \(request.enrolmentNumber): \(error)")
                }
            }
            await training.close()
            print("demo data: training \(brands.accepted) brands, \(courses.accepted) courses, \(enrolments.accepted) enrolments, \(results.accepted) results, \(certified) certificates after training")
            for error in (brands.errors + courses.errors + enrolments.errors + results.errors).prefix(5) {
                print("  refused line \(error.line)\(error.column.isEmpty ? "" : ", \(error.column)"): \(error.reason)")
            }
        } catch {
            await training.close()
            throw error
        }
    }

    /// Competition after the registry and evaluation: workers' entries are confirmed with the
    /// registry, studios' masters with the evaluation service. The office (admin) registers the
    /// competition and events and enters the persons one `Enter` each — whose answers carry the
    /// competitor numbers, mapped from those the judges' files name (a service that holds
    /// entries already numbers on from there); each judge submits their own file under their
    /// own identity; then the office closes the events, which makes the awards (promoted in the
    /// background), and registers the studios.
    private func loadCompetitionDemo(directory: String, configuration: ClientConfiguration) async throws {
        let data = CompetitionDemoData(persons: Self.demoPersons, enterprises: Self.demoEnterprises, seed: Self.demoSeed)
        let written = try data.write(to: directory)
        func path(_ name: String) -> String { "\(directory)/\(name)" }
        let endpoint = [Endpoint(host: "127.0.0.1", port: ports.rpc(.competition))]
        let office = try RPCClient(endpoints: endpoint, configuration: configuration)
        do {
            let competitions = try await CompetitionImports.competitions(file: path(CompetitionCSVFormat.competitionsFileName), client: office).summary
            let events = try await CompetitionImports.events(file: path(CompetitionCSVFormat.eventsFileName), client: office).summary
            let (entryReport, entered) = try await CompetitionImports.enterEach(file: path(CompetitionCSVFormat.entriesFileName), client: office)
            var errors = competitions.errors + events.errors + entryReport.summary.errors
            // Data line n + 1 is the file's n-th entry: the generator writes no blank lines.
            let fileNumbers = Dictionary(uniqueKeysWithValues: data.entries().enumerated().map { (UInt32($0.offset + 2), $0.element.number) })
            var renumbering: [String: String] = [:]
            for row in entered {
                if let number = fileNumbers[row.line] { renumbering[row.competitionCode + "/" + row.eventCode + "/" + number] = row.number }
            }
            var marks: UInt64 = 0, flagged: UInt64 = 0
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
                marks += outcome.report.summary.accepted + outcome.report.summary.alreadyRegistered
                flagged += outcome.flagged
                errors += outcome.report.summary.errors
            }
            var closed = 0, awarded = 0
            for event in data.events() {
                let view = try await office.unary(CompetitionService.closeEvent, EventLookup(competitionCode: event.competitionCode, eventCode: event.code))
                if view.state == .closed { closed += 1 }
            }
            for competition in data.competitions() {
                awarded += try await office.unary(CompetitionService.awards, AwardsRequest(competitionCode: competition.code)).awards.count
            }
            let studios = try await CompetitionImports.studios(file: path(CompetitionCSVFormat.studiosFileName), client: office).summary
            let years = try await CompetitionImports.studioYears(file: path(CompetitionCSVFormat.studioYearsFileName), client: office).summary
            errors += studios.errors + years.errors
            await office.close()
            print("demo data: competition \(competitions.accepted + competitions.alreadyRegistered) competition, \(events.accepted + events.alreadyRegistered) events, \(entered.count) entries, \(marks) marks from \(written.judges) judges (\(flagged) judgements flagged), \(closed) events closed, \(awarded) awards, \(studios.accepted) studios, \(years.accepted) studio years")
            for error in errors.prefix(5) {
                print("  refused line \(error.line)\(error.column.isEmpty ? "" : ", \(error.column)"): \(error.reason)")
            }
        } catch {
            await office.close()
            throw error
        }
    }
}
