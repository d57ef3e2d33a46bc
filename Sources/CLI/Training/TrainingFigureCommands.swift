import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills training indicators`: a year's figures.
struct TrainingIndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "A year's training figures for the city or a county: totals, then by programme, mode, provider and course.",
        discussion: """
            Person-times (enrolments in courses starting in the year), results, passes, jobs after \
            training, certificates after training, their rates (of the trainees with a result) and \
            the subsidy due. Providers under 95 % passing or 30 % in a job are flagged \
            (pass_rate, employment_rate). For admin, the training office, county offices, \
            auditors and the gateway. --json gives rates in basis points (9500 = 95 %).
            Examples:
              jcskills training indicators --year 2021
              jcskills training indicators --year 2021 --county 140524 --json
            """)
    @OptionGroup var target: TrainingCommand.Target
    @OptionGroup var output: TrainingCommand.Output
    @Option(name: .long, help: "Year (courses starting in it).") var year: Int32
    @Option(name: .long, help: "County code; 0 for the city.") var county: Int32 = 0

    func run() async throws {
        let (indicators, courses) = try await target.call { client in
            let indicators = try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: year, county: county))
            if output.json { return (indicators, [String: Course]()) }
            // The course lines name their courses; the figures carry only the codes.
            let list = try? await client.unary(TrainingService.listCourses, CourseListRequest(county: county, year: year))
            return (indicators, Dictionary((list?.courses ?? []).map { ($0.course.code, $0.course) }, uniquingKeysWith: { first, _ in first }))
        }
        print(output.json ? TrainingJSON.render(TrainingJSON.indicators(indicators)) : TrainingIndicatorsTable.render(indicators, courses: courses))
    }
}

/// `jcskills training brands [show|register]`.
struct TrainingBrands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brands",
        abstract: "Labour brands: the levels each reached, people trained and placed per year, the counties still lacking one.",
        discussion: """
            Examples:
              jcskills training brands            # the report, as `brands show`
              jcskills training brands --json
              jcskills training brands register demo/brands.csv
            """,
        subcommands: [Show.self, Register.self],
        defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every brand with its levels and its courses' trainees and placements per year, and the counties without a city-level brand by 2020 or a provincial-level one by 2021.")
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var output: TrainingCommand.Output

        func run() async throws {
            let report = try await target.call { client in try await client.unary(TrainingService.labourBrands, LabourBrandsRequest()) }
            print(output.json ? TrainingJSON.render(TrainingJSON.brands(report)) : TrainingReports.brands(report))
        }
    }

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register (or update) the labour brands of a brands.csv.",
            discussion: """
                Columns: \(TrainingCSVFormat.brandHeader.joined(separator: ",")). recognitions: the \
                levels reached, level:year separated by ';' — levels \(TrainingCSVFormat.brandLevel.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", ")) \
                — e.g. city:2020;provincial:2021;national:2022; a higher level no earlier than a \
                lower one. Register a brand again with its new level as it rises. county: the \
                brand's county code. Exit 0 when every row went in, 3 when some were refused.
                """)
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("brands.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp("Write every refused row to this CSV file (line,column,reason).", valueName: "file")) var errors: String?

        func run() async throws {
            let started = Date()
            let report = try await target.call { client in
                try await TrainingImports.brands(file: file, encoding: input.encoding, client: client)
            }
            if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
            try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
        }
    }
}

/// `jcskills training record`: a person's lifelong record.
struct TrainingRecord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "A person's lifelong training record by ID number: every course, result, certificate after training and job, and the certificates they hold.",
        discussion: """
            Shows personal data in full: admin, the training office and auditors only, and every \
            look-up is audited. The certificates come from the evaluation service, with their \
            recognised equivalents; when it cannot be asked in time they are reported as unknown, \
            not as none.
            Example: jcskills --as training-office training record --id-number 140524199001011239
            """)
    @OptionGroup var target: TrainingCommand.Target
    @OptionGroup var output: TrainingCommand.Output
    @Option(name: .customLong("id-number"), help: ArgumentHelp("The person's ID number.", valueName: "id")) var idNumber: String

    func run() async throws {
        let record = try await target.call { client in try await client.unary(TrainingService.personRecord, PersonRecordRequest(idNumber: idNumber)) }
        print(output.json ? TrainingJSON.render(TrainingJSON.record(record)) : TrainingReports.record(record))
    }
}
