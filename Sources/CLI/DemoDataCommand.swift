import ArgumentParser
import Foundation
import JCSkillsDemoData

struct DemoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Write deterministic, realistic CSV files that the services' imports accept.",
        subcommands: [Registry.self, Evaluation.self, Training.self, Competition.self])

    struct Registry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "persons.csv, enterprises.csv and demand.csv for `jcskills registry import…`.",
            discussion: "The same --seed always writes the same bytes. Example: jcskills demo-data registry --persons 1500000 --enterprises 5000 --out demo/")

        @Option(name: .long, help: "Persons to generate.") var persons: Int = 10_000
        @Option(name: .long, help: "Enterprises to generate (each with 1–4 demand lines).") var enterprises: Int = 200
        @Option(name: .long, help: "Seed of the generator.") var seed: UInt64 = 2020
        @Option(name: .long, help: ArgumentHelp("Corrupt every Nth person row (for testing imports); off by default.", valueName: "n"))
        var invalidEvery: Int?
        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir")) var out: String

        func validate() throws {
            guard persons >= 0, enterprises >= 0 else { throw ValidationError("sizes must not be negative") }
            if let invalidEvery, invalidEvery < 1 { throw ValidationError("--invalid-every must be at least 1") }
        }

        func run() throws {
            let data = RegistryDemoData(persons: persons, enterprises: enterprises, seed: seed, invalidRowEvery: invalidEvery)
            var bar = ProgressBar(label: "persons", total: UInt64(max(persons, 1)))
            let summary = try data.write(to: out) { done in bar.update(done: UInt64(done), items: done) }
            bar.finish()
            print("wrote \(out)/\(RegistryCSVFormat.personsFileName) (\(summary.persons) persons), \(RegistryCSVFormat.enterprisesFileName) (\(summary.enterprises)), \(RegistryCSVFormat.demandFileName) (\(summary.demandLines) lines)")
        }
    }

    struct Evaluation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "institutions.csv and certificates.csv for `jcskills evaluation import-institutions` / `import`.",
            discussion: """
                Consistent with `jcskills demo-data registry` of the same --persons, --enterprises and \
                --seed: the holders are its persons (same ID numbers and names) and the enterprise \
                bodies belong to its enterprises of ≥ 300 staff, so import the registry first. At \
                least 50 institutions of the four types; about a third of the persons hold 1–3 \
                certificates. Example: jcskills demo-data evaluation --persons 100000 --enterprises 2000 --seed 7 --out demo/
                """)

        @Option(name: .long, help: "Persons of the registry's demo data (holders are drawn from them).") var persons: Int = 10_000
        @Option(name: .long, help: "Enterprises of the registry's demo data.") var enterprises: Int = 200
        @Option(name: .long, help: "Seed: the registry's demo data's.") var seed: UInt64 = 2020
        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir")) var out: String

        func validate() throws {
            guard persons >= 0, enterprises >= 0 else { throw ValidationError("sizes must not be negative") }
        }

        func run() throws {
            let summary = try EvaluationDemoData(persons: persons, enterprises: enterprises, seed: seed).write(to: out)
            print("wrote \(out)/\(EvaluationCSVFormat.institutionsFileName) (\(summary.institutions) institutions), \(EvaluationCSVFormat.certificatesFileName) (\(summary.certificates) certificates of \(summary.holders) holders)")
        }
    }

    struct Training: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "brands.csv, courses.csv, enrolments.csv, results.csv and certificates_after.csv for `jcskills training …`.",
            discussion: """
                Consistent with `jcskills demo-data registry` of the same --persons, --enterprises, \
                --seed (and --invalid-every): the trainees are its persons, the enterprise providers \
                and employers its enterprises, so import the registry first. Every enrolment keeps to \
                the service's rules (key-group courses take members only, no overlapping courses, at \
                most 3 subsidised courses a person a year, capacity), and results.csv numbers the \
                enrolments as a training service that starts empty numbers enrolments.csv in file \
                order — so load them into an empty one, after the whole registry file (`local up \
                --demo` maps the numbers itself). Load in this order:
                  jcskills demo-data training --persons 100000 --enterprises 2000 --seed 7 --out demo/
                  jcskills training brands register demo/brands.csv
                  jcskills training courses register demo/courses.csv
                  jcskills training enrol demo/enrolments.csv
                  jcskills training results upload demo/results.csv
                certificates_after.csv lists the certificates about two in three of those who passed
                obtained afterwards; `jcskills demo-data evaluation` of the same sizes and seed issues
                them, so load the evaluation's certificates first, then record each row with
                `jcskills training certificate --enrolment N --certificate NUMBER` (`local up --demo`
                does all of this).
                """)

        @Option(name: .long, help: "Persons of the registry's demo data (trainees are drawn from them).") var persons: Int = 10_000
        @Option(name: .long, help: "Enterprises of the registry's demo data (providers and employers).") var enterprises: Int = 200
        @Option(name: .long, help: "Seed: the registry's demo data's.") var seed: UInt64 = 2020
        @Option(name: .long, help: ArgumentHelp("The registry demo's --invalid-every, if it had one: its broken rows never enrol.", valueName: "n"))
        var invalidEvery: Int?
        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir")) var out: String

        func validate() throws {
            guard persons >= 0, enterprises >= 0 else { throw ValidationError("sizes must not be negative") }
            if let invalidEvery, invalidEvery < 1 { throw ValidationError("--invalid-every must be at least 1") }
        }

        func run() throws {
            let data = TrainingDemoData(persons: persons, enterprises: enterprises, seed: seed, invalidRowEvery: invalidEvery)
            let summary = try data.write(to: out)
            print("wrote \(out)/\(TrainingCSVFormat.brandsFileName) (\(summary.brands) brands), \(TrainingCSVFormat.coursesFileName) (\(summary.courses) courses), \(TrainingCSVFormat.enrolmentsFileName) (\(summary.enrolments) enrolments of \(summary.trainees) persons), \(TrainingCSVFormat.resultsFileName) (\(summary.results) results, \(summary.passed) passed, \(summary.employed) in a job), \(TrainingCSVFormat.certificatesAfterFileName) (\(summary.certificatesAfterTraining) certificates after training)")
        }
    }

    struct Competition: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "competitions.csv, events.csv, entries.csv, marks_<judge>.csv, studios.csv and studio_years.csv for `jcskills competition …` and `jcskills studio …`.",
            discussion: """
                Consistent with `jcskills demo-data registry` and `evaluation` of the same --persons, \
                --enterprises, --seed (and --invalid-every): the 2021 annual city competition with \
                eight events (six for enterprise workers — registry demo persons in the event's \
                occupation, so the registry confirms them — and two for students, who carry their \
                school), judges J01–J24 with one marks file each, and skill-master studios whose \
                masters hold 技师 or 高级技师 certificates in the evaluation demo data. The marks \
                name entries by the competitor numbers a competition service that starts empty \
                gives entries.csv in file order (`local up --demo` maps the numbers itself). The \
                judges need PKI identities: `jcskills pki init --out DIR --extra judge-J01 …`. \
                Load the registry and evaluation data first, then:
                  jcskills demo-data competition --out demo/
                  jcskills competition register demo/competitions.csv
                  jcskills competition event register demo/events.csv
                  jcskills competition enter demo/entries.csv
                  jcskills competition marks --as judge-J01 demo/marks_J01.csv   # each judge
                  jcskills competition close --competition JC-2021-CITY --all
                  jcskills studio register demo/studios.csv
                  jcskills studio year demo/studio_years.csv
                """)

        @Option(name: .long, help: "Persons of the registry's demo data (workers are drawn from them).") var persons: Int = 10_000
        @Option(name: .long, help: "Enterprises of the registry's demo data (studio hosts).") var enterprises: Int = 200
        @Option(name: .long, help: "Seed: the registry's demo data's.") var seed: UInt64 = 2020
        @Option(name: .long, help: ArgumentHelp("The registry demo's --invalid-every, if it had one: its broken rows never enter.", valueName: "n"))
        var invalidEvery: Int?
        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir")) var out: String

        func validate() throws {
            guard persons >= 0, enterprises >= 0 else { throw ValidationError("sizes must not be negative") }
            if let invalidEvery, invalidEvery < 1 { throw ValidationError("--invalid-every must be at least 1") }
        }

        func run() throws {
            let summary = try CompetitionDemoData(persons: persons, enterprises: enterprises, seed: seed, invalidRowEvery: invalidEvery).write(to: out)
            print("wrote \(out)/\(CompetitionCSVFormat.competitionsFileName) (\(summary.competitions) competition), \(CompetitionCSVFormat.eventsFileName) (\(summary.events) events), \(CompetitionCSVFormat.entriesFileName) (\(summary.entries) entries: \(summary.workers) workers, \(summary.students) students), \(summary.judges) marks_<judge>.csv (\(summary.marks) marks), \(CompetitionCSVFormat.studiosFileName) (\(summary.studios) studios), \(CompetitionCSVFormat.studioYearsFileName) (\(summary.studioYears) years)")
        }
    }
}
