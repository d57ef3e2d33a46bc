import JCSkillsProtocol
import JCSkillsRPC
import Synchronization

/// The registry's mix for `jcskills-load registry`: look-ups of registered persons,
/// registrations of fresh generated persons, aggregate statistics; optionally training's
/// verification.
/// Default proportions lookup 70, register 20, aggregate 10, verify 0 (`--mix` changes them).
public struct RegistryWorkload: Workload {
    public let name = "registry"
    /// Persons registered by ``setUp(_:)`` for look-ups and verifications to find.
    public let fixtureCount: Int
    public let people: SyntheticPerson
    private let fixtures = Fixtures()

    public init(fixtureCount: Int = 200, people: SyntheticPerson = SyntheticPerson()) {
        precondition(fixtureCount >= 1, "look-ups need someone to find")
        self.fixtureCount = fixtureCount
        self.people = people
    }

    public var label: String { "registry (look-ups, fresh registrations, statistics)" }

    public func setUp(_ client: RPCClient) async throws {
        var ids: [String] = []
        for index in 0..<fixtureCount {
            let person = people.registration(index)
            do {
                _ = try await client.unary(RegistryService.registerPerson, person)
            } catch let error as RPCError where error.code == .alreadyExists {
                // Registered by an earlier run with the same numbers: still there to find.
            }
            ids.append(person.idNumber)
        }
        fixtures.set(ids)
    }

    public var operations: [LoadOperation] {
        let fixtures = self.fixtures
        let people = self.people
        let offset = fixtureCount
        let counties: [Int32] = [0] + JinchengDivisions.countyCodes
        return [
            LoadOperation("lookup", weight: 70) { client, sequence in
                _ = try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: fixtures.id(sequence)))
            },
            LoadOperation("register", weight: 20) { client, sequence in
                _ = try await client.unary(RegistryService.registerPerson, people.registration(offset + sequence))
            },
            LoadOperation("aggregate", weight: 10) { client, sequence in
                _ = try await client.unary(RegistryService.statistics, StatisticsRequest(county: counties[sequence % counties.count]))
            },
            LoadOperation("verify", weight: 0) { client, sequence in
                _ = try await client.unary(RegistryService.verifyPerson, PersonLookup(idNumber: fixtures.id(sequence)))
            },
        ]
    }

    /// The fixtures' ID numbers, written once by `setUp`, read by every call.
    final class Fixtures: Sendable {
        private let ids = Mutex<[String]>([])
        func set(_ new: [String]) { ids.withLock { $0 = new } }
        func id(_ sequence: Int) -> String {
            ids.withLock { $0.isEmpty ? "" : $0[sequence % $0.count] }
        }
    }
}
