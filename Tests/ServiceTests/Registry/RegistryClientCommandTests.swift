import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// A county clerk's single-record work through the command-line client (`jcskills registry
/// register / update / move / leave / history`, the real executable) against a registry served
/// over TLS: valid writes land in the history, a bad field is refused in one line naming it, a
/// county office cannot touch another county's person, and a command retried with the same
/// --idempotency-key writes once.
@Suite("Registry: one person at a time, through the command-line client", .timeLimit(.minutes(5)))
struct RegistryClientCommandTests {
    static let id = TestIDs.make(birth: "19900101", sequence: 11)

    /// Runs `jcskills registry ARGUMENTS` as `identity` (``runClientCommand(_:_:endpoint:as:seconds:)``).
    static func jcskills(_ arguments: [String], _ registry: RegistryHarness, as identity: String = "admin",
                         seconds: Double = 60) async throws -> (status: Int32?, output: String) {
        try await runClientCommand("registry", arguments, endpoint: registry.endpoint, as: identity, seconds: seconds)
    }

    static func object(_ output: String) throws -> [String: Any] { try jsonObject(output) }

    static func register(id: String = Self.id, county: String = "140524", extra: [String] = []) -> [String] {
        ["register", "--id-number", id, "--name", "王晓明", "--residence-county", county, "--category", "rural",
         "--key-groups", "rural_migrant_workers", "--education", "senior_secondary", "--employment", "employed",
         "--occupation", "6-30-05-01", "--training-wish", "6-18-02-04", "--training-mode", "project_based",
         "--phone", "13812345678", "--registered-on", "2020-09-15"] + extra
    }

    static func history(_ registry: RegistryHarness) async throws -> [HistoryEntry] {
        try await registry.client("admin") { client in
            try await client.unary(RegistryService.personHistory, PersonLookup(idNumber: Self.id)).entries
        }
    }

    /// A refusal: exit non-zero, one line.
    static func expectRefused(_ result: (status: Int32?, output: String), _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status != nil && result.status != 0, "\(result.output)", sourceLocation: sourceLocation)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1, "\(result.output)", sourceLocation: sourceLocation)
        #expect(result.output.contains(text), "\(result.output)", sourceLocation: sourceLocation)
    }

    @Test(arguments: TestDatabases.backends)
    func eachCommandWritesWhatItSaysAndTheHistoryShowsIt(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            let registered = try await Self.jcskills(Self.register(extra: ["--json"]), registry)
            #expect(registered.status == 0, "\(registered.output)")
            let person = try Self.object(registered.output)
            let card = try #require(person["card_number"] as? String)
            #expect(person["id_number"] as? String == Self.id)
            #expect(person["category"] as? String == "rural")
            #expect(person["key_groups"] as? [String] == ["rural_migrant_workers"])
            #expect(person["registered_on"] as? String == "2020-09-15")
            #expect(person["status"] as? String == "active")

            let updated = try await Self.jcskills(["update", "--card", card, "--employment", "unemployed", "--phone", "13900001111",
                                                   "--key-groups", "poor_labour;disabled", "--reason", "laid off"], registry)
            #expect(updated.status == 0, "\(updated.output)")
            #expect(updated.output.hasPrefix("updated \(card)"), "\(updated.output)")

            let moved = try await Self.jcskills(["move", "--id-number", Self.id, "--new-county", "140525", "--reason", "to Zezhou", "--json"], registry)
            #expect(moved.status == 0, "\(moved.output)")
            #expect(try Self.object(moved.output)["residence_county"] as? Int == 140525)

            // Now in 140525: its county office may record the leaving.
            let left = try await Self.jcskills(["leave", "--id-number", Self.id, "--leaving-reason", "age"], registry, as: "county-140525")
            #expect(left.status == 0, "\(left.output)")
            #expect(left.output.contains("left_labour_force (age)"), "\(left.output)")

            let entries = try await Self.history(registry)
            #expect(entries.map(\.field).sorted() == ["employment", "key_groups", "phone", "residence_county", "status"])
            #expect(entries.first { $0.field == "phone" }?.newValue == "139****1111")

            let table = try await Self.jcskills(["history", "--id-number", Self.id], registry)
            #expect(table.status == 0, "\(table.output)")
            #expect(table.output.hasPrefix("card \(card): 5 changes"), "\(table.output)")
            #expect(table.output.contains("140524 → 140525  (to Zezhou)"), "\(table.output)")
            #expect(table.output.contains("active → left_labour_force"), "\(table.output)")
            #expect(table.output.contains("jcskills://county/140525"), "\(table.output)")
            let json = try Self.object(try await Self.jcskills(["history", "--card", card, "--json"], registry).output)
            #expect((json["entries"] as? [[String: Any]])?.count == 5)

            // Moved out of the city, then back: state changes, the card stays.
            let away = try await Self.jcskills(["leave", "--card", card, "--moved-away"], registry)
            #expect(away.output.contains("moved_away"), "\(away.output)")
            let back = try await Self.jcskills(["move", "--card", card, "--to", "140524"], registry)
            #expect(back.output.contains("county 140524  active"), "\(back.output)")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aBadFieldIsRefusedInOneLineNamingIt(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            // The registry's own rules: the field as it names it.
            let badID = try await Self.jcskills(Self.register(id: TestIDs.corrupt(Self.id)), registry)
            Self.expectRefused(badID, "INVALID_ARGUMENT: id_number:")
            // What the client cannot read is refused before anything is sent, named the same way.
            Self.expectRefused(try await Self.jcskills(Self.register(extra: ["--category", "nomad"]), registry), "category: 'nomad' is not one of")

            #expect(try await Self.jcskills(Self.register(), registry).status == 0)
            Self.expectRefused(try await Self.jcskills(["update", "--id-number", Self.id, "--phone", "12345"], registry), "INVALID_ARGUMENT: phone:")
            Self.expectRefused(try await Self.jcskills(["update", "--id-number", Self.id, "--key-groups", "astronauts"], registry),
                               "key_groups: 'astronauts' names an unknown key group")
            Self.expectRefused(try await Self.jcskills(["move", "--id-number", Self.id, "--new-county", "110101"], registry), "INVALID_ARGUMENT: new_county:")
            Self.expectRefused(try await Self.jcskills(["leave", "--id-number", Self.id, "--leaving-reason", "boredom"], registry),
                               "leaving_reason: 'boredom' is not one of age, death, emigration")
            Self.expectRefused(try await Self.jcskills(["history", "--id-number", TestIDs.make(birth: "19900101", sequence: 12)], registry), "NOT_FOUND")
            #expect(try await Self.history(registry).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aCountyOfficeCannotWriteAnotherCountysPerson(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            let other = "county-140525"
            Self.expectRefused(try await Self.jcskills(Self.register(), registry, as: other), "PERMISSION_DENIED")
            #expect(try await Self.jcskills(Self.register(), registry).status == 0)
            Self.expectRefused(try await Self.jcskills(["update", "--id-number", Self.id, "--employment", "unemployed"], registry, as: other), "PERMISSION_DENIED")
            Self.expectRefused(try await Self.jcskills(["move", "--id-number", Self.id, "--new-county", "140525"], registry, as: other), "PERMISSION_DENIED")
            Self.expectRefused(try await Self.jcskills(["leave", "--id-number", Self.id, "--leaving-reason", "death"], registry, as: other), "PERMISSION_DENIED")
            #expect(try await Self.history(registry).isEmpty)
            // Its own county office may.
            #expect(try await Self.jcskills(["update", "--id-number", Self.id, "--employment", "unemployed"], registry, as: "county-140524").status == 0)
            #expect(try await Self.history(registry).count == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aCommandRetriedWithTheSameKeyWritesOnce(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            let first = try await Self.jcskills(Self.register(extra: ["--idempotency-key", "reg-1", "--json"]), registry)
            let again = try await Self.jcskills(Self.register(extra: ["--idempotency-key", "reg-1", "--json"]), registry)
            #expect(first.status == 0 && again.status == 0, "\(first.output)\n\(again.output)")
            #expect(try Self.object(again.output)["card_number"] as? String == Self.object(first.output)["card_number"] as? String)
            // Without the key the second registration is refused: the first answer above was a replay.
            Self.expectRefused(try await Self.jcskills(Self.register(), registry), "ALREADY_EXISTS")

            for _ in 0..<2 {
                let update = try await Self.jcskills(["update", "--id-number", Self.id, "--employment", "seeking", "--idempotency-key", "upd-1"], registry)
                #expect(update.status == 0, "\(update.output)")
                let move = try await Self.jcskills(["move", "--id-number", Self.id, "--new-county", "140525", "--idempotency-key", "mov-1"], registry)
                #expect(move.status == 0, "\(move.output)")
                // Leaving twice without a key would add a second status entry.
                let leave = try await Self.jcskills(["leave", "--id-number", Self.id, "--leaving-reason", "emigration", "--idempotency-key", "lv-1"], registry)
                #expect(leave.status == 0, "\(leave.output)")
            }
            let entries = try await Self.history(registry)
            #expect(entries.map(\.field).sorted() == ["employment", "residence_county", "status"], "\(entries)")
            #expect(Set(entries.map(\.requestID)).count == 3)

            // The key is the update's: another update under it is refused, and nothing is written.
            Self.expectRefused(try await Self.jcskills(["update", "--id-number", Self.id, "--employment", "employed", "--idempotency-key", "upd-1"], registry),
                               "FAILED_PRECONDITION")
            Self.expectRefused(try await Self.jcskills(["move", "--id-number", Self.id, "--new-county", "140524", "--idempotency-key", "mov-1"], registry),
                               "FAILED_PRECONDITION")
            #expect(try await Self.history(registry).count == 3)
        }
    }
}
