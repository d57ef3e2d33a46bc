import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "The labour-force registry: import and export persons, enterprises and demand; one person's card; look up; statistics.",
        discussion: """
            One person at a time (a county clerk's work; each write carries an idempotency key):
              jcskills registry register --id-number 140524199001011239 --name 王晓明 --residence-county 140524 --category rural
              jcskills registry update --id-number 140524199001011239 --employment unemployed --reason "laid off"
              jcskills registry move --id-number 140524199001011239 --new-county 140525
              jcskills registry leave --id-number 140524199001011239 --leaving-reason age
              jcskills registry history --id-number 140524199001011239
            """,
        subcommands: [Import.self, ImportEnterprises.self, ImportDemand.self, Export.self, Get.self, Statistics.self, Gap.self,
                      Register.self, Update.self, Move.self, Leave.self, History.self, Quality.self])

    struct Target: ParsableArguments {
        @OptionGroup var client: ClientOptions
        @Option(name: .long, help: ArgumentHelp("The registry's address.", valueName: "host:port"))
        var endpoint: String = "127.0.0.1:\(ServiceKind.registry.defaultPort)"

        func makeClient(timeout: Duration = .seconds(30)) throws -> RPCClient {
            try client.client(endpoint: endpoint, timeout: timeout)
        }

        /// `attempts` above 1 only for calls safe to repeat (ClientOptions.client).
        func call<T: Sendable>(timeout: Duration = .seconds(30), attempts: Int = 1, _ body: (RPCClient) async throws -> T) async throws -> T {
            try await client.call(endpoint: endpoint, timeout: timeout, attempts: attempts, body)
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import persons from a CSV file (the persons.csv layout of `jcskills demo-data registry`).",
            discussion: """
                Valid rows are registered; every bad row is reported with its line number, column and \
                reason, and nothing valid is lost because of a bad neighbour. Importing the same file \
                again adds nothing (its rows count as already registered). 15-digit legacy ID numbers \
                are converted to 18 digits and flagged. An ID number that appears twice in the file is \
                reported by line: imported once if the rows are identical, rejected if they differ. \
                A file in GBK or Big5 (a spreadsheet's CSV on a Chinese Windows desktop) is read \
                with --encoding, or found by itself (auto). Exit 0 when every row went in, 3 when some \
                rows were rejected, 2 or 1 on other failures.
                """)
        @OptionGroup var target: Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("persons.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp("Write every rejected row to this CSV file.", valueName: "file")) var errors: String?
        @Option(name: .long, help: "Rows per message (and per database transaction).") var batch: Int = 500

        func run() async throws {
            try await target.runImport(RegistryImports.persons, file: file, encoding: input.encoding, batchSize: batch, errors: errors)
        }
    }

    struct ImportEnterprises: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-enterprises", abstract: "Import enterprises from a CSV file (enterprises.csv layout).")
        @OptionGroup var target: Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("enterprises.csv", valueName: "file")) var file: String

        func run() async throws {
            try await target.runImport(RegistryImports.enterprises, file: file, encoding: input.encoding)
        }
    }

    struct ImportDemand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-demand", abstract: "Import the demand survey from a CSV file (demand.csv layout); enterprises first.")
        @OptionGroup var target: Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("demand.csv", valueName: "file")) var file: String

        func run() async throws {
            try await target.runImport(RegistryImports.demand, file: file, encoding: input.encoding)
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a county's persons as CSV (masked unless your identity may see personal data).")
        @OptionGroup var target: Target
        @Option(name: .long, help: "County code; 0 for the whole city (registry office only).") var county: Int32
        @Option(name: .long, help: ArgumentHelp("Output file; default standard output.", valueName: "file")) var out: String?
        @Flag(name: .long, help: "Include persons who moved away or left the labour force.") var includeInactive = false

        func run() async throws {
            let client = try target.makeClient(timeout: .seconds(24 * 3600))
            var sink: any CSVSink = out == nil ? StandardOutputSink() : try FileCSVSink(path: out!)
            try sink.writeRecord(RegistryCSVFormat.personHeader + ["card_number", "status"])
            let count = try await client.serverStreaming(RegistryService.exportPersons, ExportRequest(county: county, includeInactive: includeInactive)) { batches in
                var count = 0
                for try await batch in batches {
                    for person in batch.persons {
                        try sink.writeRecord(PersonCSV.fields(person) + [person.cardNumber, String(person.status.rawValue)])
                        count += 1
                    }
                }
                return count
            }
            if let file = sink as? FileCSVSink { try file.close() }
            if let output = sink as? StandardOutputSink { try output.flush() }
            await client.close()
            FileHandle.standardError.write(Data((Messages.Registry.exported(count).text() + "\n").utf8))
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one person by ID number or card number.")
        @OptionGroup var target: Target
        @Option(name: .long, help: "ID number.") var id: String?
        @Option(name: .long, help: "Card number.") var card: String?

        func run() async throws {
            guard (id == nil) != (card == nil) else { throw ValidationError(Messages.Registry.giveIDOrCard.text()) }
            let client = try target.makeClient()
            do {
                let person = try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: id ?? "", cardNumber: card ?? ""))
                await client.close()
                print(PersonCSV.describe(person))
            } catch let error as RPCError {
                await client.close()
                throw CLIError(error)
            }
        }
    }

    struct Statistics: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "Registered persons by county and category; coverage against the estimated labour force.")
        @OptionGroup var target: Target
        @Option(name: .long, help: "County code; 0 for the city.") var county: Int32 = 0

        func run() async throws {
            let client = try target.makeClient()
            let stats = try await client.unary(RegistryService.statistics, StatisticsRequest(county: county))
            await client.close()
            print(Messages.Registry.statistics(registered: stats.registered, enterprises: stats.enterprises, surveyed: stats.enterprisesSurveyed).text())
            for coverage in stats.coverage {
                let share = coverage.estimatedLabourForce == 0 ? 0 : Double(coverage.registered) / Double(coverage.estimatedLabourForce) * 100
                print(Messages.Registry.coverage(county: CountyName.padded(coverage.county), registered: String(format: "%9d", coverage.registered),
                                                 estimated: String(format: "%9d", coverage.estimatedLabourForce), share: String(format: "%5.1f", share)).text())
            }
            var byCategory: [Int32: UInt64] = [:]
            for cell in stats.cells { byCategory[cell.category.rawValue, default: 0] += cell.count }
            for (category, count) in byCategory.sorted(by: { $0.key < $1.key }) {
                print("  \(TextWidth.padded(Vocabulary.text(RegistryCSVFormat.category, LabourCategory(rawValue: category)), to: 20)) \(count)")
            }
        }
    }

    struct Gap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "demand-gap", abstract: "Enterprise demand per occupation and year against registered workers and training wishes.")
        @OptionGroup var target: Target
        @Option(name: .long, help: "Year; 0 for all.") var year: Int32 = 0

        func run() async throws {
            let client = try target.makeClient()
            let report = try await client.unary(RegistryService.demandGap, DemandGapRequest(year: year))
            await client.close()
            typealias Words = Messages.Registry
            print(TextWidth.padded(Words.gapOccupation.text(), to: 14) + " " + TextWidth.padded(Words.gapYear.text(), to: 4)
                  + [Words.gapDemand, Words.gapWorking, Words.gapWishing].map { " " + TextWidth.leftPadded($0.text(), to: 8) }.joined())
            for row in report.rows {
                print("\(row.occupation.padding(toLength: 14, withPad: " ", startingAt: 0)) \(row.year) \(String(format: "%8d %8d %8d", row.demand, row.working, row.wishing))")
            }
        }
    }
}

/// A person's CSV fields in the import layout, so an export can be imported elsewhere.
enum PersonCSV {
    static func fields(_ person: PersonView) -> [String] {
        var fields = Array(repeating: "", count: RegistryCSVFormat.personHeader.count)
        typealias Column = RegistryCSVFormat.PersonColumn
        fields[Column.idNumber.index] = person.idNumber
        fields[Column.name.index] = person.name
        fields[Column.gender.index] = RegistryCSVFormat.gender.text(for: person.gender)
        fields[Column.residenceCounty.index] = String(person.residenceCounty)
        fields[Column.category.index] = RegistryCSVFormat.category.text(for: person.category)
        fields[Column.keyGroups.index] = RegistryCSVFormat.formatKeyGroups(person.keyGroups)
        fields[Column.education.index] = RegistryCSVFormat.education.text(for: person.education)
        fields[Column.employment.index] = RegistryCSVFormat.employment.text(for: person.employment)
        fields[Column.occupation.index] = person.occupation
        fields[Column.trainingWish.index] = person.trainingWish
        fields[Column.trainingMode.index] = RegistryCSVFormat.trainingMode.text(for: person.trainingMode)
        fields[Column.phone.index] = person.phone
        fields[Column.stage.index] = person.stage == 0 ? "" : String(person.stage)
        fields[Column.registeredOn.index] = CalendarDate(yyyymmdd: person.registeredOn)?.isoString ?? ""
        return fields
    }

    static func describe(_ person: PersonView) -> String {
        typealias Words = Messages.Registry
        let rows: [(Message, String)] = [
            (Words.card, person.cardNumber),
            (Words.idNumber, person.idNumber + (person.masked ? Words.masked.text() : "")),
            (Words.name, person.name),
            (Words.genderAge, "\(Vocabulary.gender(person.gender)), \(person.age)"),
            (Words.county, CountyName.of(person.residenceCounty)),
            (Words.category, Vocabulary.text(RegistryCSVFormat.category, person.category)),
            (Words.keyGroups, Vocabulary.keyGroups(person.keyGroups)),
            (Words.employment, "\(Vocabulary.text(RegistryCSVFormat.employment, person.employment)) \(person.occupation)"),
            (Words.trainingWish, person.trainingWish),
            (Words.phone, person.phone),
            (Words.registered, "\(CalendarDate(yyyymmdd: person.registeredOn)?.isoString ?? "-"), "
                + Words.statusAndVersion(status: RegistryPersonJSON.statusWord(person.status), version: person.version).text()),
        ]
        return LabelledLines.render(rows)
    }
}

/// CSV to standard output, written in 64 KiB blocks. A closed pipe (`| head`) ends the
/// command quietly instead of crashing it.
final class StandardOutputSink: CSVSink {
    private var buffer: [UInt8] = []

    func writeLine(_ line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try FileHandle.standardOutput.write(contentsOf: buffer)
        } catch {
            throw ExitCode.success  // the reader went away: nothing left to do
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
