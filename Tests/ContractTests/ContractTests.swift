import Foundation
import Testing

/// The contract in Protocol/contracts.json and SPEC.md §14 is what the code defines, and the
/// code keeps the rules of SPEC.md §14.1.
@Suite("Service contracts (SPEC.md §14)")
struct ContractTests {
    @Test("every message visits each stored property once, by its name, with its own number")
    func definitionsKeepTheRules() async throws {
        let contract = try await ContractSource.current()
        #expect(contract.problems.isEmpty, "\(contract.problems.joined(separator: "\n"))")
        #expect(contract.services.count >= 7, "the five departments, Health and Echo")
    }

    @Test("Protocol/contracts.json is the contract the code defines")
    func committedJSONMatchesTheCode() async throws {
        let generated = ContractJSON.render(try await ContractSource.current())
        let committed = ContractFiles.read(ContractFiles.json)
        if ContractFiles.updating, committed != generated {
            try ContractFiles.write(generated, to: ContractFiles.json)
            return
        }
        let same = committed == generated
        #expect(same, """
            Protocol/contracts.json differs from the code. First differences:
            \(ContractFiles.differences(committed, generated))
            If the change is meant (and keeps SPEC.md §14.1), regenerate: \(ContractFiles.regenerate)
            """)
    }

    @Test("SPEC.md §14's generated tables are the contract the code defines")
    func committedSpecSectionMatchesTheCode() async throws {
        let generated = ContractMarkdown.render(try await ContractSource.current())
        let spec = ContractFiles.read(ContractFiles.spec)
        let section = try #require(ContractFiles.specSection(spec), "SPEC.md lacks the \(ContractMarkdown.begin) … \(ContractMarkdown.end) markers")
        let committed = String(spec[section])
        if ContractFiles.updating, committed != generated {
            try ContractFiles.write(spec.replacingCharacters(in: section, with: generated), to: ContractFiles.spec)
            return
        }
        let same = committed == generated
        #expect(same, """
            SPEC.md §14 differs from the code. First differences:
            \(ContractFiles.differences(committed, generated))
            If the change is meant (and keeps SPEC.md §14.1), regenerate: \(ContractFiles.regenerate)
            """)
    }
}

/// The contract is collected once per test process: it opens a store and builds five services.
enum ContractSource {
    private static let shared = Task { try await ContractCollector.collect(ContractRouters.descriptors()) }

    static func current() async throws -> Contract { try await shared.value }
}
