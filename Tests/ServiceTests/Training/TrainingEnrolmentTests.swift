import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import TrainingService

/// Enrolment by ID number, checked with a real registry over the protocol: each refusal names
/// its rule, nothing is half-written, a retried enrolment takes one place.
@Suite("Training: courses and enrolment checked with the registry", .timeLimit(.minutes(2)))
struct TrainingEnrolmentTests {
    static func register(_ harness: TrainingHarness, _ id: String, keyGroups: [KeyEmploymentGroup]) async throws {
        try await harness.registry.client("admin") { client in
            var person = PersonRegistration.sample(id: id)
            person.keyGroups = keyGroups
            _ = try await client.unary(RegistryService.registerPerson, person)
        }
    }

    static func refusal(_ body: () async throws -> Void) async -> RPCError? {
        do {
            try await body()
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            return RPCError(.unknown, "\(error)")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func eachRuleRefusesByName(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend, subsidisedPerYear: 2) { harness in
            let member = TestIDs.make(birth: "19900101", sequence: 401)
            let nonMember = TestIDs.make(birth: "19910202", sequence: 402)
            let stranger = TestIDs.make(birth: "19920303", sequence: 403)
            try await Self.register(harness, member, keyGroups: [.ruralMigrantWorkers])
            try await Self.register(harness, nonMember, keyGroups: [])
            try await harness.client { client in
                for course in [
                    Course.sample(code: "KG-1", programme: .keyGroupSubsidised),
                    .sample(code: "MARCH-2", startsOn: 20210315, endsOn: 20210415),
                    .sample(code: "MAY", startsOn: 20210501, endsOn: 20210510),
                    .sample(code: "JUNE", startsOn: 20210601, endsOn: 20210610),
                    .sample(code: "TINY", startsOn: 20210701, endsOn: 20210710, capacity: 1, subsidy: 0),
                ] {
                    _ = try await client.unary(TrainingService.registerCourse, course)
                }
                func enrol(_ id: String, _ course: String) async throws -> EnrolmentView {
                    try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: course, idNumber: id))
                }
                let first = try await enrol(member, "KG-1")
                #expect(first.courseCode == "KG-1")
                #expect(first.keyGroups == [.ruralMigrantWorkers])
                #expect(first.number.hasPrefix("TR2021"))

                // Not in the registry; not a key-group member; overlapping dates.
                let unregistered = await Self.refusal { _ = try await enrol(stranger, "MAY") }
                #expect(unregistered?.code == .failedPrecondition)
                #expect(unregistered?.message.hasPrefix("registered:") == true)
                let notMember = await Self.refusal { _ = try await enrol(nonMember, "KG-1") }
                #expect(notMember?.message.hasPrefix("key_group_member:") == true)
                let overlap = await Self.refusal { _ = try await enrol(member, "MARCH-2") }
                #expect(overlap?.message.hasPrefix("no_overlap:") == true)
                let twice = await Self.refusal { _ = try await enrol(member, "KG-1") }
                #expect(twice?.code == .alreadyExists)

                // Two subsidised courses a year here: the third is refused, an unsubsidised one is not.
                _ = try await enrol(member, "MAY")
                let cap = await Self.refusal { _ = try await enrol(member, "JUNE") }
                #expect(cap?.message.hasPrefix("subsidised_per_year:") == true)
                _ = try await enrol(member, "TINY")
                let full = await Self.refusal { _ = try await enrol(nonMember, "TINY") }
                #expect(full?.message.hasPrefix("capacity:") == true)

                // What stands: two places of KG-1, MAY, TINY taken once each; nothing for the refusals.
                let list = try await client.unary(TrainingService.listCourses, CourseListRequest(year: 2021)).courses
                #expect(Dictionary(uniqueKeysWithValues: list.map { ($0.course.code, $0.enrolled) })
                    == ["KG-1": 1, "MARCH-2": 0, "MAY": 1, "JUNE": 0, "TINY": 1])
            }
            let rows = try await harness.store.read { db in try await db.nativeRows("SELECT COUNT(*) AS n FROM enrolments", []).first!.int64("n") }
            #expect(rows == 3)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aRetriedEnrolmentTakesOnePlace(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            let id = TestIDs.make(birth: "19900101", sequence: 411)
            try await Self.register(harness, id, keyGroups: [])
            try await harness.client { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "C-1"))
                let options = CallOptions(idempotencyKey: "enrol-411-C-1")
                let first = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "C-1", idNumber: id), options: options)
                let again = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "C-1", idNumber: id), options: options)
                #expect(again == first)
                #expect(try await client.unary(TrainingService.getCourse, CourseLookup(code: "C-1")).enrolled == 1)
            }
        }
    }

    /// The registry down: UNAVAILABLE within the deadline, and nothing written.
    @Test(arguments: TestDatabases.backends)
    func withoutTheRegistryNothingIsWritten(backend: TestBackend) async throws {
        try await TrainingHarness.withTraining(backend, registry: Endpoint(host: "127.0.0.1", port: 1)) { endpoint, store in
            try await withTestClient(endpoint, as: "admin") { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "C-2"))
                let started = ContinuousClock.now
                let error = await Self.refusal {
                    _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "C-2", idNumber: TestIDs.make(birth: "19900101", sequence: 421)),
                                               options: CallOptions(timeout: .seconds(3)))
                }
                #expect(error?.code == .unavailable)
                #expect(ContinuousClock.now - started < .seconds(3))
                #expect(try await client.unary(TrainingService.getCourse, CourseLookup(code: "C-2")).enrolled == 0)
            }
            let rows = try await store.read { db in try await db.nativeRows("SELECT COUNT(*) AS n FROM enrolments", []).first!.int64("n") }
            #expect(rows == 0)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func coursesAreCheckedAndCountyOfficesKeepToTheirOwn(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            try await harness.client { client in
                var noMode = Course.sample(code: "BAD")
                noMode.mode = .unspecified
                let modeError = await Self.refusal { _ = try await client.unary(TrainingService.registerCourse, noMode) }
                #expect(modeError?.code == .invalidArgument)
                #expect(modeError?.message.hasPrefix("mode:") == true)
                var backwards = Course.sample(code: "BAD", startsOn: 20210301, endsOn: 20210201)
                backwards.mode = .internetPlus
                #expect(await Self.refusal { _ = try await client.unary(TrainingService.registerCourse, backwards) }?.message.hasPrefix("ends_on:") == true)
            }
            try await harness.client("county-140524") { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "OWN", county: 140524))
                let other = await Self.refusal { _ = try await client.unary(TrainingService.registerCourse, .sample(code: "THEIRS", county: 140581)) }
                #expect(other?.code == .permissionDenied)
            }
        }
    }
}
