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
        abstract: Messages.Registry.Help.labourForceRegistryImportAbstract.text(),
        discussion: Messages.Registry.Help.onePersonTimeCountyDiscussion.text(),
        subcommands: [Import.self, ImportEnterprises.self, ImportDemand.self, Export.self, Get.self, Statistics.self, Gap.self,
                      Register.self, Update.self, Move.self, Leave.self, History.self, Quality.self])

    struct Target: ParsableArguments {
        @OptionGroup var client: ClientOptions
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.registrySAddressHelp.text(), valueName: "host:port"))
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
            abstract: Messages.Registry.Help.importPersonsFromCsvAbstract.text(),
            discussion: Messages.Registry.Help.validRowsAreRegisteredDiscussion.text())
        @OptionGroup var target: Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("persons.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.writeEveryRejectedRowHelp.text(), valueName: "file")) var errors: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.rowsPerMessagePerHelp.text())) var batch: Int = 500

        func run() async throws {
            try await target.runImport(RegistryImports.persons, file: file, encoding: input.encoding, batchSize: batch, errors: errors)
        }
    }

    struct ImportEnterprises: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-enterprises", abstract: Messages.Registry.Help.importEnterprisesFromCsvAbstract.text())
        @OptionGroup var target: Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("enterprises.csv", valueName: "file")) var file: String

        func run() async throws {
            try await target.runImport(RegistryImports.enterprises, file: file, encoding: input.encoding)
        }
    }

    struct ImportDemand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-demand", abstract: Messages.Registry.Help.importDemandSurveyFromAbstract.text())
        @OptionGroup var target: Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("demand.csv", valueName: "file")) var file: String

        func run() async throws {
            try await target.runImport(RegistryImports.demand, file: file, encoding: input.encoding)
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Registry.Help.exportCountySPersonsAbstract.text())
        @OptionGroup var target: Target
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.countyCodeWholeCityHelp.text())) var county: Int32
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.outputFileDefaultStandardHelp.text(), valueName: "file")) var out: String?
        @Flag(name: .long, help: ArgumentHelp(Messages.Registry.Help.includePersonsWhoMovedHelp.text())) var includeInactive = false

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
        static let configuration = CommandConfiguration(abstract: Messages.Registry.Help.showOnePersonIdAbstract.text())
        @OptionGroup var target: Target
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.idNumberHelp.text())) var id: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.cardNumberHelp.text())) var card: String?

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
        static let configuration = CommandConfiguration(commandName: "stats", abstract: Messages.Registry.Help.registeredPersonsCountyCategoryAbstract.text())
        @OptionGroup var target: Target
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.countyCodeCityHelp.text())) var county: Int32 = 0

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
        static let configuration = CommandConfiguration(commandName: "demand-gap", abstract: Messages.Registry.Help.enterpriseDemandPerOccupationAbstract.text())
        @OptionGroup var target: Target
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.yearAllHelp.text())) var year: Int32 = 0

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
            (Words.genderAge, Vocabulary.gender(person.gender) + Messages.Common.separator.text() + "\(person.age)"),
            (Words.county, CountyName.of(person.residenceCounty)),
            (Words.category, Vocabulary.text(RegistryCSVFormat.category, person.category)),
            (Words.keyGroups, Vocabulary.keyGroups(person.keyGroups)),
            (Words.employment, "\(Vocabulary.text(RegistryCSVFormat.employment, person.employment)) \(person.occupation)"),
            (Words.trainingWish, person.trainingWish),
            (Words.phone, person.phone),
            (Words.registered, (CalendarDate(yyyymmdd: person.registeredOn)?.isoString ?? "-") + Messages.Common.separator.text()
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
