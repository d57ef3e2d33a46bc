import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills training courses register|list|show`.
struct TrainingCourses: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "courses",
        abstract: "Register courses from a CSV file; list a county's or year's courses; show one.",
        discussion: """
            Examples:
              jcskills training courses register demo/courses.csv
              jcskills training courses list --county 140524 --year 2021
              jcskills training courses show JC-2021-0013 --json
            """,
        subcommands: [Register.self, List.self, Show.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register (or update) the courses of a courses.csv, one RegisterCourse call each.",
            discussion: """
                Columns: \(TrainingCSVFormat.courseHeader.joined(separator: ",")). \
                certificate_kind: \(EvaluationCSVFormat.certificateKind.terms.map(\.slug).joined(separator: ", ")); \
                level 1–5 for the levelled kinds (skill_level, vocational_qualification), else empty. \
                mode: \(RegistryCSVFormat.trainingMode.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", ")). \
                programme: \(TrainingCSVFormat.programme.terms.map { "\($0.slug) (\($0.chineseName))" }.joined(separator: ", ")). \
                provider_kind: training_institution or enterprise, with the provider's credit code. \
                Dates yyyy-mm-dd. subsidy_per_trainee: yuan per trainee who passes (a key-group \
                course must give it); subsidy_with_certificate: the higher tier for one who then \
                obtains a certificate (0: none; never below the standard). labour_brand: a \
                registered brand's code (register brands first) or empty; occupation_name is for \
                reading and not sent. \
                A course is keyed by its code: a row for a registered course updates it (noted), \
                an identical one is not sent again. Every refused row is reported with its line, \
                column and reason. Exit 0 when every row went in, 3 when some were refused.
                """)
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("courses.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp("Write every refused row to this CSV file (line,column,reason).", valueName: "file")) var errors: String?

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
            abstract: "Courses of a county (or the city) running in a year, by start date, with places taken.",
            discussion: "Anyone identified may list courses: they hold no personal data.")
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var output: TrainingCommand.Output
        @Option(name: .long, help: "County code; 0 for the whole city.") var county: Int32 = 0
        @Option(name: .long, help: "Year the course runs in; 0 for any.") var year: Int32 = 0

        func run() async throws {
            let list = try await target.call { client in
                try await client.unary(TrainingService.listCourses, CourseListRequest(county: county, year: year))
            }
            print(output.json ? TrainingJSON.render(["courses": list.courses.map(TrainingJSON.course)]) : TrainingReports.courseList(list))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One course by its code: what, how, by whom, where, when, places and subsidy.")
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var output: TrainingCommand.Output
        @Argument(help: ArgumentHelp("The course's code, e.g. JC-2021-0013.", valueName: "code")) var code: String

        func run() async throws {
            let view = try await target.call { client in try await client.unary(TrainingService.getCourse, CourseLookup(code: code)) }
            print(output.json ? TrainingJSON.render(TrainingJSON.course(view)) : TrainingReports.course(view))
        }
    }
}
