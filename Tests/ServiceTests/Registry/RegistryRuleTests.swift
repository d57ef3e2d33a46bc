import Foundation
import JCSkillsStore
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import RegistryService

@Suite("Registry: registration rules, cards, access, history")
struct RegistryRuleTests {
    @Test(arguments: TestDatabases.backends)
    func idNumberRulesGiveClearErrors(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                func refusal(_ id: String, registeredOn: Int32 = 20200915) async -> RPCError? {
                    await #expect(throws: RPCError.self) {
                        try await client.unary(RegistryService.registerPerson, .sample(id: id, registeredOn: registeredOn))
                    }
                }
                let valid = TestIDs.make(birth: "19900101", sequence: 123)
                let wrongCheck = await refusal(TestIDs.corrupt(valid))
                #expect(wrongCheck?.code == .invalidArgument)
                #expect(wrongCheck?.message.contains("id_number") == true)
                #expect(wrongCheck?.message.lowercased().contains("check") == true)

                let impossible = await refusal(TestIDs.make(birth: "19900230", sequence: 1))
                #expect(impossible?.code == .invalidArgument)
                #expect(impossible?.message.contains("id_number") == true)

                // 15 on the registration date: refused; 16 the day after the birthday: fine.
                let young = await refusal(TestIDs.make(birth: "20040916", sequence: 2))
                #expect(young?.message.contains("15") == true)
                _ = try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "20040915", sequence: 3)))

                let old = await refusal(TestIDs.make(birth: "19590101", sequence: 4))
                #expect(old?.message.contains("61") == true)

                let legacy = await refusal("140524900101123")
                #expect(legacy?.message.contains("15-digit") == true)

                var badPhone = PersonRegistration.sample(id: TestIDs.make(birth: "19900101", sequence: 5))
                badPhone.phone = "12345"
                let phone = await #expect(throws: RPCError.self) { try await client.unary(RegistryService.registerPerson, badPhone) }
                #expect(phone?.message.hasPrefix("phone") == true)

                var wrongGender = PersonRegistration.sample(id: TestIDs.make(birth: "19900101", sequence: 7))  // odd: male
                wrongGender.gender = .female
                let gender = await #expect(throws: RPCError.self) { try await client.unary(RegistryService.registerPerson, wrongGender) }
                #expect(gender?.message.hasPrefix("gender") == true)

                var outside = PersonRegistration.sample(id: TestIDs.make(birth: "19900101", sequence: 9))
                outside.residenceCounty = 140101
                let county = await #expect(throws: RPCError.self) { try await client.unary(RegistryService.registerPerson, outside) }
                #expect(county?.message.hasPrefix("residence_county") == true)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func onePersonOneCard(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                let id = TestIDs.make(birth: "19850612", sequence: 451)
                let first = try await client.unary(RegistryService.registerPerson, .sample(id: id))
                #expect(first.cardNumber.hasPrefix("JC140524"))
                #expect(first.person.gender == .male)
                // Lowercase x, other name: still the same person.
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(RegistryService.registerPerson, .sample(id: id, name: "李四"))
                }
                #expect(error?.code == .alreadyExists)
                #expect(error?.message.contains(first.cardNumber) == true)
                #expect(error?.metadata.first { $0.key == "card-number" }?.value == first.cardNumber)

                // With an idempotency key a retried registration returns the first answer.
                let retried = PersonRegistration.sample(id: TestIDs.make(birth: "19850612", sequence: 452))
                let options = CallOptions(idempotencyKey: "register-452")
                let once = try await client.unary(RegistryService.registerPerson, retried, options: options)
                let twice = try await client.unary(RegistryService.registerPerson, retried, options: options)
                #expect(once.cardNumber == twice.cardNumber)
                let stats = try await client.unary(RegistryService.statistics, StatisticsRequest())
                #expect(stats.registered == 2)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func countyOfficesWriteOnlyTheirCounty(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("county-140524") { client in
                let own = try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19900101", sequence: 11)))
                #expect(own.person.masked == false)
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19900101", sequence: 13), county: 140525))
                }
                #expect(error?.code == .permissionDenied)
            }
            // A person of another county: the county office may read (masked) but not change.
            let other = try await registry.client("admin") { client in
                try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19900101", sequence: 15), county: 140525))
            }
            try await registry.client("county-140524") { client in
                let view = try await client.unary(RegistryService.getPerson, PersonLookup(cardNumber: other.cardNumber))
                #expect(view.masked)
                var update = PersonUpdate()
                update.person = PersonLookup(cardNumber: other.cardNumber)
                update.phone = "13900000000"
                let error = await #expect(throws: RPCError.self) { try await client.unary(RegistryService.updatePerson, update) }
                #expect(error?.code == .permissionDenied)
            }
            // Training may verify but never read a person's record.
            try await registry.client("training") { client in
                let verified = try await client.unary(RegistryService.verifyPerson, PersonLookup(idNumber: TestIDs.make(birth: "19900101", sequence: 15)))
                #expect(verified.found && verified.cardNumber == other.cardNumber && verified.age == 30)
                #expect(verified.residenceCounty == 140525)
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(RegistryService.getPerson, PersonLookup(cardNumber: other.cardNumber))
                }
                #expect(error?.code == .permissionDenied)
            }
            // The gateway reads aggregates only.
            try await registry.client("gateway") { client in
                _ = try await client.unary(RegistryService.statistics, StatisticsRequest())
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(RegistryService.getPerson, PersonLookup(cardNumber: other.cardNumber))
                }
                #expect(error?.code == .permissionDenied)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func viewsAreMaskedForRolesWithoutNeed(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            let id = TestIDs.make(birth: "19900101", sequence: 123)
            let card = try await registry.client("admin") { client in
                let response = try await client.unary(RegistryService.registerPerson, .sample(id: id, name: "欧阳晓明", phone: "13812345678"))
                #expect(response.person.idNumber == id && response.person.name == "欧阳晓明")
                return response.cardNumber
            }
            try await registry.client("auditor") { client in
                let view = try await client.unary(RegistryService.getPerson, PersonLookup(cardNumber: card))
                #expect(view.masked)
                #expect(view.idNumber == "140524********" + id.suffix(4))
                #expect(view.name != "欧阳晓明" && view.name.hasPrefix("欧"))
                #expect(view.phone == "138****5678")
                #expect(view.birthDate == 0)
                #expect(view.age == 30)
            }
            // Reads that showed the full record are in the audit log; the masked one is not.
            try await registry.client("admin") { client in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<20 {
                        group.addTask { _ = try await client.unary(RegistryService.getPerson, PersonLookup(cardNumber: card)) }
                    }
                    try await group.waitForAll()
                }
            }
            let reads = try await registry.store.auditLog(AuditQuery(method: RegistryService.getPerson.path, limit: 100)).entries
            #expect(reads.count == 20)
            #expect(reads.allSatisfy { $0.principal == "jcskills://admin" && $0.entityID == card && $0.detail == "personal data shown" })
        }
    }

    /// Look-ups arriving together (on PostgreSQL read many keys a statement) each get their own
    /// person — by ID number (a blind index, bytes) or by card number — or NOT_FOUND.
    @Test(arguments: TestDatabases.backends)
    func lookUpsAtOnceEachFindTheirOwnPerson(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            let ids = (0..<24).map { TestIDs.make(birth: "19850101", sequence: 300 + $0) }
            try await registry.client("admin") { client in
                var cards: [String: String] = [:]
                for (index, id) in ids.enumerated() {
                    cards[id] = try await client.unary(RegistryService.registerPerson, .sample(id: id, name: "张\(index)")).cardNumber
                }
                let cardOf = cards
                let absent = TestIDs.make(birth: "19850101", sequence: 999)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for round in 0..<4 {
                        for (index, id) in ids.enumerated() {
                            group.addTask {
                                let lookup = round % 2 == 0 ? PersonLookup(idNumber: id) : PersonLookup(cardNumber: cardOf[id]!)
                                let view = try await client.unary(RegistryService.getPerson, lookup)
                                #expect(view.idNumber == id && view.name == "张\(index)" && view.cardNumber == cardOf[id])
                            }
                        }
                        group.addTask {
                            let error = await #expect(throws: RPCError.self) {
                                try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: absent))
                            }
                            #expect(error?.code == .notFound)
                        }
                    }
                    try await group.waitForAll()
                }
            }
            let statistics = registry.store.keyedReadStatistics
            if backend.dialect == .postgres {
                #expect(statistics.reads == 4 * 25)
                #expect(statistics.statements <= statistics.reads)
            } else {
                #expect(statistics.reads == 0)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func updatesAndStateChangesKeepHistory(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                let card = try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19900101", sequence: 21), employment: .unemployed)).cardNumber
                var update = PersonUpdate()
                update.person = PersonLookup(cardNumber: card)
                update.phone = "13987654321"
                update.employment = .employed
                update.reason = "found work"
                let updated = try await client.unary(RegistryService.updatePerson, update)
                #expect(updated.phone == "13987654321" && updated.employment == .employed && updated.version == 2)

                var move = StatusChange()
                move.person = PersonLookup(cardNumber: card)
                move.status = .active
                move.newCounty = 140581
                move.reason = "moved to Gaoping"
                let moved = try await client.unary(RegistryService.changeStatus, move)
                #expect(moved.residenceCounty == 140581)

                var leave = StatusChange()
                leave.person = PersonLookup(cardNumber: card)
                leave.status = .leftLabourForce
                leave.leavingReason = .emigration
                let left = try await client.unary(RegistryService.changeStatus, leave)
                #expect(left.status == .leftLabourForce)

                let history = try await client.unary(RegistryService.personHistory, PersonLookup(cardNumber: card))
                #expect(history.entries.map(\.field) == ["phone", "employment", "residence_county", "status"])
                let phone = history.entries[0]
                #expect(phone.oldValue == "138****5678" && phone.newValue == "139****4321")
                #expect(phone.principal == "jcskills://admin" && phone.reason == "found work")
                // Still on record (not deleted), no longer counted.
                let view = try await client.unary(RegistryService.getPerson, PersonLookup(cardNumber: card))
                #expect(view.status == .leftLabourForce)
                let stats = try await client.unary(RegistryService.statistics, StatisticsRequest())
                #expect(stats.registered == 0)
            }
        }
    }

    /// The plan names ten key employment groups: the registry accepts the national ten by
    /// default; 就业困难人员 (11) is refused until a deployment configures it.
    @Test(arguments: TestDatabases.backends)
    func theDefaultKeyGroupsAreThePlansTen(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { harness in
            try await harness.client("admin") { client in
                var person = PersonRegistration.sample(id: TestIDs.make(birth: "19850505", sequence: 61))
                person.keyGroups = [.hardToEmploy]
                let refused = await #expect(throws: RPCError.self) { try await client.unary(RegistryService.registerPerson, person) }
                #expect(refused?.code == .invalidArgument && refused?.message.hasPrefix("key_groups") == true)
                person.keyGroups = KeyEmploymentGroup.nationalTen
                _ = try await client.unary(RegistryService.registerPerson, person)
            }
        }
        // A deployment that adds 11 to `key_groups`: the same rules, with its list.
        let configured = PersonRules(today: { CalendarDate(year: 2020, month: 11, day: 1)! }, keyGroups: Set(KeyEmploymentGroup.known))
        var person = PersonRegistration.sample(id: TestIDs.make(birth: "19850505", sequence: 63))
        person.keyGroups = [.hardToEmploy]
        #expect(throws: Never.self) { _ = try configured.validate(person) }
    }
}
