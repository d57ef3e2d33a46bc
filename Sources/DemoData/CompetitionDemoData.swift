import Foundation
import JCSkillsProtocol

/// Deterministic demo data for the competition service, consistent with the registry's demo
/// data of the same persons, enterprises and seed (and so with the evaluation's). Written as
/// ``CompetitionCSVFormat`` files, loaded in this order: competitions, events, entries, each
/// judge's marks (as that judge), then the events closed; studios and their years.
///
/// - **Competition** (``CompetitionDemoEvents``): the 2021 annual city competition, whose award
///   rule names the top five of each event (at most a third of it) 晋城技术能手 and promotes
///   them one level through the evaluation demo's city centre.
/// - **Events**: eight — 焊工, 电工, 车工, 钳工, 汽车维修工 and 中式烹调师 for enterprise workers,
///   电工 and 汽车维修工 for students — each with a marking scheme of measurement and judgement
///   criteria adding up to 100 marks and three or four judges out of J01–J24, whose PKI
///   identities are `judge-J01` … (`jcskills://judge/J01`).
/// - **Entries** (``CompetitionDemoEntries``): workers are registry demo persons (employed, in
///   the event's occupation, 18–55), so the registry confirms them; students carry a school and
///   its county. Competitor numbers are those a service that starts empty gives entries.csv in
///   file order (``CompetitionDemoEntry/number``).
/// - **Marks** (``CompetitionDemoMarks``): one file per judge; a few entries absent, a few
///   judgements flagged for review.
/// - **Studios** (``CompetitionDemoStudios``): masters holding 技师 or 高级技师 in the
///   evaluation demo data; a county and large enterprises without one; far below fifty.
///
/// Same options, same bytes.
public struct CompetitionDemoData: DemoDataSet {
    /// The registry demo's: its broken rows are never registered, so they never enter.
    public let options: DemoDataOptions

    public init(persons: Int, enterprises: Int, seed: UInt64, invalidRowEvery: Int? = nil) {
        options = DemoDataOptions(persons: persons, enterprises: enterprises, seed: seed, invalidRowEvery: invalidRowEvery)
    }

    /// What ``write(to:)`` wrote.
    public struct Summary: Hashable, Sendable {
        public var competitions: Int
        public var events: Int
        public var entries: Int
        public var workers: Int
        public var students: Int
        /// Judges with a marks file.
        public var judges: Int
        public var marks: Int
        public var studios: Int
        public var studioYears: Int
    }

    /// Every judge code an event lists: the local set's PKI issues `judge-<code>` for each.
    public static let judgeCodes: [String] = CompetitionDemoEvents.judgeCodes
    /// The day the events are held, which a loader may give as the entries' and closes' day, so
    /// that the competition counts in its own year (Sources/CLI/LocalDemo.swift).
    public static let heldOn: CalendarDate = CompetitionDemoEvents.heldOn

    public func competitions() -> [Competition] { [CompetitionDemoEvents.competition()] }

    public func events() -> [Event] { CompetitionDemoEvents.plans.indices.map(CompetitionDemoEvents.event) }

    /// In entries.csv order: event by event, in competitor-number order.
    public func entries() -> [CompetitionDemoEntry] {
        CompetitionDemoEntries.entries(persons: persons, seed: seed, invalidRowEvery: invalidRowEvery)
    }

    /// Every judge's marks, by event, entry and criterion.
    public func marks() -> [CompetitionDemoMark] { CompetitionDemoMarks.marks(entries: entries(), seed: seed) }

    public func studios() -> [Studio] { CompetitionDemoStudios.studios(persons: persons, enterprises: enterprises, seed: seed) }

    public func studioYears() -> [StudioYear] { CompetitionDemoStudios.years(of: studios(), seed: seed) }

    // MARK: Records

    public static func competitionFields(_ competition: Competition) -> [String] {
        let rule = competition.awardRule
        return [
            competition.code, competition.name, CompetitionCSVFormat.kind.text(for: competition.kind), String(competition.year),
            competition.organiser, CompetitionCSVFormat.level.text(for: competition.level), String(competition.county),
            String(rule.topCount), String(rule.topSharePercent), bool(rule.namesTechnicalExperts), bool(rule.promotesOneLevel),
            rule.institutionCode,
        ]
    }

    public static func eventFields(_ event: Event) -> [String] {
        [
            event.competitionCode, event.code, event.name, event.occupation,
            OccupationCatalogue.default.occupation(code: event.occupation)?.chineseName ?? "",
            CompetitionCSVFormat.group.text(for: event.group), CompetitionCSVFormat.formatCriteria(event.criteria),
            CompetitionCSVFormat.formatJudges(event.judges),
            event.spreadBound == 0 ? "" : CompetitionCSVFormat.formatMarks(event.spreadBound),
        ]
    }

    public static func entryFields(_ request: EntryRequest) -> [String] {
        [request.competitionCode, request.eventCode, request.idNumber, request.name, request.school,
         request.county == 0 ? "" : String(request.county)]
    }

    public static func markFields(_ mark: CompetitionDemoMark) -> [String] {
        [CompetitionDemoEvents.competitionCode, mark.eventCode, mark.entryNumber, mark.criterionCode, CompetitionCSVFormat.formatMarks(mark.mark)]
    }

    public static func studioFields(_ studio: Studio) -> [String] {
        [
            studio.code, studio.name, studio.masterIDNumber, studio.masterName, studio.hostCreditCode, String(studio.county),
            studio.industry, CompetitionCSVFormat.studioLevel.text(for: studio.level),
            CalendarDate(yyyymmdd: studio.establishedOn)?.isoString ?? String(studio.establishedOn),
        ]
    }

    public static func studioYearFields(_ year: StudioYear) -> [String] {
        [year.studioCode, String(year.year), String(year.apprenticesMentored), String(year.problemsSolved)]
    }

    private static func bool(_ value: Bool) -> String { value ? RegistryCSVFormat.trueText : RegistryCSVFormat.falseText }

    // MARK: Writing

    /// Writes every file into `directory` (creating it; files of the same names are replaced):
    /// competitions.csv, events.csv, entries.csv, marks_<judge>.csv for each judge with marks,
    /// studios.csv, studio_years.csv.
    @discardableResult
    public func write(to directory: String) throws -> Summary {
        try Self.write(entries: entries(), studios: studios(), seed: seed, to: directory)
    }

    /// Writes the files of these entries and studios with the demo's competition, events and
    /// the judges' marks: what ``write(to:)`` writes, for a demo that draws its own
    /// (``PlanDemoData``).
    static func write(entries: [CompetitionDemoEntry], studios: [Studio], seed: UInt64, to directory: String) throws -> Summary {
        try FileCSVSink.makeDirectory(directory)
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        func file(_ name: String, header: [String], _ records: [[String]]) throws {
            var sink = try FileCSVSink(path: path(name))
            try sink.writeRecord(header)
            for record in records { try sink.writeRecord(record) }
            try sink.close()
        }
        let competitions = [CompetitionDemoEvents.competition()]
        let events = CompetitionDemoEvents.plans.indices.map(CompetitionDemoEvents.event)
        try file(CompetitionCSVFormat.competitionsFileName, header: CompetitionCSVFormat.competitionHeader, competitions.map(Self.competitionFields))
        try file(CompetitionCSVFormat.eventsFileName, header: CompetitionCSVFormat.eventHeader, events.map(Self.eventFields))
        try file(CompetitionCSVFormat.entriesFileName, header: CompetitionCSVFormat.entryHeader, entries.map { Self.entryFields($0.request) })
        let marks = CompetitionDemoMarks.marks(entries: entries, seed: seed)
        let byJudge = Dictionary(grouping: marks, by: \.judge)
        for judge in Self.judgeCodes {
            guard let sheet = byJudge[judge] else { continue }
            try file(CompetitionCSVFormat.marksFileName(judge: judge), header: CompetitionCSVFormat.markHeader, sheet.map(Self.markFields))
        }
        let years = CompetitionDemoStudios.years(of: studios, seed: seed)
        try file(CompetitionCSVFormat.studiosFileName, header: CompetitionCSVFormat.studioHeader, studios.map(Self.studioFields))
        try file(CompetitionCSVFormat.studioYearsFileName, header: CompetitionCSVFormat.studioYearHeader, years.map(Self.studioYearFields))
        return Summary(competitions: competitions.count, events: events.count, entries: entries.count,
                       workers: entries.filter { $0.group == .workers }.count, students: entries.filter { $0.group == .students }.count,
                       judges: byJudge.count, marks: marks.count, studios: studios.count, studioYears: years.count)
    }
}
