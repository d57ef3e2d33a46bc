import Foundation
import Histogram
import JCSkillsMessages
import JCSkillsPKI
import JCSkillsProtocol
import JCSkillsRPC
import Synchronization

/// The competition service's workload for `jcskills-load competition`: one annual city
/// competition played through as the plan holds it every year (docs/COMPETITIONS.md), then the
/// reads that follow it.
///
/// `setUp` does it all, in two timed phases (``scenario`` afterwards):
/// 1. **Setup**: the judges' identities issued into the load tool's PKI directory (three per
///    event, `judge-LOAD-E01-1` …, as `jcskills pki init --extra` issues them; kept for later
///    runs), the workers imported into the registry (``Group/registeredWorkers``), an
///    institution registered with the evaluation service for the promotions (when given), the
///    competition `LOAD-<salt>` and its ``events`` events registered, the ``participants``
///    persons entered through `ImportEntries` (person `n` in event `n mod events`), and each
///    event's competitor numbers read from `Results`.
/// 2. **Marking, end to end**: every event at once (at most ``eventsAtOnce``), its three judges
///    each on their own connection under their own identity submitting `SubmitMarks` sheets of
///    ``sheetEntries`` competitors — the judgement criteria by all three, the measurements by
///    the first — then `CloseEvent` and the results streamed; timed from the first sheet to the
///    last event's last result.
///
/// The measured operations after it: `results` (the results of an event, streamed; every other
/// one standardised) 50 and `counts` (the gateway's Counts, city and counties in turn) 50.
public struct CompetitionWorkload: Workload {
    public let name = "competition"
    public let participants: Int
    public let events: Int
    public let sheetEntries: Int
    public let eventsAtOnce: Int
    public let group: Group
    public let people: SyntheticPerson
    let pkiDirectory: String
    let registry: LoadTarget?
    let evaluation: LoadTarget?
    private let outcome = Outcome()

    /// Who competes.
    public enum Group: String, Sendable, CaseIterable {
        /// Enterprise workers: imported into the registry first, each entry confirmed with it.
        case registeredWorkers = "workers"
        /// Vocational-school students: carry their school and county; no registry.
        case students
    }

    /// - Parameters:
    ///   - pkiDirectory: the development PKI the load tool's identities come from (`--tls`); the
    ///     judges' are issued into it when missing, which needs its `ca.key`.
    ///   - registry: the registry the workers are imported into; required for workers.
    ///   - evaluation: the evaluation service the winners' promotions are issued by; nil: the
    ///     award rule names technical experts and promotes nobody.
    public init(participants: Int = 12_000, events: Int = 60, sheetEntries: Int = 20, eventsAtOnce: Int? = nil,
                group: Group = .registeredWorkers, pkiDirectory: String, registry: LoadTarget?, evaluation: LoadTarget?,
                people: SyntheticPerson = SyntheticPerson()) {
        precondition(events >= 1 && events <= 999 && participants >= events && sheetEntries >= 1, "every event needs a competitor")
        precondition(group == .students || registry != nil, "workers are imported through the registry")
        self.participants = participants
        self.events = events
        self.sheetEntries = sheetEntries
        self.eventsAtOnce = max(1, eventsAtOnce ?? events)
        self.group = group
        self.pkiDirectory = pkiDirectory
        self.registry = registry
        self.evaluation = evaluation
        self.people = people
    }

    public var label: String {
        "competition (\(participants) \(group == .students ? "students" : "registered workers") in \(events) events, three judges each; then results and counts)"
    }

    /// What the timed phases measured; nil until `setUp` has run.
    public var scenario: CompetitionScenarioReport? { outcome.report.withLock { $0 } }

    var competitionCode: String { "LOAD-\(people.salt)" }
    func eventCode(_ event: Int) -> String { "E" + SyntheticPerson.digits(event + 1, 2) }
    /// The same codes every run, so the PKI directory does not fill with judges.
    func judgeCode(event: Int, judge: Int) -> String { "LOAD-\(eventCode(event))-\(judge + 1)" }
    static let occupations = ["6-18-02-04", "6-31-01-03", "6-18-02-01", "6-18-01-01", "6-18-01-02", "6-20-01-01",
                              "6-30-05-01", "4-03-02-01", "4-03-02-02", "4-12-01-01"]
    static let institutionCounty: Int32 = 140500
    static let school = "晋城技师学院"

    /// WorldSkills' two aspects: two measurements, three judgements (30 + 70 = 100 marks).
    static let criteria = [
        Criterion(code: "M1", description: "尺寸精度", type: .measurement, maximum: 2_000),
        Criterion(code: "M2", description: "完成时间", type: .measurement, maximum: 1_000),
        Criterion(code: "J1", description: "工艺规范", type: .judgement, maximum: 3_000),
        Criterion(code: "J2", description: "外观质量", type: .judgement, maximum: 2_500),
        Criterion(code: "J3", description: "安全文明", type: .judgement, maximum: 1_500),
    ]
    static let judgesPerEvent = 3
    /// Marks an entry gets: each measurement once, each judgement from three judges.
    static var marksPerEntry: Int {
        criteria.reduce(0) { $0 + ($1.type == .measurement ? 1 : judgesPerEvent) }
    }

    /// A plausible mark: the competitor's ability (55–95 % of the maximum) plus a judge's own
    /// view of up to ±6 %, so about one judgement in twenty spreads beyond the 20 % bound.
    static func mark(entry: Int, criterion: Criterion, judge: Int) -> UInt32 {
        var hash = UInt64(truncatingIfNeeded: entry) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(criterion.code.utf8.reduce(0) { $0 &* 31 &+ Int($1) })
        hash = (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
        let ability = 55 + Int(hash % 41)
        var view = 0
        if criterion.type == .judgement {
            let judgeHash = (hash ^ UInt64(judge + 1) &* 0x94D0_49BB_1331_11EB) >> 17
            view = Int(judgeHash % 13) - 6
            if judgeHash % 20 == 0 { view += judge == 0 ? 14 : -8 }
        }
        let percent = min(100, max(0, ability + view))
        return UInt32(Int(criterion.maximum) * percent / 100)
    }

    /// Judge `judge`'s marks for the entries `numbers` (the event's competitors from `first`).
    func sheet(event: Int, judge: Int, numbers: ArraySlice<String>) -> MarkSheet {
        var marks: [Mark] = []
        for (offset, number) in numbers.enumerated() {
            let entry = (numbers.startIndex + offset) * events + event
            for criterion in Self.criteria where criterion.type == .judgement || judge == 0 {
                marks.append(Mark(entryNumber: number, criterionCode: criterion.code, mark: Self.mark(entry: entry, criterion: criterion, judge: judge)))
            }
        }
        return MarkSheet(competitionCode: competitionCode, eventCode: eventCode(event), marks: marks)
    }

    func entry(_ index: Int) -> EntryRequest {
        let person = people.registration(index)
        var entry = EntryRequest()
        entry.competitionCode = competitionCode
        entry.eventCode = eventCode(index % events)
        entry.idNumber = person.idNumber
        entry.name = person.name
        if group == .students {
            entry.school = Self.school
            entry.county = person.residenceCounty
        }
        return entry
    }

    public func setUp(_ client: RPCClient) async throws {
        let clock = ContinuousClock()
        let setupStart = clock.now
        let judges = try issueJudges()
        if group == .registeredWorkers, let registry { try await importWorkers(registry) }
        if let evaluation { try await registerInstitution(evaluation) }
        try await registerCompetition(client)
        try await enter(client)
        let numbers = try await competitorNumbers(client)
        let setupSeconds = (clock.now - setupStart).seconds

        let judgeClients = try judges.map { files -> RPCClient in
            var configuration = ClientConfiguration(tls: files)
            configuration.defaultTimeout = .seconds(120)
            configuration.maximumAttempts = 1
            return try RPCClient(endpoints: client.endpoints, configuration: configuration)
        }
        let marking: Marking
        do {
            marking = try await mark(numbers, office: client, judges: judgeClients)
            for judge in judgeClients { await judge.close() }
        } catch {
            for judge in judgeClients { await judge.close() }
            throw error
        }
        var counts = try await client.unary(CompetitionService.counts, CountsRequest(asOf: 0, year: Int32(people.thisYear)))
        // The promotions go on beside the server; give them a moment to show in the report.
        if evaluation != nil {
            for _ in 0..<20 where counts.promotionsPending > 0 {
                try await Task.sleep(for: .milliseconds(250))
                counts = try await client.unary(CompetitionService.counts, CountsRequest(asOf: 0, year: Int32(people.thisYear)))
            }
        }
        outcome.report.withLock {
            $0 = CompetitionScenarioReport(
                participants: participants, events: events, judges: judges.count, group: group.rawValue,
                marks: marking.marks, sheets: marking.sheets, flagged: marking.flagged, results: marking.results,
                setupSeconds: setupSeconds, markingSeconds: marking.markingSeconds, endToEndSeconds: marking.endToEndSeconds,
                marksPerSecond: marking.markingSeconds > 0 ? Double(marking.marks) / marking.markingSeconds : 0,
                submitMarks: LatencySummary(nanoseconds: marking.sheetLatency), closeEvent: LatencySummary(nanoseconds: marking.closeLatency),
                resultsStream: LatencySummary(nanoseconds: marking.resultsLatency),
                technicalExperts: counts.technicalExperts, participantsCounted: counts.participants,
                levelPromotions: counts.levelPromotions, promotionsPending: counts.promotionsPending)
        }
    }

    // MARK: Setup

    /// The judges' TLS files, issued into the PKI directory when missing (DevelopmentPKI only
    /// adds what is not there: a later run reuses them).
    func issueJudges() throws -> [TLSFiles] {
        let ids = (0..<events).flatMap { event in (0..<Self.judgesPerEvent).map { "judge-" + judgeCode(event: event, judge: $0) } }
        let missing = ids.filter { !FileManager.default.fileExists(atPath: "\(pkiDirectory)/\($0).crt") || !FileManager.default.fileExists(atPath: "\(pkiDirectory)/\($0).key") }
        if !missing.isEmpty {
            guard FileManager.default.fileExists(atPath: "\(pkiDirectory)/ca.key") else {
                throw CompetitionLoadError(Messages.Load.judgesMissing(missing.count, directory: pkiDirectory, first: missing[0]).text())
            }
            try DevelopmentPKI.initialise(at: pkiDirectory, extraIdentities: missing.map { IdentityRequest(id: $0) })
        }
        return ids.map { TLSFiles(directory: pkiDirectory, identity: $0) }
    }

    private func importWorkers(_ registry: LoadTarget) async throws {
        var configuration = ClientConfiguration(tls: registry.tls)
        configuration.defaultTimeout = .seconds(600)
        let client = try RPCClient(endpoints: [registry.endpoint], configuration: configuration)
        do {
            let summary = try await client.clientStreaming(RegistryService.importPersons) { writer in
                var start = 0
                while start < participants {
                    var batch = PersonImportBatch()
                    batch.rows = (start..<min(start + 5_000, participants)).map { PersonImportRow(line: UInt32($0 + 2), person: people.registration($0)) }
                    try await writer.send(batch)
                    start += 5_000
                }
            }
            await client.close()
            guard summary.rejected == 0 else {
                throw CompetitionLoadError(Messages.Load.workersRefused(summary.rejected, first: summary.errors.first.map { "\($0.column) \($0.reason)" } ?? "").text())
            }
        } catch {
            await client.close()
            throw error
        }
    }

    private func registerInstitution(_ evaluation: LoadTarget) async throws {
        var configuration = ClientConfiguration(tls: evaluation.tls)
        configuration.defaultTimeout = .seconds(30)
        let client = try RPCClient(endpoints: [evaluation.endpoint], configuration: configuration)
        do {
            var institution = Institution()
            institution.code = competitionCode
            institution.name = "jcskills-load \(people.salt) 竞赛晋级"
            institution.type = .socialOrganisation
            institution.county = Self.institutionCounty
            institution.scope = Self.occupations.map { ScopeEntry(occupation: $0, levels: [.level4, .level3, .level2, .level1]) }
            _ = try await client.unary(EvaluationService.registerInstitution, institution)
            await client.close()
        } catch {
            await client.close()
            throw error
        }
    }

    private func registerCompetition(_ client: RPCClient) async throws {
        var competition = Competition()
        competition.code = competitionCode
        competition.name = "jcskills-load \(people.salt) 全市职业技能大赛"
        competition.kind = .annualCity
        competition.year = Int32(people.thisYear)
        competition.organiser = "jcskills-load"
        competition.level = .city
        // The top three of every event: 180 technical experts from 60 events, the plan's 100 and more.
        competition.awardRule.topCount = 3
        competition.awardRule.namesTechnicalExperts = true
        competition.awardRule.promotesOneLevel = evaluation != nil
        competition.awardRule.institutionCode = evaluation != nil ? competitionCode : ""
        _ = try await client.unary(CompetitionService.registerCompetition, competition)
        for index in 0..<events {
            var event = Event()
            event.competitionCode = competitionCode
            event.code = eventCode(index)
            event.name = "jcskills-load \(eventCode(index)) \(group == .students ? "学生组" : "职工组")"
            event.occupation = Self.occupations[index % Self.occupations.count]
            event.group = group == .students ? .students : .workers
            event.criteria = Self.criteria
            event.judges = (0..<Self.judgesPerEvent).map { judgeCode(event: index, judge: $0) }
            _ = try await client.unary(CompetitionService.registerEvent, event)
        }
    }

    private func enter(_ client: RPCClient) async throws {
        let summary = try await client.clientStreaming(CompetitionService.importEntries) { writer in
            var start = 0
            while start < participants {
                try await writer.send(EntryBatch(entries: (start..<min(start + EntryBatch.limit, participants)).map(entry)))
                start += EntryBatch.limit
            }
        }
        guard summary.rejected == 0, summary.accepted + summary.alreadyRegistered == UInt64(participants) else {
            throw CompetitionLoadError(Messages.Load.entriesRefused(accepted: summary.accepted, of: participants, refused: summary.rejected,
                                                                    first: summary.errors.first.map { "\($0.column) \($0.reason)" } ?? "").text())
        }
    }

    /// Each event's competitor numbers, in the order entered (person `n` is the
    /// `n div events`-th of event `n mod events`).
    private func competitorNumbers(_ client: RPCClient) async throws -> [[String]] {
        var numbers: [[String]] = []
        for index in 0..<events {
            let results = try await client.serverStreaming(CompetitionService.results, ResultsRequest(competitionCode: competitionCode, eventCode: eventCode(index))) { stream in
                var all: [EventResult] = []
                for try await result in stream { all.append(result) }
                return all
            }
            numbers.append(results.map(\.entryNumber).sorted())
        }
        return numbers
    }

    // MARK: Marking, end to end

    struct Marking {
        var marks = 0, sheets = 0, flagged = 0, results = 0
        var markingSeconds = 0.0, endToEndSeconds = 0.0
        var sheetLatency = makeLatencyHistogram()
        var closeLatency = makeLatencyHistogram()
        var resultsLatency = makeLatencyHistogram()
    }

    /// The marking's counts and latencies, shared by the judges' and the office's tasks.
    final class Tally: Sendable {
        let marking = Mutex(Marking())
        let lastSheet: Mutex<ContinuousClock.Instant>
        init(start: ContinuousClock.Instant) { lastSheet = Mutex(start) }
        func record(_ body: (inout Marking) -> Void) { marking.withLock { body(&$0) } }
    }

    private func mark(_ numbers: [[String]], office: RPCClient, judges: [RPCClient]) async throws -> Marking {
        let clock = ContinuousClock()
        let start = clock.now
        let tally = Tally(start: start)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func addEvent() {
                let event = next
                next += 1
                group.addTask {
                    let entries = numbers[event]
                    try await withThrowingTaskGroup(of: Void.self) { judgesGroup in
                        for judge in 0..<Self.judgesPerEvent {
                            let client = judges[event * Self.judgesPerEvent + judge]
                            judgesGroup.addTask {
                                var first = 0
                                while first < entries.count {
                                    let sheet = sheet(event: event, judge: judge, numbers: entries[first..<min(first + sheetEntries, entries.count)])
                                    let sent = clock.now
                                    let receipt = try await client.unary(CompetitionService.submitMarks, sheet)
                                    let done = clock.now
                                    guard receipt.recorded + receipt.unchanged == UInt32(sheet.marks.count) else {
                                        throw CompetitionLoadError(Messages.Load.sheetShort(eventCode(event), marks: sheet.marks.count, recorded: UInt32(receipt.recorded)).text())
                                    }
                                    tally.record {
                                        _ = $0.sheetLatency.record((done - sent).nanoseconds)
                                        $0.marks += sheet.marks.count
                                        $0.sheets += 1
                                        $0.flagged += Int(receipt.flagged)
                                    }
                                    tally.lastSheet.withLock { $0 = max($0, done) }
                                    first += sheetEntries
                                }
                            }
                        }
                        try await judgesGroup.waitForAll()
                    }
                    let lookup = EventLookup(competitionCode: competitionCode, eventCode: eventCode(event))
                    let closing = clock.now
                    let closed = try await office.unary(CompetitionService.closeEvent, lookup)
                    let reading = clock.now
                    guard closed.state == .closed, closed.fullyMarked == UInt32(entries.count) else {
                        throw CompetitionLoadError(Messages.Load.closedIncomplete(eventCode(event), state: "\(closed.state)", fullyMarked: UInt32(closed.fullyMarked), entries: entries.count).text())
                    }
                    let count = try await office.serverStreaming(CompetitionService.results, ResultsRequest(competitionCode: competitionCode, eventCode: eventCode(event), standardised: true)) { stream in
                        var count = 0
                        for try await _ in stream { count += 1 }
                        return count
                    }
                    let done = clock.now
                    guard count == entries.count else { throw CompetitionLoadError(Messages.Load.resultsShort(eventCode(event), results: count, entries: entries.count).text()) }
                    tally.record {
                        _ = $0.closeLatency.record((reading - closing).nanoseconds)
                        _ = $0.resultsLatency.record((done - reading).nanoseconds)
                        $0.results += count
                    }
                }
            }
            while next < min(eventsAtOnce, events) { addEvent() }
            while try await group.next() != nil {
                if next < events { addEvent() }
            }
        }
        let end = clock.now
        var marking = tally.marking.withLock { $0 }
        marking.markingSeconds = (tally.lastSheet.withLock { $0 } - start).seconds
        marking.endToEndSeconds = (end - start).seconds
        return marking
    }

    // MARK: The measured reads

    public var operations: [LoadOperation] {
        let workload = self
        let counties: [Int32] = [0] + JinchengDivisions.countyCodes
        return [
            LoadOperation("results", weight: 50) { client, sequence in
                let request = ResultsRequest(competitionCode: workload.competitionCode, eventCode: workload.eventCode(sequence % workload.events),
                                             standardised: sequence % 2 == 0)
                _ = try await client.serverStreaming(CompetitionService.results, request) { stream in
                    var count = 0
                    for try await _ in stream { count += 1 }
                    return count
                }
            },
            LoadOperation("counts", weight: 50) { client, sequence in
                _ = try await client.unary(CompetitionService.counts, CountsRequest(county: counties[sequence % counties.count], asOf: 0))
            },
        ]
    }

    final class Outcome: Sendable {
        let report = Mutex<CompetitionScenarioReport?>(nil)
    }
}

/// What the competition's two timed phases measured: setup, and every mark submitted with the
/// results computed (marks per second over the marking; latencies in microseconds).
public struct CompetitionScenarioReport: Codable, Sendable, Hashable {
    public var participants: Int
    public var events: Int
    public var judges: Int
    public var group: String
    public var marks: Int
    public var sheets: Int
    /// Judgement marks whose three scores spread beyond the bound (the service's count).
    public var flagged: Int
    public var results: Int
    /// Judges issued, workers imported, competition, events and entries registered.
    public var setupSeconds: Double
    /// From the first sheet to the last one acknowledged.
    public var markingSeconds: Double
    /// From the first sheet to the last event closed and its results streamed.
    public var endToEndSeconds: Double
    public var marksPerSecond: Double
    public var submitMarks: LatencySummary
    public var closeEvent: LatencySummary
    /// One event's results, streamed right after it closed.
    public var resultsStream: LatencySummary
    /// The service's Counts for the year after the run (earlier runs' competitions of the same
    /// year included).
    public var technicalExperts: UInt64
    public var participantsCounted: UInt64
    public var levelPromotions: UInt64
    public var promotionsPending: UInt64

    public func table(in language: Language = .current) -> String {
        typealias Words = Messages.Load
        func ms(_ micros: Double) -> String { String(format: "%.1f", micros / 1000) }
        func line(_ name: String, _ latency: LatencySummary, _ count: Int) -> String {
            "  \(name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(String(count).leftPadded(7))  p50 \(ms(latency.p50).leftPadded(8)) ms  p99 \(ms(latency.p99).leftPadded(8)) ms  max \(ms(latency.max).leftPadded(8)) ms"
        }
        return """
            \(Words.scenarioTitle(participants: participants, group: group, events: events, judges: judges).text(in: language))
            \(Words.scenarioSetup(String(format: "%.2f", setupSeconds), workers: group == "workers").text(in: language))
            \(Words.scenarioMarks(marks, sheets: sheets, seconds: String(format: "%.2f", markingSeconds),
                                 rate: String(format: "%.0f", marksPerSecond), flagged: flagged).text(in: language))
            \(Words.scenarioEndToEnd(String(format: "%.2f", endToEndSeconds), results: results).text(in: language))
            \(line("SubmitMarks", submitMarks, sheets))
            \(line("CloseEvent", closeEvent, events))
            \(line("Results", resultsStream, events))
            \(Words.scenarioCounts(experts: technicalExperts, participants: participantsCounted, promoted: levelPromotions, pending: promotionsPending).text(in: language))
            """
    }
}

struct CompetitionLoadError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    fileprivate var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    fileprivate var nanoseconds: UInt64 { UInt64(max(0, components.seconds)) * 1_000_000_000 + UInt64(max(0, components.attoseconds) / 1_000_000_000) }
}
