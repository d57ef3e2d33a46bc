import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills training courses register|list|show`.
struct TrainingCourses: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "courses",
        abstract: Messages.Training.Help.registerCoursesFromCsvAbstract.text(),
        discussion: Messages.Training.Help.examplesJcskillsTrainingCoursesDiscussion.text(),
        subcommands: [Register.self, List.self, Show.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Training.Help.registerUpdateCoursesCoursesAbstract.text(),
            discussion: Messages.Training.Help.columnsCertificateKindLevelDiscussion("\(TrainingCSVFormat.courseHeader.joined(separator: ","))", "\(EvaluationCSVFormat.certificateKind.terms.map(\.slug).joined(separator: ", "))", "\(RegistryCSVFormat.trainingMode.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", "))", "\(TrainingCSVFormat.programme.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", "))").text())
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("courses.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.writeEveryRefusedRowHelp.text(), valueName: "file")) var errors: String?

        func run() async throws {
            let started = Date()
            let report = try await target.call { client in
                try await TrainingImports.courses(file: file, encoding: input.encoding, client: client)
            }
            if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
            try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Training.Help.coursesCountyCityRunningAbstract.text(),
            discussion: Messages.Training.Help.anyoneIdentifiedMayListDiscussion.text())
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var output: TrainingCommand.Output
        @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.countyCodeWholeCityHelp.text())) var county: Int32 = 0
        @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.yearCourseRunsAnyHelp.text())) var year: Int32 = 0

        func run() async throws {
            let list = try await target.call { client in
                try await client.unary(TrainingService.listCourses, CourseListRequest(county: county, year: year))
            }
            print(output.json ? TrainingJSON.render(["courses": list.courses.map(TrainingJSON.course)]) : TrainingReports.courseList(list))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.Training.Help.oneCourseCodeWhatAbstract.text())
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var output: TrainingCommand.Output
        @Argument(help: ArgumentHelp(Messages.Training.Help.courseSCodeJcHelp.text(), valueName: "code")) var code: String

        func run() async throws {
            let view = try await target.call { client in try await client.unary(TrainingService.getCourse, CourseLookup(code: code)) }
            print(output.json ? TrainingJSON.render(TrainingJSON.course(view)) : TrainingReports.course(view))
        }
    }
}
