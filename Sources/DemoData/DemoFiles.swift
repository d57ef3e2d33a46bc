import Foundation
import JCSkillsProtocol

/// What loading a written demo needs besides its files: the numbers the services give that the
/// files can only predict, the baseline and the institutions' approval dates the CSV formats do
/// not carry, and what was written.
public struct DemoManifest: Sendable {
    public var size: DemoSize
    public var options: DemoDataOptions
    /// Course code → the year it starts (results.csv numbers enrolments by it).
    public var courseYears: [String: Int32]
    /// The competition's entries in entries.csv order (the judges' files name their numbers).
    public var entries: [CompetitionDemoEntry]
    /// The declared stock before the system; empty for the small demo.
    public var baseline: [BaselineDeclaration]
    /// The institutions with their approval dates, registered one by one; nil to import
    /// institutions.csv (registered today).
    public var institutions: [Institution]?
    /// Rows written, by kind, in file order: persons, certificates, enrolments, ….
    public var written: [(file: String, rows: Int)]
}

/// Writes every service's demo files of a size into one directory.
public enum DemoFiles {
    /// `progress` is called with the persons done as the persons are generated.
    /// `catalogueWritten`: called once the training's brands.csv and courses.csv are whole
    /// (the plan's before its persons; the small set's at the end).
    public static func write(size: DemoSize, options: DemoDataOptions, to directory: String,
                             progress: ((Int) -> Void)? = nil, catalogueWritten: (() -> Void)? = nil) throws -> DemoManifest {
        switch size {
        case .plan:
            let data = PlanDemoData(options)
            let summary = try data.write(to: directory, progress: progress, catalogueWritten: catalogueWritten)
            return DemoManifest(
                size: size, options: options, courseYears: summary.courseYears, entries: summary.entries,
                baseline: data.baseline(), institutions: data.institutions(),
                written: [(RegistryCSVFormat.personsFileName, summary.persons), (RegistryCSVFormat.enterprisesFileName, summary.enterprises),
                          (EvaluationCSVFormat.certificatesFileName, summary.certificates), (TrainingCSVFormat.coursesFileName, summary.courses),
                          (TrainingCSVFormat.enrolmentsFileName, summary.enrolments), (TrainingCSVFormat.resultsFileName, summary.results),
                          (TrainingCSVFormat.certificatesAfterFileName, summary.certificatesAfterTraining),
                          (CompetitionCSVFormat.entriesFileName, summary.competition?.entries ?? 0)])
        case .small:
            let registry = try RegistryDemoData(options).write(to: directory, progress: progress)
            let evaluation = try EvaluationDemoData(persons: options.persons, enterprises: options.enterprises, seed: options.seed).write(to: directory)
            let trainingData = TrainingDemoData(persons: options.persons, enterprises: options.enterprises, seed: options.seed,
                                                invalidRowEvery: options.invalidRowEvery)
            let training = try trainingData.write(to: directory)
            let competitionData = CompetitionDemoData(persons: options.persons, enterprises: options.enterprises, seed: options.seed,
                                                      invalidRowEvery: options.invalidRowEvery)
            let competition = try competitionData.write(to: directory)
            catalogueWritten?()
            return DemoManifest(
                size: size, options: options,
                courseYears: Dictionary(trainingData.courses().map { ($0.code, $0.startsOn / 10_000) }, uniquingKeysWith: { first, _ in first }),
                entries: competitionData.entries(), baseline: [], institutions: nil,
                written: [(RegistryCSVFormat.personsFileName, registry.persons), (RegistryCSVFormat.enterprisesFileName, registry.enterprises),
                          (EvaluationCSVFormat.certificatesFileName, evaluation.certificates), (TrainingCSVFormat.coursesFileName, training.courses),
                          (TrainingCSVFormat.enrolmentsFileName, training.enrolments), (TrainingCSVFormat.resultsFileName, training.results),
                          (TrainingCSVFormat.certificatesAfterFileName, training.certificatesAfterTraining),
                          (CompetitionCSVFormat.entriesFileName, competition.entries)])
        }
    }
}
