import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages

extension DemoSize: ExpressibleByArgument {}

struct DemoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: Messages.Demo.dataAbstract.text(),
        subcommands: [All.self, Registry.self, Evaluation.self, Training.self, Competition.self])

    /// The sizes every subcommand takes: a named set, its numbers overridable one by one.
    struct Sizes: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp(Messages.Demo.sizeHelp.text(), valueName: "plan|small"))
        var size: DemoSize = .small
        @Option(name: .long, help: ArgumentHelp(Messages.Demo.personsHelp.text(), valueName: "n")) var persons: Int?
        @Option(name: .long, help: ArgumentHelp(Messages.Demo.enterprisesHelp.text(), valueName: "n")) var enterprises: Int?
        @Option(name: .long, help: ArgumentHelp(Messages.Demo.seedHelp.text(), valueName: "n")) var seed: UInt64?
        @Option(name: .long, help: ArgumentHelp(Messages.Demo.invalidEveryHelp.text(), valueName: "n")) var invalidEvery: Int?
        @Option(name: .long, help: ArgumentHelp(Messages.Demo.outHelp.text(), valueName: "dir")) var out: String

        func validate() throws {
            guard (persons ?? 0) >= 0, (enterprises ?? 0) >= 0 else { throw ValidationError(Messages.Demo.negativeSizes.text()) }
            if let invalidEvery, invalidEvery < 1 { throw ValidationError(Messages.Demo.invalidEveryTooSmall.text()) }
        }

        var options: DemoDataOptions {
            let preset = size.options
            return DemoDataOptions(persons: persons ?? preset.persons, enterprises: enterprises ?? preset.enterprises,
                                   seed: seed ?? preset.seed, invalidRowEvery: invalidEvery)
        }
    }

    struct All: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Demo.allAbstract.text(), discussion: Messages.Demo.allDiscussion.text())
        @OptionGroup var sizes: Sizes

        func run() throws {
            let options = sizes.options
            var bar = ProgressBar(label: Messages.Demo.personsLabel.text(), total: UInt64(max(options.persons, 1)))
            let manifest = try DemoFiles.write(size: sizes.size, options: options, to: sizes.out) { done in bar.update(done: UInt64(done), items: done) }
            bar.finish()
            print(Messages.Demo.generated(manifest.written.map { Messages.Demo.fileRows($0.file, rows: $0.rows).text() }.joined(separator: Messages.Demo.listSeparator.text())).text())
        }
    }

    struct Registry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Demo.registryAbstract.text(), discussion: Messages.Demo.registryDiscussion.text())
        @OptionGroup var sizes: Sizes

        func run() throws {
            let options = sizes.options
            var bar = ProgressBar(label: Messages.Demo.personsLabel.text(), total: UInt64(max(options.persons, 1)))
            let summary = try RegistryDemoData(options).write(to: sizes.out) { done in bar.update(done: UInt64(done), items: done) }
            bar.finish()
            print(Messages.Demo.wroteRegistry(sizes.out, persons: summary.persons, enterprises: summary.enterprises, demand: summary.demandLines).text())
        }
    }

    struct Evaluation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Demo.evaluationAbstract.text(), discussion: Messages.Demo.evaluationDiscussion.text())
        @OptionGroup var sizes: Sizes

        func run() throws {
            let options = sizes.options
            let summary = try EvaluationDemoData(persons: options.persons, enterprises: options.enterprises, seed: options.seed).write(to: sizes.out)
            print(Messages.Demo.wroteEvaluation(sizes.out, institutions: summary.institutions, certificates: summary.certificates, holders: summary.holders).text())
        }
    }

    struct Training: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Demo.trainingAbstract.text(), discussion: Messages.Demo.trainingDiscussion.text())
        @OptionGroup var sizes: Sizes

        func run() throws {
            let options = sizes.options
            let summary = try TrainingDemoData(persons: options.persons, enterprises: options.enterprises, seed: options.seed,
                                               invalidRowEvery: options.invalidRowEvery).write(to: sizes.out)
            print(Messages.Demo.wroteTraining(sizes.out, brands: summary.brands, courses: summary.courses, enrolments: summary.enrolments,
                                              trainees: summary.trainees, results: summary.results, passed: summary.passed,
                                              employed: summary.employed, certificates: summary.certificatesAfterTraining).text())
        }
    }

    struct Competition: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Demo.competitionAbstract.text(), discussion: Messages.Demo.competitionDiscussion.text())
        @OptionGroup var sizes: Sizes

        func run() throws {
            let options = sizes.options
            let summary = try CompetitionDemoData(persons: options.persons, enterprises: options.enterprises, seed: options.seed,
                                                  invalidRowEvery: options.invalidRowEvery).write(to: sizes.out)
            print(Messages.Demo.wroteCompetition(sizes.out, competitions: summary.competitions, events: summary.events, entries: summary.entries,
                                                 workers: summary.workers, students: summary.students, judges: summary.judges,
                                                 marks: summary.marks, studios: summary.studios, studioYears: summary.studioYears).text())
        }
    }
}
