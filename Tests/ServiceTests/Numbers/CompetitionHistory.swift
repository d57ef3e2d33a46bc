import Foundation
import JCSkillsProtocol

/// A random competition history for ``RandomCompetitionHistoryTests``: persons in the six
/// counties and the development zone (some never registered, some already 高级技师), an
/// annual competition in 2019 and in 2020 with one or two events and a random award rule,
/// entries on random days (some after the event closed), random marks (some incomplete, many
/// tied), the closes, and studios whose masters are 技师 — or only 高级工, and refused.
///
/// ``CompetitionOracle`` recounts every figure from this plan alone, with its own scoring and
/// ranking (docs/COMPETITIONS.md): nothing of the service's code.
struct CompetitionHistory: Sendable {
    static let counties: [Int32] = [140502, 140521, 140522, 140524, 140525, 140581]
    /// The development zone, which counts in 泽州县 (140525; docs/NUMBERS.md).
    static let zone: Int32 = 140599
    static let zoneHost: Int32 = 140525

    struct Person: Sendable {
        var idNumber: String
        var county: Int32
        var registered: Bool
        /// Holds level 1 in the events' occupation: never promoted.
        var atTop: Bool
    }

    struct Competition: Sendable {
        var code: String
        var year: Int32
        var rule: AwardRule
        var events: [String]
    }

    struct Studio: Sendable {
        var code: String
        var master: String
        /// The master holds level 2; otherwise level 3, and the studio is refused.
        var technician: Bool
        var county: Int32
        var establishedOn: Int32
    }

    enum Action: Sendable {
        case enter(person: Int, competition: Int, event: String)
        /// Every entry of the event gets the marks drawn for it.
        case mark(competition: Int, event: String)
        case close(competition: Int, event: String)
        case studio(Int)
    }

    var seed: UInt64
    var persons: [Person] = []
    var competitions: [Competition] = []
    var studios: [Studio] = []
    /// In order, each on its day.
    var actions: [(day: Int32, action: Action)] = []
    /// Per person and competition/event: measurement (nil: none) and judgement scores (0–3).
    var marks: [String: (measurement: UInt32?, scores: [UInt32])] = [:]

    static func markKey(_ person: Int, _ competition: Int, _ event: String) -> String { "\(person)/\(competition)/\(event)" }

    init(seed: UInt64) {
        self.seed = seed
        var random = SplitMix(state: seed)
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        func day(_ from: Int32, _ to: Int32) -> Int32 {
            let low = CalendarDate(yyyymmdd: from)!.dayNumber, high = CalendarDate(yyyymmdd: to)!.dayNumber
            return CalendarDate(dayNumber: Int.random(in: low...high, using: &random))!.yyyymmdd
        }

        for index in 0..<Int.random(in: 6...14, using: &random) {
            let birth = "\(Int.random(in: 1970...2000, using: &random))0\(Int.random(in: 1...9, using: &random))1\(Int.random(in: 0...9, using: &random))"
            let county = chance(15) ? Self.zone : Self.counties.randomElement(using: &random)!
            persons.append(Person(idNumber: TestIDs.make(address: "140524", birth: birth, sequence: 100 + index),
                                  county: county, registered: chance(85), atTop: chance(15)))
        }
        for (index, year) in [Int32(2019), 2020].enumerated() {
            var rule = AwardRule()
            rule.topCount = UInt32.random(in: 0...3, using: &random)
            rule.topSharePercent = [0, 25, 50].randomElement(using: &random)!
            rule.namesTechnicalExperts = chance(70)
            rule.promotesOneLevel = chance(60)
            rule.institutionCode = rule.promotesOneLevel ? CompetitionHarness.institution : ""
            let events = Int.random(in: 1...2, using: &random) == 1 ? ["E1"] : ["E1", "E2"]
            competitions.append(Competition(code: "C\(year)", year: year, rule: rule, events: events))
            for event in events {
                let closeDay = day(year * 10_000 + 701, year * 10_000 + 930)
                for _ in 0..<Int.random(in: 2...8, using: &random) {
                    let person = Int.random(in: 0..<persons.count, using: &random)
                    // One attempt in ten comes after the close (refused: event_open).
                    let on = chance(10) ? day(closeDay, year * 10_000 + 1031) : day(year * 10_000 + 301, year * 10_000 + 630)
                    actions.append((on, .enter(person: person, competition: index, event: event)))
                    let key = Self.markKey(person, index, event)
                    if marks[key] == nil {
                        // Marks in whole marks, so that ties are common.
                        let measurement: UInt32? = chance(85) ? UInt32.random(in: 20...40, using: &random) * 100 : nil
                        let judges = chance(75) ? 3 : Int.random(in: 0...2, using: &random)
                        marks[key] = (measurement, (0..<judges).map { _ in UInt32.random(in: 40...60, using: &random) * 100 })
                    }
                }
                actions.append((closeDay, .mark(competition: index, event: event)))
                actions.append((closeDay, .close(competition: index, event: event)))
            }
        }
        for index in 0..<Int.random(in: 0...4, using: &random) {
            let birth = "19\(Int.random(in: 60...79, using: &random))0\(Int.random(in: 1...9, using: &random))15"
            let studio = Studio(code: "S\(index)", master: TestIDs.make(address: "140524", birth: birth, sequence: 500 + index),
                                technician: chance(75), county: chance(15) ? Self.zone : Self.counties.randomElement(using: &random)!,
                                establishedOn: day(20190101, 20201031))
            studios.append(studio)
            actions.append((studio.establishedOn, .studio(index)))
        }
        // Stable: an event's marks and close stay after its entries of the same day.
        actions = actions.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
    }
}

/// The figures of a ``CompetitionHistory``, recounted from its plan (docs/COMPETITIONS.md).
struct CompetitionOracle {
    let history: CompetitionHistory

    struct Entry {
        var person: Int
        var competition: Int
        var event: String
        var enteredOn: Int32
    }

    /// Entries accepted, in order; refusals expected per action index; each event's close day.
    var entries: [Entry] = []
    var refusals: [Int: String] = [:]
    var closedOn: [String: Int32] = [:]
    var acceptedStudios: [Int] = []

    init(_ history: CompetitionHistory) {
        self.history = history
        var seen = Set<String>()
        for (step, (day, action)) in history.actions.enumerated() {
            switch action {
            case .enter(let person, let competition, let event):
                let key = CompetitionHistory.markKey(person, competition, event)
                if closedOn[Self.eventKey(competition, event)] != nil {
                    refusals[step] = "event_open"
                } else if !history.persons[person].registered {
                    refusals[step] = "registered_worker"
                } else if seen.insert(key).inserted {
                    entries.append(Entry(person: person, competition: competition, event: event, enteredOn: day))
                }
            case .close(let competition, let event):
                closedOn[Self.eventKey(competition, event)] = day
            case .studio(let studio):
                if history.studios[studio].technician { acceptedStudios.append(studio) } else { refusals[step] = "studio_master_level" }
            case .mark:
                break
            }
        }
    }

    static func eventKey(_ competition: Int, _ event: String) -> String { "\(competition)/\(event)" }

    /// The county a record of `code` counts in.
    static func counting(_ code: Int32) -> Int32 { code == CompetitionHistory.zone ? CompetitionHistory.zoneHost : code }

    /// Total and measurement part of an entry, by the scheme of ``CompetitionHarness/sampleEvent``.
    func score(_ entry: Entry) -> (total: UInt32, measurement: UInt32) {
        let drawn = history.marks[CompetitionHistory.markKey(entry.person, entry.competition, entry.event)]!
        let measurement = drawn.measurement ?? 0
        let judgement = drawn.scores.count == 3 ? (drawn.scores.reduce(0, +) + 1) / 3 : 0
        return (measurement + judgement, measurement)
    }

    /// The awarded entries: rank (1 + entries strictly ahead on total, then measurement) within
    /// the fewer of the rule's count and share (rounded up).
    var awarded: [Entry] {
        var result: [Entry] = []
        for (index, competition) in history.competitions.enumerated() {
            for event in competition.events {
                let field = entries.filter { $0.competition == index && $0.event == event }
                var bounds: [Int] = []
                if competition.rule.topCount > 0 { bounds.append(Int(competition.rule.topCount)) }
                if competition.rule.topSharePercent > 0 { bounds.append((field.count * Int(competition.rule.topSharePercent) + 99) / 100) }
                guard let cutoff = bounds.min() else { continue }
                for entry in field {
                    let mine = score(entry)
                    let ahead = field.filter { let theirs = score($0); return (theirs.total, theirs.measurement) > (mine.total, mine.measurement) }.count
                    if ahead + 1 <= cutoff { result.append(entry) }
                }
            }
        }
        return result
    }

    /// `Counts` for a county (0: the city), a date and a year.
    func counts(county: Int32, asOf: Int32, year: Int32) -> CompetitionCounts {
        func inScope(_ code: Int32) -> Bool { county == 0 || Self.counting(code) == county }
        var counts = CompetitionCounts()
        let awarded = self.awarded
        for entry in awarded {
            let competition = history.competitions[entry.competition]
            let person = history.persons[entry.person]
            let closed = closedOn[Self.eventKey(entry.competition, entry.event)]!
            guard competition.year == year, closed <= asOf, inScope(person.county) else { continue }
            if competition.rule.namesTechnicalExperts { counts.technicalExperts += 1 }
            if competition.rule.promotesOneLevel, !person.atTop { counts.levelPromotions += 1 }
        }
        // Each person once a year, in the county of their first entry of the year (entries are
        // in the order they were made): the counties add up to the city.
        var first: [Int: Entry] = [:]
        for entry in entries where history.competitions[entry.competition].year == year && first[entry.person] == nil {
            first[entry.person] = entry
        }
        counts.participants = UInt64(first.values.filter { $0.enteredOn <= asOf && inScope(history.persons[$0.person].county) }.count)
        let studios = acceptedStudios.map { history.studios[$0] }.filter { $0.establishedOn <= asOf }
        counts.masterStudios = UInt64(studios.filter { inScope($0.county) }.count)
        let covered = Set(studios.map { Self.counting($0.county) })
        counts.countiesWithoutStudio = UInt64((county == 0 ? CompetitionHistory.counties : [county]).filter { !covered.contains($0) }.count)
        return counts
    }
}
