import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import TrainingService

/// A provider's class list (`ImportEnrolments`): every rule of `Enrol` per row, with line,
/// column and rule; the registry asked once per message (`VerifyPersons`); a list uploaded
/// again enrols nobody twice; the registry down writes nothing.
@Suite("Training: class lists", .timeLimit(.minutes(2)))
struct TrainingEnrolmentImportTests {
    @Test(arguments: TestDatabases.backends)
    func eachRowIsEnrolledOrRefusedByItsRule(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            let members = (491...493).map { TestIDs.make(birth: "19900101", sequence: $0) }
            let outsider = TestIDs.make(birth: "19900101", sequence: 494)
            let unregistered = TestIDs.make(birth: "19900101", sequence: 495)
            for id in members { try await TrainingEnrolmentTests.register(harness, id, keyGroups: [.ruralMigrantWorkers]) }
            try await TrainingEnrolmentTests.register(harness, outsider, keyGroups: [])
            try await harness.client { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "KG", programme: .keyGroupSubsidised, capacity: 2))
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "SAME-DAYS", programme: .levelUpgrade))
                let rows = [
                    EnrolmentRow(line: 2, courseCode: "KG", idNumber: members[0]),
                    EnrolmentRow(line: 3, courseCode: "KG", idNumber: outsider),
                    EnrolmentRow(line: 4, courseCode: "KG", idNumber: unregistered),
                    EnrolmentRow(line: 5, courseCode: "KG", idNumber: "12345"),
                    EnrolmentRow(line: 6, courseCode: "NO-SUCH", idNumber: members[1]),
                    EnrolmentRow(line: 7, courseCode: "KG", idNumber: members[1]),
                    EnrolmentRow(line: 8, courseCode: "KG", idNumber: members[2]),
                    EnrolmentRow(line: 9, courseCode: "SAME-DAYS", idNumber: members[0]),
                    EnrolmentRow(line: 10, courseCode: "KG", idNumber: members[0]),
                    EnrolmentRow(line: 11, courseCode: "KG", idNumber: members[1]),   // line 7 again, in the same message
                ]
                let summary = try await client.clientStreaming(TrainingService.importEnrolments) { writer in
                    try await writer.send(EnrolmentBatch(rows: Array(rows.prefix(5))))
                    try await writer.send(EnrolmentBatch(rows: Array(rows.dropFirst(5))))
                }
                #expect(summary.received == 10)
                #expect(summary.accepted == 2)
                #expect(summary.alreadyRegistered == 2)   // line 10: already in KG (line 2); line 11: line 7
                #expect(summary.errors.map { "\($0.line) \($0.column)" } == [
                    "3 id_number", "4 id_number", "5 id_number", "6 course_code", "8 course_code", "9 id_number",
                ])
                let rules = summary.errors.filter { $0.line != 5 }.map { String($0.reason.prefix { $0 != ":" }) }
                #expect(rules == ["key_group_member", "registered", "no course with code NO-SUCH", "capacity", "no_overlap"])
                #expect(summary.rejected == 6)
                // The same list again: nobody enrolled twice, the refusals as before.
                let again = try await client.clientStreaming(TrainingService.importEnrolments) { writer in
                    try await writer.send(EnrolmentBatch(rows: rows))
                }
                #expect(again.accepted == 0)
                #expect(again.alreadyRegistered == 4)
                #expect(again.rejected == 6)
                #expect(try await client.unary(TrainingService.getCourse, CourseLookup(code: "KG")).enrolled == 2)
            }
            // A county office enrols only in its own county's courses.
            try await harness.client("county-140525") { client in
                let summary = try await client.clientStreaming(TrainingService.importEnrolments) { writer in
                    try await writer.send(EnrolmentBatch(rows: [EnrolmentRow(line: 2, courseCode: "SAME-DAYS", idNumber: members[1])]))
                }
                #expect(summary.accepted == 0)
                #expect(summary.errors.first?.reason.contains("only in courses of county 140525") == true)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func withoutTheRegistryNoRowIsWritten(backend: TestBackend) async throws {
        try await TrainingHarness.withTraining(backend, registry: Endpoint(host: "127.0.0.1", port: 1)) { endpoint, store in
            try await withTestClient(endpoint, as: "admin") { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "C-3"))
                let error = await TrainingEnrolmentTests.refusal {
                    _ = try await client.clientStreaming(TrainingService.importEnrolments, options: CallOptions(timeout: .seconds(3))) { writer in
                        try await writer.send(EnrolmentBatch(rows: [EnrolmentRow(line: 2, courseCode: "C-3", idNumber: TestIDs.make(birth: "19900101", sequence: 496))]))
                    }
                }
                #expect(error?.code == .unavailable)
            }
            let rows = try await store.read { db in try await db.nativeRows("SELECT COUNT(*) AS n FROM enrolments", []).first!.int64("n") }
            #expect(rows == 0)
        }
    }

    /// The registry's batch look-up answers in the order asked — by ID number (either case of
    /// its check letter) and by card number, known, unknown and repeated, as one look-up each
    /// would — and refuses more than its limit or a look-up naming nobody.
    @Test(arguments: TestDatabases.backends)
    func theRegistryVerifiesManyInOrder(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            let known = TestIDs.make(birth: "19900101", sequence: 497)
            let other = TestIDs.make(birth: "19850505", sequence: 12)
            try await TrainingEnrolmentTests.register(harness, known, keyGroups: [.ruralMigrantWorkers])
            try await TrainingEnrolmentTests.register(harness, other, keyGroups: [])
            try await harness.registry.client("training") { registry in
                let unknown = TestIDs.make(birth: "19900101", sequence: 498)
                let otherCard = try await registry.unary(RegistryService.verifyPerson, PersonLookup(idNumber: other)).cardNumber
                #expect(!otherCard.isEmpty)
                let lookups = [
                    PersonLookup(idNumber: unknown), PersonLookup(idNumber: known), PersonLookup(cardNumber: otherCard),
                    PersonLookup(idNumber: unknown), PersonLookup(cardNumber: "JC-NOBODY"), PersonLookup(idNumber: known.lowercased()),
                    PersonLookup(idNumber: other),
                ]
                let answer = try await registry.unary(RegistryService.verifyPersons, PersonLookupBatch(lookups: lookups))
                #expect(answer.verifications.map(\.found) == [false, true, true, false, false, true, true])
                #expect(answer.verifications[1].keyGroups == [.ruralMigrantWorkers])
                for (lookup, batched) in zip(lookups, answer.verifications) {
                    let alone = try await registry.unary(RegistryService.verifyPerson, lookup)
                    #expect(batched == alone, "\(lookup) answered alone differs from the batch")
                }
                let tooMany = PersonLookupBatch(lookups: Array(repeating: PersonLookup(idNumber: known), count: PersonLookupBatch.limit + 1))
                let refused = await TrainingEnrolmentTests.refusal { _ = try await registry.unary(RegistryService.verifyPersons, tooMany) }
                #expect(refused?.code == .invalidArgument)
                let empty = await TrainingEnrolmentTests.refusal {
                    _ = try await registry.unary(RegistryService.verifyPersons, PersonLookupBatch(lookups: [PersonLookup(idNumber: known), PersonLookup()]))
                }
                #expect(empty?.code == .invalidArgument)
            }
        }
    }
}
