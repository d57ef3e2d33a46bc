import JCSkillsProtocol

/// One entry of the demo competition, with the competitor number a competition service that
/// starts empty gives it (entries.csv in file order) and the skill its marks are drawn around.
public struct CompetitionDemoEntry: Hashable, Sendable {
    public var request: EntryRequest
    public var group: ParticipantGroup
    /// ``CompetitionCSVFormat/entryNumber(event:sequence:)`` of its place in the event.
    public var number: String
    /// 1-based place in its event.
    public var sequence: Int
    /// 0.40–0.95: the share of each maximum the entry's marks are drawn around.
    public var skill: Double
}

/// Who enters: enterprise workers of the registry's demo persons (employed, aged 18–55 on the
/// day, in the event's occupation — the registry confirms each) and students of the city's
/// vocational schools, who are not in the registry and carry their school and county.
enum CompetitionDemoEntries {
    /// Entries a workers' event takes at most: one per 125 demo persons, at least 6 (what there is).
    static func workerTarget(persons: Int) -> Int { min(2_000, max(6, persons / 125)) }
    static func studentTarget(persons: Int) -> Int { min(1_000, max(6, persons / 250)) }

    /// The schools students enter from: the county vocational schools the evaluation demo data
    /// registers as colleges (``EvaluationDemoData``), and the city's technician college.
    static let schools: [(name: String, county: Int32)] =
        [("晋城技师学院", 140502)] + JinchengDivisions.counties.map { ("\($0.chineseName)职业技术学校", $0.code) }

    static func entries(persons: Int, seed: UInt64, invalidRowEvery: Int?) -> [CompetitionDemoEntry] {
        var workers = WorkerCollector(persons: persons, seed: seed)
        for person in RegistryDemoData(persons: persons, enterprises: 0, seed: seed, invalidRowEvery: invalidRowEvery).persons()
        where person.defect == nil {
            workers.consider(person)
        }
        return workers.entries(persons: persons)
    }

    /// Takes the workers from the registry's persons as they are generated, so a demo that
    /// streams its persons once (``PlanDemoData``) finds its competitors in the same pass:
    /// each in their own occupation's event, in row order.
    struct WorkerCollector {
        let seed: UInt64
        private let target: Int
        private var workerEvent: [String: Int] = [:]
        fileprivate var byEvent: [[CompetitionDemoEntry]]

        init(persons: Int, seed: UInt64) {
            self.seed = seed
            target = workerTarget(persons: persons)
            byEvent = Array(repeating: [], count: CompetitionDemoEvents.plans.count)
            for (index, plan) in CompetitionDemoEvents.plans.enumerated() where plan.group == .workers { workerEvent[plan.occupation] = index }
        }

        mutating func consider(_ person: DemoPerson) {
            guard person.employment == .employed, let code = person.occupation?.code, let index = workerEvent[code],
                  byEvent[index].count < target, (18...55).contains(person.birthDate.years(until: CompetitionDemoEvents.heldOn))
            else { return }
            var random = SplitMix64(seed: seed, stream: 60, index: UInt64(person.row))
            guard random.chance(0.75) else { return }
            var request = EntryRequest()
            request.competitionCode = CompetitionDemoEvents.competitionCode
            request.eventCode = CompetitionDemoEvents.plans[index].code
            request.idNumber = person.idNumber
            request.name = person.name
            byEvent[index].append(entry(request, group: .workers, event: index, sequence: byEvent[index].count + 1, seed: seed))
        }

        /// The workers with the students added, in entries.csv order.
        func entries(persons: Int) -> [CompetitionDemoEntry] {
            CompetitionDemoEntries.withStudents(byEvent, persons: persons, seed: seed)
        }
    }

    private static func withStudents(_ workers: [[CompetitionDemoEntry]], persons: Int, seed: UInt64) -> [CompetitionDemoEntry] {
        var byEvent = workers
        let events = CompetitionDemoEvents.plans
        let day = CompetitionDemoEvents.heldOn
        // Students: generated here. Their ID numbers come from the allocator's reserved range,
        // which no valid registry person uses (IDNumberAllocator.swift), so a student is never
        // mistaken for a registered worker.
        var allocator = IDNumberAllocator()
        for (index, plan) in events.enumerated() where plan.group == .students {
            for sequence in 1...studentTarget(persons: persons) {
                var random = SplitMix64(seed: seed, stream: 61, index: UInt64(index) << 32 | UInt64(sequence))
                let school = random.element(of: schools)
                let male = random.chance(0.75)
                var birth = day.adding(years: -(16 + random.below(5)))!.adding(days: -random.below(365))!
                var number = allocator.allocateReserved(address: school.county, birthDate: birth, male: male)
                while number == nil {
                    birth = birth.adding(days: -1)!
                    number = allocator.allocateReserved(address: school.county, birthDate: birth, male: male)
                }
                var request = EntryRequest()
                request.competitionCode = CompetitionDemoEvents.competitionCode
                request.eventCode = plan.code
                request.idNumber = number!
                request.name = ChineseNames.draw(male: male, &random)
                request.school = school.name
                request.county = school.county
                byEvent[index].append(entry(request, group: .students, event: index, sequence: sequence, seed: seed))
            }
        }
        return byEvent.flatMap { $0 }
    }

    private static func entry(_ request: EntryRequest, group: ParticipantGroup, event: Int, sequence: Int, seed: UInt64) -> CompetitionDemoEntry {
        var random = SplitMix64(seed: seed, stream: 62, index: UInt64(event) << 32 | UInt64(sequence))
        return CompetitionDemoEntry(request: request, group: group,
                                    number: CompetitionCSVFormat.entryNumber(event: request.eventCode, sequence: sequence),
                                    sequence: sequence, skill: 0.40 + 0.55 * random.unit())
    }
}

/// One judge's mark, as their sheet (marks_<judge>.csv) carries it.
public struct CompetitionDemoMark: Hashable, Sendable {
    public var judge: String
    public var eventCode: String
    public var entryNumber: String
    public var criterionCode: String
    /// Hundredths.
    public var mark: UInt32
}

/// The judges' marks: measurements entered by the event's first judge, each judgement scored by
/// its panel of three around the entry's skill; about one entry in 33 did not turn up (no
/// marks: every criterion unmarked), and about one judgement in 16 has a judge far below the
/// other two, beyond the spread bound, so it is flagged for review.
enum CompetitionDemoMarks {
    static func marks(entries: [CompetitionDemoEntry], seed: UInt64) -> [CompetitionDemoMark] {
        let events = Dictionary(uniqueKeysWithValues: CompetitionDemoEvents.plans.indices.map {
            (CompetitionDemoEvents.plans[$0].code, ($0, CompetitionDemoEvents.event($0)))
        })
        var marks: [CompetitionDemoMark] = []
        for entry in entries {
            guard let (index, event) = events[entry.request.eventCode] else { continue }
            var random = SplitMix64(seed: seed, stream: 63, index: UInt64(index) << 32 | UInt64(entry.sequence))
            if random.chance(0.03) { continue }
            var judgements = 0
            for criterion in event.criteria {
                if criterion.type == .measurement {
                    let mark = scaled(entry.skill + (random.unit() - 0.5) * 0.16, criterion.maximum, step: 25)
                    marks.append(CompetitionDemoMark(judge: event.judges[0], eventCode: event.code, entryNumber: entry.number,
                                                     criterionCode: criterion.code, mark: mark))
                    continue
                }
                let panel = CompetitionDemoEvents.panel(event.judges, judgement: judgements)
                judgements += 1
                let base = entry.skill + (random.unit() - 0.5) * 0.1
                let outlier = random.chance(0.06) ? random.below(3) : -1
                for (seat, judge) in panel.enumerated() {
                    let share = base + (random.unit() - 0.5) * 0.08 - (seat == outlier ? 0.3 : 0)
                    marks.append(CompetitionDemoMark(judge: judge, eventCode: event.code, entryNumber: entry.number,
                                                     criterionCode: criterion.code, mark: scaled(share, criterion.maximum, step: 50)))
                }
            }
        }
        return marks
    }

    /// `share` of `maximum` (clamped to 0…1), to the nearest `step` hundredths, never above the maximum.
    static func scaled(_ share: Double, _ maximum: UInt32, step: UInt32) -> UInt32 {
        let value = (Double(maximum) * min(1, max(0, share)) / Double(step)).rounded()
        return min(maximum, UInt32(value) * step)
    }
}
