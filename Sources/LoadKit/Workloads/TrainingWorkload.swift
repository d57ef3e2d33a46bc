import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import Synchronization

/// The training service's mix for `jcskills-load training`: enrolments checked with the registry,
/// results reported for them, the year's figures.
/// Default proportions: Enrol 60, RecordResult 30, Indicators 10; `list` (ImportEnrolments, a
/// class list of ``listSize`` persons per call) and `counts` (the gateway's Counts) at 0.
///
/// `setUp` imports ``persons`` generated persons into the registry (through `--registry`, as the
/// same identity) and registers two sets of 150 one-day courses of its own (`LOAD-<salt>-…`,
/// enterprise-employee upgrade, unsubsidised, room for everyone): `enrol` takes person
/// `n mod persons` into course `n div persons` of the first set, so nobody enrols twice in a
/// course nor in two courses of one day; `list` does the same with the second set.
public struct TrainingWorkload: Workload {
    public let name = "training"
    public let persons: Int
    public let listSize: Int
    public let people: SyntheticPerson
    let registry: LoadTarget
    private let recent = RecentEnrolments()

    /// Courses per set: one a day, so a person may take each.
    static let coursesPerSet = 150

    public init(persons: Int = 20_000, listSize: Int = 500, registry: LoadTarget, people: SyntheticPerson = SyntheticPerson()) {
        precondition(persons >= 1 && listSize >= 1, "enrolments need persons")
        self.persons = persons
        self.listSize = listSize
        self.registry = registry
        self.people = people
    }

    public var label: String { "training (enrolments checked with the registry, results, figures)" }

    var year: Int32 { Int32(people.thisYear) }

    func courseCode(set: Int, _ index: Int) -> String { "LOAD-\(people.salt)-\(set)-\(index % Self.coursesPerSet)" }

    /// Course `index` of a set runs on one day of this year, from 2 January: the first set on
    /// days 0–149, the second on days 150–299, so no course of one overlaps one of the other.
    func courseDay(set: Int = 0, _ index: Int) -> Int32 {
        let start = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                   year: people.thisYear, month: 1, day: 2).date!
        let offset = set * Self.coursesPerSet + index % Self.coursesPerSet
        let day = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: start.addingTimeInterval(Double(offset) * 86_400))
        return Int32(day.year! * 10_000 + day.month! * 100 + day.day!)
    }

    public func setUp(_ client: RPCClient) async throws {
        var configuration = ClientConfiguration(tls: registry.tls)
        configuration.defaultTimeout = .seconds(600)
        let registryClient = try RPCClient(endpoints: [registry.endpoint], configuration: configuration)
        do {
            // Persons already there from an earlier run with the same salt count as registered.
            _ = try await registryClient.clientStreaming(RegistryService.importPersons) { writer in
                var start = 0
                while start < persons {
                    var batch = PersonImportBatch()
                    batch.rows = (start..<min(start + 5_000, persons)).map { PersonImportRow(line: UInt32($0 + 2), person: people.registration($0)) }
                    try await writer.send(batch)
                    start += 5_000
                }
            }
            await registryClient.close()
        } catch {
            await registryClient.close()
            throw error
        }
        for set in 0..<2 {
            for index in 0..<Self.coursesPerSet {
                var course = Course()
                course.code = courseCode(set: set, index)
                course.name = "jcskills-load \(people.salt) \(set)-\(index)"
                course.occupation = "6-18-02-04"
                course.certificateKind = .skillLevel
                course.level = .level4
                course.mode = TrainingMode.known[index % TrainingMode.known.count]
                course.programme = .enterpriseEmployeeUpgrade
                course.providerKind = .enterprise
                course.providerCreditCode = Self.provider
                course.county = JinchengDivisions.countyCodes[index % JinchengDivisions.countyCodes.count]
                course.startsOn = courseDay(set: set, index)
                course.endsOn = course.startsOn
                course.capacity = UInt32.max
                do {
                    _ = try await client.unary(TrainingService.registerCourse, course)
                } catch let error as RPCError where error.code == .failedPrecondition {
                    // An earlier run's course with the same code: still there to enrol in.
                }
            }
        }
    }

    /// The provider of every load course (and the employer of its placed trainees).
    static let provider: String = {
        let first17 = "91140524000000777"
        return first17 + String(UnifiedSocialCreditCode.checkCharacter(forFirst17: first17)!)
    }()

    public var operations: [LoadOperation] {
        let workload = self
        let recent = self.recent
        let counties: [Int32] = [0] + JinchengDivisions.countyCodes
        return [
            LoadOperation("enrol", weight: 60) { client, sequence in
                let course = sequence / workload.persons
                let request = EnrolmentRequest(courseCode: workload.courseCode(set: 0, course), idNumber: workload.people.idNumber(sequence % workload.persons))
                let enrolment = try await client.unary(TrainingService.enrol, request)
                recent.add(enrolment.number, day: workload.courseDay(course))
            },
            LoadOperation("result", weight: 30) { client, sequence in
                guard let (number, day) = recent.pick(sequence) else {
                    _ = try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: workload.year))
                    return
                }
                var result = TrainingResult()
                result.enrolmentNumber = number
                result.completedOn = day
                result.passed = sequence % 20 != 0
                if sequence % 3 == 0 {
                    result.employerCreditCode = Self.provider
                    result.employedOn = day
                }
                _ = try await client.unary(TrainingService.recordResult, result)
            },
            LoadOperation("indicators", weight: 10) { client, sequence in
                _ = try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: workload.year, county: counties[sequence % counties.count]))
            },
            LoadOperation("counts", weight: 0) { client, sequence in
                _ = try await client.unary(TrainingService.counts, CountsRequest(county: counties[sequence % counties.count], asOf: 0))
            },
            LoadOperation("list", weight: 0) { client, sequence in
                let first = sequence * workload.listSize
                var batch = EnrolmentBatch()
                batch.rows = (first..<first + workload.listSize).map { n in
                    EnrolmentRow(line: UInt32(n - first + 2), courseCode: workload.courseCode(set: 1, n / workload.persons),
                                 idNumber: workload.people.idNumber(n % workload.persons))
                }
                let summary = try await client.clientStreaming(TrainingService.importEnrolments) { try await $0.send(batch) }
                guard summary.rejected == 0 else {
                    throw RPCError(.failedPrecondition, "class list: \(summary.rejected) rows refused, first: \(summary.errors.first.map { "\($0.column) \($0.reason)" } ?? "")")
                }
            },
        ]
    }

    /// Enrolments made by the run, the last few thousand, for results to report on.
    final class RecentEnrolments: Sendable {
        private let ring = Mutex<(entries: [(String, Int32)], next: Int)>(([], 0))
        static let capacity = 4_096

        func add(_ number: String, day: Int32) {
            ring.withLock { ring in
                if ring.entries.count < Self.capacity {
                    ring.entries.append((number, day))
                } else {
                    ring.entries[ring.next % Self.capacity] = (number, day)
                }
                ring.next += 1
            }
        }

        func pick(_ sequence: Int) -> (String, Int32)? {
            ring.withLock { $0.entries.isEmpty ? nil : $0.entries[sequence % $0.entries.count] }
        }
    }
}
