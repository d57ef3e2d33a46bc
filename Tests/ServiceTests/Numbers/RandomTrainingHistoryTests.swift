import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// docs/NUMBERS.md's training figures, tested as a whole: random training histories played
/// through the registry's, the evaluation service's and the training service's own protocol
/// methods, then every measure of `Counts` for random as-of dates and years and every figure
/// of `Indicators` for each year, for the city and each county, compared with
/// ``TrainingOracle``'s recount — also halfway through the reports, before the corrections
/// that follow — and the labour brands' years and deadlines. Each enrolment, result, course
/// correction and certificate after training is refused exactly when the oracle says, by one
/// of the rules it names; the counties add up to the city.
///
/// `JCSKILLS_TRAINING_HISTORIES` (default 40, shared among the backends) and
/// `JCSKILLS_TRAINING_HISTORY_SEED` choose the histories: by default SQLite plays the first
/// seeds and PostgreSQL the next; with a seed given, every backend plays the same ones, so a
/// failure's seed replays on whichever backends the run has (`JCSKILLS_HISTORY_DUMP=1` prints
/// it). Courses are corrected into another year too; `JCSKILLS_TRAINING_CROSS_YEARS=0` keeps
/// corrections within the year.
@Suite("Numbers: random training histories recounted by an independent oracle")
struct RandomTrainingHistoryTests {
    static var histories: Int {
        ProcessInfo.processInfo.environment["JCSKILLS_TRAINING_HISTORIES"].flatMap(Int.init) ?? 40
    }
    static var givenSeed: UInt64? {
        ProcessInfo.processInfo.environment["JCSKILLS_TRAINING_HISTORY_SEED"].flatMap(UInt64.init)
    }
    /// Courses corrected into another year (``TrainingHistory/init(seed:crossYears:)``).
    static var crossYears: Bool {
        ProcessInfo.processInfo.environment["JCSKILLS_TRAINING_CROSS_YEARS"] != "0"
    }

    @Test(arguments: TestDatabases.backends)
    func everyTrainingFigureEqualsTheRecount(backend: TestBackend) async throws {
        // A history costs PostgreSQL about five times what it costs SQLite (three fresh
        // databases each): a quarter of the seeds go there when both run, about 10 s each side.
        let both = TestDatabases.backends.count > 1 && Self.givenSeed == nil
        let postgresShare = both ? max(1, Self.histories / 4) : Self.histories
        let count = backend == .sqlite ? Self.histories - (both ? postgresShare : 0) : postgresShare
        let first = (Self.givenSeed ?? 20_201_101) + (both && backend != .sqlite ? UInt64(Self.histories - postgresShare) : 0)
        var failures: [String] = []
        var seen: [String: Int] = [:]
        try await withThrowingTaskGroup(of: (UInt64, Played).self) { group in
            var seeds = (first..<first + UInt64(count)).makeIterator()
            for _ in 0..<(backend == .sqlite ? 3 : 4) {
                if let seed = seeds.next() { group.addTask { (seed, try await Self.play(seed, on: backend)) } }
            }
            while let (seed, played) = try await group.next() {
                if !played.problems.isEmpty { failures.append("seed \(seed): " + played.problems.prefix(6).joined(separator: "; ")) }
                for rule in played.refusals { seen[rule, default: 0] += 1 }
                if let seed = seeds.next() { group.addTask { (seed, try await Self.play(seed, on: backend)) } }
            }
        }
        #expect(failures.isEmpty, """
            \(failures.count) of \(count) training histories on \(backend) differ from the recount \
            (replay one: JCSKILLS_TRAINING_HISTORY_SEED=<seed> JCSKILLS_TRAINING_HISTORIES=1 swift test --filter RandomTrainingHistory):
            \(failures.sorted().prefix(10).joined(separator: "\n"))
            """)
        // The histories are drawn so that every refusal comes up: a run long enough that
        // one never did tests less than it claims.
        if count >= 20 {
            let rules = ["registered", "key_group_member", "already_enrolled", "no_overlap", "subsidised_per_year", "capacity",
                         "completed_on", "employed_on", "certificate_holder", "certificate_standing", "certificate_after_training"]
            #expect(rules.filter { seen[$0] == nil }.isEmpty, "refusals that never came up in \(count) histories: \(seen)")
        }
    }

    struct Played: Sendable {
        var problems: [String]
        /// The rules by which the service refused something, once each per refusal.
        var refusals: [String]
    }

    /// Plays the history of `seed` and returns every difference found.
    static func play(_ seed: UInt64, on backend: TestBackend) async throws -> Played {
        let history = TrainingHistory(seed: seed, crossYears: crossYears)
        if ProcessInfo.processInfo.environment["JCSKILLS_HISTORY_DUMP"] != nil {
            // For replaying one seed: what happened, in order.
            print("training history \(seed): midpoint \(history.midpoint)")
            for (index, person) in history.persons.enumerated() { print("  person \(index): \(person)") }
            for (index, brand) in history.brands.enumerated() { print("  brand \(index): \(brand)") }
            for (index, course) in history.courses.enumerated() { print("  course \(index): \(course)") }
            for (index, certificate) in history.certificates.enumerated() { print("  certificate \(index): \(certificate)") }
            for (index, attempt) in history.attempts.enumerated() { print("  attempt \(index): \(attempt)") }
            for (index, report) in history.reports.enumerated() { print("  report \(index): \(report)") }
        }
        return try await TrainingHarness.with(backend) { harness in
            try await harness.registry.client("admin") { registry in
                try await withTestClient(harness.evaluation, as: "admin") { evaluation in
                    try await harness.client { training in
                        var player = Player(history: history, registry: registry, evaluation: evaluation, training: training)
                        try await player.play()
                        return Played(problems: player.problems, refusals: player.refusals)
                    }
                }
            }
        }
    }

    /// Drives one history through the services and compares what they say.
    struct Player {
        let history: TrainingHistory
        let oracle: TrainingOracle
        let registry: RPCClient
        let evaluation: RPCClient
        let training: RPCClient
        var problems: [String] = []
        var refusals: [String] = []
        /// The numbers the services gave: each accepted attempt's enrolment, each certificate.
        var enrolments: [Int: String] = [:]
        var certificateNumbers: [Int: String] = [:]

        init(history: TrainingHistory, registry: RPCClient, evaluation: RPCClient, training: RPCClient) {
            self.history = history
            self.oracle = TrainingOracle(history)
            self.registry = registry
            self.evaluation = evaluation
            self.training = training
        }

        mutating func play() async throws {
            try await setUp()
            for (attempt, (person, course)) in history.attempts.enumerated() {
                let request = EnrolmentRequest(courseCode: history.courses[course].code, idNumber: history.persons[person].idNumber)
                let outcome = await Self.outcome { try await training.unary(TrainingService.enrol, request).number }
                check(outcome, oracle.enrolmentBreaks[attempt], "enrolment attempt \(attempt) (person \(person), course \(course))")
                if case .success(let number) = outcome { enrolments[attempt] = number }
            }
            for (index, report) in history.reports.enumerated() {
                await Task.yield()  // the oracle counts for long: let the other tests of a parallel run go on
                if index == history.midpoint {
                    try await compare(TrainingOracle(history, reports: index), brief: true)
                }
                guard let breaks = oracle.reportBreaks[index] else { continue }
                try await apply(report, index: index, expecting: breaks)
            }
            try await compare(oracle, brief: false)
        }

        /// Persons in the registry, certificates in the evaluation service, brands and courses
        /// in the training service.
        private mutating func setUp() async throws {
            for person in history.persons where person.registered {
                var registration = PersonRegistration.sample(id: person.idNumber, county: person.county)
                registration.keyGroups = person.member ? [.ruralMigrantWorkers] : []
                _ = try await registry.unary(RegistryService.registerPerson, registration)
                if person.movedAway {
                    var change = StatusChange()
                    change.person = PersonLookup(idNumber: person.idNumber)
                    change.status = .movedAway
                    change.reason = "history"
                    _ = try await registry.unary(RegistryService.changeStatus, change)
                }
            }
            _ = try await evaluation.unary(EvaluationService.registerInstitution, .sample(code: "T-1", scope: TrainingCertificateTests.scope))
            for (index, certificate) in history.certificates.enumerated() {
                let number = try await evaluation.unary(EvaluationService.issueCertificate, .sample(
                    institution: "T-1", level: .level5, id: history.persons[certificate.holder].idNumber, issuedOn: certificate.issuedOn)).number
                certificateNumbers[index] = number
                if certificate.revoked {
                    _ = try await evaluation.unary(EvaluationService.revokeCertificate, CertificateRevocation(number: number, reason: "history"))
                }
            }
            for brand in history.brands {
                var record = LabourBrand.sample(
                    code: brand.code, name: "品牌\(brand.code)", county: brand.county,
                    recognitions: brand.recognitions.prefix(brand.firstRegistered).map { BrandRecognition(level: BrandLevel(rawValue: $0.level), year: $0.year) })
                _ = try await training.unary(TrainingService.registerBrand, record)
                record.recognitions = brand.recognitions.map { BrandRecognition(level: BrandLevel(rawValue: $0.level), year: $0.year) }
                _ = try await training.unary(TrainingService.registerBrand, record)
            }
            for course in history.courses { _ = try await training.unary(TrainingService.registerCourse, record(course)) }
        }

        private func record(_ course: TrainingHistory.Course) -> Course {
            var record = Course.sample(code: course.code, programme: course.programme, county: course.county, startsOn: course.startsOn,
                                       endsOn: course.endsOn, capacity: course.capacity, subsidy: course.subsidy)
            record.mode = course.mode
            record.providerKind = course.providerKind
            record.providerCreditCode = TrainingHistory.providers[course.provider]
            record.subsidyWithCertificate = course.tier
            record.labourBrand = course.brand.map { history.brands[$0].code } ?? ""
            return record
        }

        private mutating func apply(_ report: TrainingHistory.Report, index: Int, expecting breaks: Set<String>) async throws {
            switch report {
            case .result(let attempt, let drawn):
                guard let number = enrolments[attempt] else { return }
                var result = TrainingResult()
                result.enrolmentNumber = number
                result.completedOn = drawn.completedOn
                result.passed = drawn.passed
                if drawn.employedOn != 0 {
                    result.employedOn = drawn.employedOn
                    if drawn.selfEmployed { result.selfEmployed = true } else { result.employerCreditCode = TrainingHistory.employers[drawn.employer] }
                }
                let outcome = await Self.outcome { try await training.unary(TrainingService.recordResult, result).courseCode }
                check(outcome, breaks, "report \(index): result of attempt \(attempt)")
            case .certificate(let attempt, let certificate):
                guard let number = enrolments[attempt] else { return }
                let request = CertificateAfterTraining(enrolmentNumber: number, certificateNumber: certificateNumbers[certificate]!)
                let outcome = await Self.outcome { try await training.unary(TrainingService.recordCertificate, request).certificateNumber }
                check(outcome, breaks, "report \(index): certificate \(certificate) after attempt \(attempt)")
            case .unknownCertificate(let attempt):
                guard let number = enrolments[attempt] else { return }
                let request = CertificateAfterTraining(enrolmentNumber: number, certificateNumber: "JCC202199999999")
                let outcome = await Self.outcome { try await training.unary(TrainingService.recordCertificate, request).certificateNumber }
                check(outcome, breaks, "report \(index): an unknown certificate after attempt \(attempt)")
            case .course(let course, let corrected):
                let outcome = await Self.outcome { try await training.unary(TrainingService.registerCourse, record(corrected)).course.code }
                check(outcome, breaks, "report \(index): course \(course) corrected")
            }
        }

        /// A call's answer, or the rule its refusal names (the field of an INVALID_ARGUMENT,
        /// the rule of a FAILED_PRECONDITION; `already_enrolled` for ALREADY_EXISTS).
        private static func outcome(_ call: () async throws -> String) async -> Swift.Result<String, RefusedBy> {
            do {
                return .success(try await call())
            } catch let error as RPCError {
                switch error.code {
                case .alreadyExists: return .failure(RefusedBy(rule: "already_enrolled"))
                case .invalidArgument, .failedPrecondition: return .failure(RefusedBy(rule: String(error.message.prefix { $0 != ":" })))
                default: return .failure(RefusedBy(rule: "\(error)"))
                }
            } catch {
                return .failure(RefusedBy(rule: "\(error)"))
            }
        }

        struct RefusedBy: Error {
            var rule: String
        }

        /// Accepted when the oracle finds no rule broken; otherwise refused by one of those it found.
        private mutating func check(_ outcome: Swift.Result<String, RefusedBy>, _ breaks: Set<String>, _ what: String) {
            switch outcome {
            case .success where !breaks.isEmpty:
                problems.append("\(what) was accepted; the recount breaks \(breaks.sorted())")
            case .failure(let refusal) where breaks.isEmpty:
                problems.append("\(what) was refused (\(refusal.rule)); the recount breaks no rule")
            case .failure(let refusal):
                refusals.append(refusal.rule)
                if !breaks.contains(refusal.rule) { problems.append("\(what) was refused by \(refusal.rule); the recount breaks \(breaks.sorted())") }
            case .success:
                break
            }
        }

        private mutating func check(_ actual: String, _ expected: String, _ what: String) {
            if actual != expected { problems.append("\(what): the service says \(actual), the recount \(expected)") }
        }

        /// `Counts` for a few as-of dates (the enrolment day or the day before it, the steps of
        /// results, jobs and certificates and the day before each, a year's end, any day) and
        /// years; `Indicators` for each year; the brands — for the city and each county. Brief:
        /// the city and one county, the enrolment day and a step and the day before, one year.
        private mutating func compare(_ oracle: TrainingOracle, brief: Bool) async throws {
            var random = SplitMix(state: history.seed ^ (brief ? 0xB1EF : 0xF011))
            func day(_ from: Int32, _ to: Int32) -> Int32 {
                let low = CalendarDate(yyyymmdd: from)!.dayNumber, high = CalendarDate(yyyymmdd: to)!.dayNumber
                return CalendarDate(dayNumber: Int.random(in: low...high, using: &random))!.yyyymmdd
            }
            // Only the key-group measures step with results', jobs' and certificates' dates:
            // the steps of the key-group enrolments, with their course's year.
            var steps: [(day: Int32, year: Int32)] = []
            for report in history.reports {
                let attempt: Int, dates: [Int32]
                switch report {
                case .result(let of, let result): (attempt, dates) = (of, [result.completedOn] + (result.employedOn != 0 ? [result.employedOn] : []))
                case .certificate(let of, let index): (attempt, dates) = (of, [history.certificates[index].issuedOn])
                case .unknownCertificate, .course: continue
                }
                let course = oracle.courses[history.attempts[attempt].course]
                if course.programme == .keyGroupSubsidised { steps += dates.map { ($0, course.startsOn / 10_000) } }
            }
            // The year asked: none (the date's), or one of the courses'.
            func anyYear() -> Int32 { Bool.random(using: &random) ? 0 : Int32.random(in: 2019...2023, using: &random) }
            var days: [(day: Int32, asked: Int32)] = [([20201031, 20201101].randomElement(using: &random)!, anyYear())]
            if !brief { days += [(day(20191201, 20231231), anyYear()), ([20191231, 20201231, 20211231, 20221231, 20231231].randomElement(using: &random)!, anyYear())] }
            for _ in 0..<(brief ? 1 : 3) {
                guard let step = steps.randomElement(using: &random) else { break }
                let asked = Int.random(in: 0..<4, using: &random) == 0 ? anyYear() : step.year
                days += [(step.day, asked), (CalendarDate(yyyymmdd: step.day)!.adding(days: -1)!.yyyymmdd, asked)]
            }
            let scopes: [Int32] = brief ? [0, TrainingHistory.counties.randomElement(using: &random)!] : [0] + TrainingHistory.counties
            let stage = brief ? "after \(history.midpoint) reports" : "at the end"

            for (asOf, asked) in days {
                let year = asked == 0 ? asOf / 10_000 : asked
                var sum = Array(repeating: 0, count: 8)
                var lackingCity: [Int32] = [], lackingProvincial: [Int32] = []
                var city: TrainingCounts?
                for scope in scopes {
                    await Task.yield()  // the oracle counts for long: let the other tests of a parallel run go on
                    let counts = try await training.unary(TrainingService.counts, CountsRequest(county: scope, asOf: asOf, year: asked))
                    let expected = oracle.counts(asOf: asOf, year: year, county: scope)
                    let said = [counts.enterpriseTraining, counts.keyGroupTraining, counts.keyGroupCompleted, counts.keyGroupPassed,
                                counts.keyGroupCertified, counts.keyGroupEmployed, counts.trainedForCertificate, counts.labourBrands].map { Int($0) }
                    check("\(said.map(String.init).joined(separator: ",")) lacking \(counts.countiesLackingCityBrand) \(counts.countiesLackingProvincialBrand)",
                          expected.description,
                          "\(stage), counts (enterprise, key group, completed, passed, certified, employed, for a certificate, brands) on \(asOf) for \(year) in \(scope)")
                    check("\(counts.asOf)/\(counts.year)", "\(asOf)/\(year)", "\(stage), the date and year counts answers for on \(asOf), year \(asked)")
                    if scope == 0 {
                        city = counts
                    } else {
                        sum = zip(sum, said).map(+)
                        lackingCity += counts.countiesLackingCityBrand
                        lackingProvincial += counts.countiesLackingProvincialBrand
                    }
                }
                if let city, !brief {
                    let whole = [city.enterpriseTraining, city.keyGroupTraining, city.keyGroupCompleted, city.keyGroupPassed,
                                 city.keyGroupCertified, city.keyGroupEmployed, city.trainedForCertificate, city.labourBrands].map { Int($0) }
                    check("\(sum) lacking \(lackingCity) \(lackingProvincial)",
                          "\(whole) lacking \(city.countiesLackingCityBrand) \(city.countiesLackingProvincialBrand)",
                          "\(stage), counts: the counties' sum against the city on \(asOf) for \(year)")
                }
            }

            let years: [Int32] = brief ? [Int32.random(in: 2020...2022, using: &random)] : [2020, 2021, 2022, [2019, 2023].randomElement(using: &random)!]
            for year in years {
                var sum = TrainingOracle.Figures()
                var whole = TrainingOracle.Figures()
                for scope in scopes {
                    await Task.yield()  // the oracle counts for long: let the other tests of a parallel run go on
                    let answer = try await training.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: year, county: scope))
                    let expected = oracle.indicators(year: year, county: scope)
                    check("\(answer.year)/\(answer.county)", "\(year)/\(scope)", "\(stage), the year and county indicators answers for")
                    check(Self.text(answer.total), expected.total.text,
                          "\(stage), indicators (enrolled, completed, passed, employed, certified, pass/employment/certificate rates, subsidy) for \(year) in \(scope)")
                    check(answer.lines.map { "\($0.dimension)/\($0.key): \(Self.text($0.figures)) \($0.flags)" }.joined(separator: "; "),
                          expected.lines.map(\.text).joined(separator: "; "), "\(stage), indicator lines for \(year) in \(scope)")
                    let total = answer.total
                    let figures = TrainingOracle.Figures(enrolled: total.enrolled, completed: total.completed, passed: total.passed,
                                                         employed: total.employed, certified: total.certified, subsidy: total.subsidyDue)
                    if scope == 0 { whole = figures } else { sum = sum + figures }
                }
                if !brief { check(sum.text, whole.text, "\(stage), indicators: the counties' sum against the city for \(year)") }
            }

            guard !brief else { return }
            let report = try await training.unary(TrainingService.labourBrands, LabourBrandsRequest())
            let expected = oracle.brandReport()
            var brandYears: [String: [Int32: String]] = [:]
            for view in report.brands {
                for entry in view.years where entry.trained != 0 || entry.placed != 0 || entry.subsidyDue != 0 {
                    brandYears[view.brand.code, default: [:]][entry.year] = "\(entry.trained),\(entry.placed),\(entry.subsidyDue)"
                }
            }
            func text(_ years: [String: [Int32: String]]) -> String {
                years.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })" }.joined(separator: "; ")
            }
            check(text(brandYears), text(expected.years), "\(stage), brands' years (trained, placed, subsidy)")
            check("\(report.countiesLackingCityBrand) \(report.countiesLackingProvincialBrand)", "\(expected.lackingCity) \(expected.lackingProvincial)",
                  "\(stage), counties lacking a city brand by 2020, a provincial one by 2021")
        }

        private static func text(_ figures: TrainingFigures) -> String {
            "\(figures.enrolled),\(figures.completed),\(figures.passed),\(figures.employed),\(figures.certified),"
                + "\(figures.passRate),\(figures.employmentRate),\(figures.certificateRate),\(figures.subsidyDue)"
        }
    }
}
