import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills training indicators`: a year's figures.
struct TrainingIndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: Messages.Training.Help.yearSTrainingFiguresAbstract.text(),
        discussion: Messages.Training.Help.personTimesEnrolmentsCoursesDiscussion.text())
    @OptionGroup var target: TrainingCommand.Target
    @OptionGroup var output: TrainingCommand.Output
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.yearCoursesStartingHelp.text())) var year: Int32
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.countyCodeCityHelp.text())) var county: Int32 = 0

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
        abstract: Messages.Training.Help.labourBrandsLevelsEachAbstract.text(),
        discussion: Messages.Training.Help.examplesJcskillsTrainingBrandsDiscussion.text(),
        subcommands: [Show.self, Register.self],
        defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Training.Help.everyBrandLevelsCoursesAbstract.text())
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var output: TrainingCommand.Output

        func run() async throws {
            let report = try await target.call { client in try await client.unary(TrainingService.labourBrands, LabourBrandsRequest()) }
            print(output.json ? TrainingJSON.render(TrainingJSON.brands(report)) : TrainingReports.brands(report))
        }
    }

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Training.Help.registerUpdateLabourBrandsAbstract.text(),
            discussion: Messages.Training.Help.columnsRecognitionsLevelsReachedDiscussion("\(TrainingCSVFormat.brandHeader.joined(separator: ","))", "\(TrainingCSVFormat.brandLevel.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", "))").text())
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("brands.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.writeEveryRefusedRowHelp.text(), valueName: "file")) var errors: String?

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
        abstract: Messages.Training.Help.personSLifelongTrainingAbstract.text(),
        discussion: Messages.Training.Help.showsPersonalDataFullDiscussion.text())
    @OptionGroup var target: TrainingCommand.Target
    @OptionGroup var output: TrainingCommand.Output
    @Option(name: .customLong("id-number"), help: ArgumentHelp(Messages.Training.Help.personSIdNumberHelp.text(), valueName: "id")) var idNumber: String

    func run() async throws {
        let record = try await target.call { client in try await client.unary(TrainingService.personRecord, PersonRecordRequest(idNumber: idNumber)) }
        print(output.json ? TrainingJSON.render(TrainingJSON.record(record)) : TrainingReports.record(record))
    }
}
