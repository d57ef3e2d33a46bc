import Foundation
import JCSkillsProtocol

/// Realistic, deterministic demo data for the registry: persons, enterprises and the demand
/// survey, as ``RegistryCSVFormat`` files that `jcskills registry import` accepts.
///
/// Same options, same bytes — on any machine and Swift version (the random source is
/// ``SplitMix64`` with our own bounded draws). Persons are streamed row by row, so 1.5
/// million of them need only the ID allocator's few MB. What the data looks like:
/// - **ID numbers** valid and unique; address codes 80% the residence county's, 16% another
///   Jincheng county's, 4% elsewhere in Shanxi (Taiyuan, pre-2018 Changzhi); ages 16–60 on the
///   registration date, shaped by category (graduates 21–30).
/// - **Residence** weighted by county population (城区, 泽州, 高平 largest); **categories**
///   mostly rural, then urban, poor, graduates (the city district mostly urban).
/// - **Key groups** 0–2, consistent with category, age and employment (``KeyGroupAssignment``).
/// - **Registration** 2020-03-01 … 2020-10-31: stage 1 (pilot counties 城区, 高平) March–April,
///   stage 2 (key groups) May–July, stage 3 June–October, rising towards the deadline.
/// - **Enterprises** with valid `91 1405xx …` credit codes, a long tail of staff counts (about
///   one in ten ≥ 300), 1–4 demand lines each for 2020–2022.
///
/// With ``DemoDataOptions/invalidRowEvery`` set, some person rows are broken on purpose; see
/// ``PersonRowDefect`` for exactly which.
public struct RegistryDemoData: Sendable {
    /// The registry's options are every demo set's (``DemoDataOptions``).
    public typealias Options = DemoDataOptions

    /// What ``write(to:progress:)`` wrote.
    public struct Summary: Hashable, Sendable {
        public var persons: Int
        public var enterprises: Int
        public var demandLines: Int
        /// How many person rows have each defect; empty without `invalidRowEvery`.
        public var defects: [PersonRowDefect: Int]
    }

    public let options: Options
    /// How persons are spread over counties and registration dates (``PersonProfile``).
    public var profile: PersonProfile = .small

    public init(_ options: Options) { self.options = options }

    public init(_ options: Options, profile: PersonProfile) {
        self.options = options
        self.profile = profile
    }

    public init(persons: Int, enterprises: Int, seed: UInt64, invalidRowEvery: Int? = nil) {
        self.init(Options(persons: persons, enterprises: enterprises, seed: seed, invalidRowEvery: invalidRowEvery))
    }

    /// The persons, in row order, generated as the sequence is iterated.
    public func persons() -> PersonGenerator {
        PersonGenerator(seed: options.seed, count: options.persons, invalidRowEvery: options.invalidRowEvery, profile: profile)
    }

    /// Enterprise `row` (1-based), computed on its own.
    public func enterprise(row: Int) -> DemoEnterprise {
        EnterpriseGenerator.enterprise(row: row, seed: options.seed)
    }

    /// The demand lines of enterprise `row` (1-based), computed on their own.
    public func demand(enterpriseRow row: Int) -> [DemoDemand] {
        EnterpriseGenerator.demand(row: row, seed: options.seed)
    }

    /// Writes persons.csv's header and rows.
    /// - Parameter progress: called with the rows written so far, every 100,000 rows and at the end.
    public func writePersons(to sink: inout some CSVSink, progress: ((Int) -> Void)? = nil) throws {
        try sink.writeRecord(RegistryCSVFormat.personHeader)
        for person in persons() {
            try sink.writeRecord(person.csvFields)
            if person.row % 100_000 == 0 { progress?(person.row) }
        }
        progress?(options.persons)
    }

    /// Writes enterprises.csv's header and rows.
    public func writeEnterprises(to sink: inout some CSVSink) throws {
        try sink.writeRecord(RegistryCSVFormat.enterpriseHeader)
        for row in stride(from: 1, through: options.enterprises, by: 1) {
            try sink.writeRecord(enterprise(row: row).csvFields)
        }
    }

    /// Writes demand.csv's header and rows; returns the number of demand lines.
    @discardableResult
    public func writeDemand(to sink: inout some CSVSink) throws -> Int {
        try sink.writeRecord(RegistryCSVFormat.demandHeader)
        var lines = 0
        for row in stride(from: 1, through: options.enterprises, by: 1) {
            for line in demand(enterpriseRow: row) {
                try sink.writeRecord(line.csvFields)
                lines += 1
            }
        }
        return lines
    }

    /// Writes the three files (``RegistryCSVFormat/personsFileName`` and the others) into
    /// `directory`, creating it if needed and replacing files of the same names.
    @discardableResult
    public func write(to directory: String, progress: ((Int) -> Void)? = nil) throws -> Summary {
        try FileCSVSink.makeDirectory(directory)
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

        var persons = try FileCSVSink(path: path(RegistryCSVFormat.personsFileName))
        try writePersons(to: &persons, progress: progress)
        try persons.close()
        var enterprises = try FileCSVSink(path: path(RegistryCSVFormat.enterprisesFileName))
        try writeEnterprises(to: &enterprises)
        try enterprises.close()
        var demand = try FileCSVSink(path: path(RegistryCSVFormat.demandFileName))
        let demandLines = try writeDemand(to: &demand)
        try demand.close()
        return Summary(
            persons: options.persons, enterprises: options.enterprises, demandLines: demandLines,
            defects: PersonRowDefect.counts(rows: options.persons, invalidRowEvery: options.invalidRowEvery)
        )
    }

    /// The three files as strings, for tests and small sets (`jcskills local up --demo`).
    public static func generate(
        persons: Int, enterprises: Int, seed: UInt64, invalidRowEvery: Int? = nil
    ) -> (personsCSV: String, enterprisesCSV: String, demandCSV: String) {
        let data = RegistryDemoData(persons: persons, enterprises: enterprises, seed: seed, invalidRowEvery: invalidRowEvery)
        var personSink = StringCSVSink()
        var enterpriseSink = StringCSVSink()
        var demandSink = StringCSVSink()
        // StringCSVSink's writes cannot fail.
        try! data.writePersons(to: &personSink)
        try! data.writeEnterprises(to: &enterpriseSink)
        try! data.writeDemand(to: &demandSink)
        return (personSink.text, enterpriseSink.text, demandSink.text)
    }
}
