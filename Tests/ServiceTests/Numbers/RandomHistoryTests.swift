import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import EvaluationService
@testable import RegistryService

/// docs/NUMBERS.md, tested as a whole: random city histories played through the registry's and
/// the evaluation service's own protocol methods, on a clock that walks through them, then every
/// figure for random dates, the city and each county, compared with ``CityOracle``'s recount.
/// Also: the six counties add up to the city on every date, and the figures for a past date are
/// the same before and after the events that follow it.
///
/// `JCSKILLS_HISTORIES` (default 500, shared among the backends) and `JCSKILLS_HISTORY_SEED`
/// (the first seed, default 20261204; PostgreSQL's seeds follow SQLite's) choose the histories;
/// a failure names each seed that differs, to replay it alone.
@Suite("Numbers: random city histories recounted by an independent oracle")
struct RandomHistoryTests {
    static var histories: Int {
        ProcessInfo.processInfo.environment["JCSKILLS_HISTORIES"].flatMap(Int.init) ?? 500
    }
    static var firstSeed: UInt64 {
        ProcessInfo.processInfo.environment["JCSKILLS_HISTORY_SEED"].flatMap(UInt64.init) ?? 20_261_204
    }

    @Test(arguments: TestDatabases.backends)
    func everyFigureEqualsTheRecount(backend: TestBackend) async throws {
        // Each backend plays its own seeds: PostgreSQL a fifth of them when both run (a
        // PostgreSQL history costs about four times a SQLite one: the client's PostgreSQL
        // driver, and a database pair copied and dropped on the server), SQLite the rest.
        let both = TestDatabases.backends.count > 1
        let postgresShare = both ? max(1, Self.histories / 5) : Self.histories
        let count = backend == .sqlite ? Self.histories - (both ? postgresShare : 0) : postgresShare
        let first = Self.firstSeed + (backend == .sqlite ? 0 : UInt64(Self.histories))
        var failures: [String] = []
        try await withThrowingTaskGroup(of: (UInt64, [String]).self) { group in
            var seeds = (first..<first + UInt64(count)).makeIterator()
            // Histories wait on the database and the loopback as much as on the CPU.
            for _ in 0..<(backend == .sqlite ? 3 : 6) {
                if let seed = seeds.next() { group.addTask { (seed, try await Self.play(seed, on: backend)) } }
            }
            while let (seed, problems) = try await group.next() {
                if !problems.isEmpty { failures.append("seed \(seed): " + problems.prefix(6).joined(separator: "; ")) }
                if let seed = seeds.next() { group.addTask { (seed, try await Self.play(seed, on: backend)) } }
            }
        }
        #expect(failures.isEmpty, """
            \(failures.count) of \(count) histories on \(backend) differ from the recount \
            (replay one on SQLite: JCSKILLS_HISTORY_SEED=<seed> JCSKILLS_HISTORIES=1 swift test --filter RandomHistoryTests):
            \(failures.sorted().prefix(10).joined(separator: "\n"))
            """)
    }

    /// Plays the history of `seed` and returns every difference found.
    static func play(_ seed: UInt64, on backend: TestBackend) async throws -> [String] {
        let history = CityHistory(seed: seed)
        let oracle = CityOracle(history)
        if ProcessInfo.processInfo.environment["JCSKILLS_HISTORY_DUMP"] != nil {
            // For replaying one seed: what happened, in order.
            print("history \(seed): snapshot on \(history.snapshotDay); persons \(history.persons.map(\.birth)); imported \(history.imported); baselines \(history.baselines)")
            for (index, certificate) in history.certificates.enumerated() { print("  certificate \(index): \(certificate)") }
            for (day, event) in history.events { print("  \(day) \(event)") }
        }
        let clock = HistoryClock(CityHistory.start)
        return try await withCityServices(backend, clock: clock) { registry, evaluation, aging in
            var player = Player(history: history, oracle: oracle, clock: clock, registry: registry, evaluation: evaluation)
            try await player.play()
            try await aging.catchUp()
            try await player.compareToday()
            return player.problems
        }
    }

    /// Drives one history through the services and compares what they say.
    struct Player {
        let history: CityHistory
        let oracle: CityOracle
        let clock: HistoryClock
        let registry: RPCClient
        let evaluation: RPCClient
        var problems: [String] = []
        var numbers: [Int: String] = [:]

        init(history: CityHistory, oracle: CityOracle, clock: HistoryClock, registry: RPCClient, evaluation: RPCClient) {
            self.history = history
            self.oracle = oracle
            self.clock = clock
            self.registry = registry
            self.evaluation = evaluation
        }

        mutating func play() async throws {
            try await setUp()
            var random = SplitMix(state: history.seed ^ 0x5EED)
            let snapshotDays = [history.snapshotDay] + (0..<3).map { _ in Self.day(20180601, history.snapshotDay, &random) }
            var snapshot: [String: String]?
            for (day, event) in history.events {
                if snapshot == nil, day > history.snapshotDay {
                    clock.set(history.snapshotDay)
                    snapshot = try await figures(on: snapshotDays)
                }
                clock.set(day)
                try await apply(event)
            }
            if snapshot == nil {
                clock.set(history.snapshotDay)
                snapshot = try await figures(on: snapshotDays)
            }
            clock.set(CityHistory.end)

            // The days where figures step (and the day before), and a few others.
            var steps: [Int32] = history.events.map(\.day)
            steps += history.certificates.indices.compactMap { oracle.expiry(history.certificates[$0]) }
            steps += history.persons.map { $0.birth + 61_0000 }
            steps += history.baselines.map(\.asOf)
            let candidates = steps.filter { CalendarDate(yyyymmdd: $0) != nil && $0 <= CityHistory.end }
            var days = snapshotDays + (0..<4).map { _ in Self.day(20180101, CityHistory.end, &random) }
            for _ in 0..<8 {
                guard let step = candidates.randomElement(using: &random) else { break }
                days += [step, CalendarDate(yyyymmdd: step)!.adding(days: -1)!.yyyymmdd]
            }
            let now = try await figures(on: days)
            for day in days {
                for county in [Int32(0)] + CityHistory.counties {
                    await Task.yield()  // the oracle counts for long: let the other tests of a parallel run go on
                    let registered = oracle.registered(on: day, county: county)
                    let enterprises = oracle.enterpriseCounts(on: day, county: county)
                    check(now["registry/\(day)/\(county)"], "\(registered),\(enterprises.enterprises),\(enterprises.surveyed)",
                          "registry (registered, enterprises, surveyed) on \(day) in \(county)")
                    let counts = oracle.counts(on: day, county: county)
                    check(now["evaluation/\(day)/\(county)"], "\(counts.inSystem),\(counts.skilled),\(counts.highSkill),\(counts.newSkilled)",
                          "counts (in system, skilled, high skill, new) on \(day) in \(county)")
                    check(now["institutions/\(day)/\(county)"], oracle.institutionCounts(on: day, county: county),
                          "institutions (type/status=count) on \(day) in \(county)")
                    // Today's figure may be up to ComplianceQueries.countsMaxAge old by design (the
                    // snapshot compares today's way of counting with the history's).
                    if day != CityHistory.end {
                        check(now["compliance/\(day)/\(county)"], "\(oracle.lackingBody(on: day, county: county))",
                              "enterprises lacking a body on \(day) in \(county)")
                    }
                }
                // The counties add up to the city.
                for part in ["registry", "evaluation"] + (day != CityHistory.end ? ["compliance"] : []) {
                    let city = Self.numbers(now["\(part)/\(day)/0"])
                    let sum = CityHistory.counties.map { Self.numbers(now["\(part)/\(day)/\($0)"]) }
                        .reduce(Array(repeating: 0, count: city.count)) { zip($0, $1).map(+) }
                    check("\(sum)", "\(city)", "\(part): the counties' sum against the city on \(day)")
                }
            }
            for (key, value) in snapshot! where now[key] != value {
                problems.append("\(key) was \(value) on \(history.snapshotDay), \(now[key] ?? "nothing") after the later events")
            }
        }

        /// Today's analysis after the day's age work: bands by age today, nobody past 60.
        mutating func compareToday() async throws {
            let statistics = try await registry.unary(RegistryService.statistics, StatisticsRequest(county: 0))
            var cells: [String: Int] = [:]
            for cell in statistics.cells { cells["\(cell.county)/\(cell.ageBand)", default: 0] += Int(cell.count) }
            let expected = oracle.bands(on: CityHistory.end)
            check("\(cells.sorted { $0.key < $1.key })", "\(expected.sorted { $0.key < $1.key })", "today's cells by county/age band")
            check("\(statistics.registered)", "\(oracle.registered(on: CityHistory.end, county: 0))", "today's registered")
        }

        private mutating func check(_ actual: String?, _ expected: String, _ what: String) {
            if actual != expected { problems.append("\(what): the services say \(actual ?? "nothing"), the recount \(expected)") }
        }

        private static func numbers(_ text: String?) -> [Int] {
            (text ?? "").split(separator: ",").map { Int($0) ?? -1 }
        }

        private static func day(_ from: Int32, _ to: Int32, _ random: inout SplitMix) -> Int32 {
            let low = CalendarDate(yyyymmdd: from)!.dayNumber, high = CalendarDate(yyyymmdd: max(from, to))!.dayNumber
            return CalendarDate(dayNumber: Int.random(in: low...high, using: &random))!.yyyymmdd
        }

        /// What the services say for `days`, for the city and each county: the questions asked
        /// at once, as many callers would (they only read, on a clock that stands still), so
        /// that a history costs the calls' work rather than a round trip each. Every other day
        /// is asked as the gateway asks — every scope in one `BatchStatistics` and one
        /// `BatchCounts`, whose counties PostgreSQL reads in one statement grouped by county —
        /// the others one call a question: both ways recounted.
        func figures(on days: [Int32]) async throws -> [String: String] {
            let registry = registry, evaluation = evaluation
            let scopes = [Int32(0)] + CityHistory.counties
            let questions = Set(days).sorted().enumerated().flatMap { index, day in
                index % 2 == 0 ? [(day, scopes)] : scopes.map { (day, [$0]) }
            }
            var result: [String: String] = [:]
            try await withThrowingTaskGroup(of: [String: String].self) { group in
                var pending = questions.makeIterator()
                func ask(_ day: Int32, _ counties: [Int32]) {
                    group.addTask { try await Self.figures(on: day, counties: counties, registry: registry, evaluation: evaluation) }
                }
                for _ in 0..<8 { if let (day, counties) = pending.next() { ask(day, counties) } }
                while let answers = try await group.next() {
                    result.merge(answers) { $1 }
                    if let (day, counties) = pending.next() { ask(day, counties) }
                }
            }
            return result
        }

        /// One county's figures on `day` by the single calls, several counties' by the batch calls.
        private static func figures(on day: Int32, counties: [Int32], registry: RPCClient, evaluation: RPCClient) async throws -> [String: String] {
            let statisticsQuestions = counties.map { StatisticsRequest(county: $0, summaryOnly: true, registrationsUpTo: day) }
            let summaries = counties.count == 1
                ? [try await registry.unary(RegistryService.statistics, statisticsQuestions[0])]
                : try await registry.unary(RegistryService.batchStatistics, StatisticsQuestions(requests: statisticsQuestions)).answers
            let countsQuestions = counties.map { CountsRequest(county: $0, asOf: day) }
            func ask() async throws -> [EvaluationCounts] {
                counties.count == 1
                    ? [try await evaluation.unary(EvaluationService.counts, countsQuestions[0])]
                    : try await evaluation.unary(EvaluationService.batchCounts, CountsQuestions(requests: countsQuestions)).answers
            }
            var counts = try await ask()
            // The compliance figure is left out when the registry is slow to answer
            // (ComplianceQueries.countsDeadline, 1.5 s): ask again, for up to a minute — how
            // fast the registry answers beside a parallel test run is not what this tests.
            let deadline = ContinuousClock.now + .seconds(60)
            while counts.contains(where: { !$0.complianceKnown }), ContinuousClock.now < deadline {
                counts = try await ask()
            }
            var result: [String: String] = [:]
            for (county, (summary, counts)) in zip(counties, zip(summaries, counts)) {
                result["registry/\(day)/\(county)"] = "\(summary.registrationsUpTo),\(summary.enterprises),\(summary.enterprisesSurveyed)"
                result["evaluation/\(day)/\(county)"] =
                    "\(counts.inSystemSkilledWorkers),\(counts.skilledWorkers),\(counts.highSkill),\(counts.newSkilledWorkers)"
                result["institutions/\(day)/\(county)"] = counts.institutions
                    .map { "\($0.type.rawValue)/\($0.status.rawValue)=\($0.count)" }.sorted().joined(separator: ",")
                result["compliance/\(day)/\(county)"] = counts.complianceKnown ? "\(counts.enterprisesLackingBody)" : "unknown"
            }
            return result
        }

        private func request(_ certificate: CityHistory.Certificate) -> CertificateIssue {
            let special = certificate.kind == .specialOperations || certificate.kind == .specialEquipmentOperator
            var issue = CertificateIssue.sample(
                institution: "CITY", kind: certificate.kind, occupation: certificate.occupation,
                level: SkillLevel(rawValue: certificate.level), operation: special ? "OP" : "",
                id: history.persons[certificate.holder].idNumber, county: certificate.county, issuedOn: certificate.issued)
            issue.holderName = "持证人\(certificate.holder)"
            return issue
        }

        /// The institutions approved before the system, the baseline and the certificates from
        /// before the system.
        private mutating func setUp() async throws {
            clock.set(CityHistory.start)
            for index in history.institutions.indices where history.institutions[index].approvedBefore != nil {
                try await register(institution: index)
            }
            for baseline in history.baselines {
                var declaration = BaselineDeclaration()
                declaration.county = baseline.county
                declaration.level = SkillLevel(rawValue: baseline.level)
                declaration.persons = baseline.persons
                declaration.asOf = baseline.asOf
                _ = try await evaluation.unary(EvaluationService.declareBaseline, declaration)
            }
            guard !history.imported.isEmpty else { return }
            let rows = history.imported.enumerated().map { line, index in
                let certificate = history.certificates[index]
                return CertificateImportRow(line: UInt32(line + 2), number: certificate.importNumber!, certificate: request(certificate),
                                            preSystem: certificate.preSystem)
            }
            let summary = try await evaluation.clientStreaming(EvaluationService.importCertificates) { writer in
                try await writer.send(CertificateImportBatch(rows: rows))
            }
            if summary.accepted != UInt64(rows.count) { problems.append("import accepted \(summary.accepted) of \(rows.count): \(summary.errors)") }
        }

        private mutating func apply(_ event: CityHistory.Event) async throws {
            switch event {
            case .register(let person, let county):
                _ = try await registry.unary(RegistryService.registerPerson, .sample(
                    id: history.persons[person].idNumber, county: county, registeredOn: clock.day))
            case .move(let person, let county):
                try await change(person, to: .active, county: county)
            case .leave(let person, let status):
                try await change(person, to: status, county: 0)
            case .comeBack(let person, let county):
                try await change(person, to: .active, county: county)
            case .issue(let index):
                numbers[index] = try await evaluation.unary(EvaluationService.issueCertificate, request(history.certificates[index])).number
            case .revoke(let index):
                let number = numbers[index]!
                _ = try await evaluation.unary(EvaluationService.revokeCertificate, CertificateRevocation(number: number, reason: "history"))
            case .enterprise(let index, let county, let staff):
                var enterprise = Enterprise()
                enterprise.creditCode = history.enterprises[index]
                enterprise.name = "企业\(index)"
                enterprise.county = county
                enterprise.industry = "制造业"
                enterprise.staffCount = staff
                _ = try await registry.unary(RegistryService.registerEnterprise, enterprise)
            case .survey(let index):
                var demand = Demand()
                demand.creditCode = history.enterprises[index]
                demand.occupation = CityHistory.occupations[0]
                demand.level = .level4
                demand.year = clock.day / 10_000
                demand.headcount = 3
                let summary = try await registry.clientStreaming(RegistryService.importDemand) { writer in
                    try await writer.send(DemandImportBatch(rows: [DemandImportRow(line: 2, demand: demand)]))
                }
                if summary.accepted != 1 { problems.append("a demand line was refused: \(summary.errors)") }
            case .registerInstitution(let index):
                try await register(institution: index)
            case .moveInstitution(let index, let county):
                try await register(institution: index, county: county)
            case .institutionStatus(let index, let status):
                _ = try await evaluation.unary(EvaluationService.setInstitutionStatus,
                                               InstitutionStatusChange(code: history.institutions[index].code, status: status, reason: "history"))
            }
        }

        /// Registers an institution (again, to move it to `county`), approved before the system
        /// or on the day.
        private func register(institution index: Int, county: Int32? = nil) async throws {
            let institution = history.institutions[index]
            _ = try await evaluation.unary(EvaluationService.registerInstitution, .sample(
                code: institution.code, type: institution.type, county: county ?? institution.county,
                enterprise: institution.enterprise.map { history.enterprises[$0] } ?? "",
                scope: CityHistory.occupations.map { ScopeEntry(occupation: $0, levels: SkillLevel.standard) },
                approvedOn: institution.approvedBefore ?? clock.day))
        }

        private func change(_ person: Int, to status: RegistrationStatus, county: Int32) async throws {
            var change = StatusChange()
            change.person = PersonLookup(idNumber: history.persons[person].idNumber)
            change.status = status
            change.newCounty = county
            if status == .leftLabourForce { change.leavingReason = .age }
            change.reason = "history"
            _ = try await registry.unary(RegistryService.changeStatus, change)
        }
    }
}

/// A registry and an evaluation service that asks it, each on a fresh database of `backend`,
/// both on `clock`, served over TLS on 127.0.0.1; `body` gets an admin client of each and the
/// registry's daily age work.
func withCityServices<T: Sendable>(
    _ backend: TestBackend, clock: HistoryClock,
    _ body: (_ registry: RPCClient, _ evaluation: RPCClient, _ aging: LabourForceAging) async throws -> T
) async throws -> T {
    try await RegistryHarness.with(backend, clock: { clock.now }) { registry in
        let aging = RegistryDefinition.makeAging(store: registry.store, personal: registry.personal, clock: { clock.now })
        return try await EvaluationHarness.withEvaluation(backend, registry: registry.endpoint, clock: { clock.now }) { evaluationEndpoint, _ in
            try await withDomainClient(registry.endpoint) { registryClient in
                try await withDomainClient(evaluationEndpoint) { evaluationClient in
                    try await body(registryClient, evaluationClient, aging)
                }
            }
        }
    }
}

/// The day the services see, moved by the test through a history (Beijing noon of it).
final class HistoryClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int32

    init(_ day: Int32) { current = day }

    var day: Int32 { lock.withLock { current } }
    func set(_ day: Int32) { lock.withLock { current = day } }
    var now: Date {
        Date(timeIntervalSince1970: Double(CalendarDate(yyyymmdd: day)!.startUnixMilliseconds()) / 1000 + 12 * 3600)
    }
}
