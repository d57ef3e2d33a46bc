import Foundation
import JCSkillsProtocol
import Testing

/// A client built against any earlier release still works with today's code (SPEC.md §14.1,
/// "The release check"): judged from each Protocol/contracts/release-N.json alone.
@Suite("Released contracts still hold (SPEC.md §14.1)")
struct ReleaseCompatibilityTests {
    static func releases() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: ContractFiles.releases, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("release-") && $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("there is a first release to check against")
    func firstReleaseIsKept() throws {
        #expect(try Self.releases().map(\.lastPathComponent).contains("release-1.json"))
    }

    @Test("every released method is still served with the same shape and messages", arguments: try releases())
    func methodsRemain(_ release: URL) async throws {
        let old = try JSONDecoder().decode(ReleasedContract.self, from: Data(contentsOf: release))
        let today = try await ContractSource.current()
        let methods = Dictionary(uniqueKeysWithValues: today.services.flatMap(\.methods).map { ($0.path, $0) })
        for method in old.services.flatMap(\.methods) {
            guard let now = methods[method.path] else {
                Issue.record("\(release.lastPathComponent): \(method.path) is no longer served")
                continue
            }
            #expect(now.kind == method.kind, "\(method.path): was \(method.kind), is \(now.kind)")
            #expect(now.request == method.request && now.response == method.response,
                    "\(method.path): was \(method.request) → \(method.response), is \(now.request) → \(now.response)")
        }
    }

    @Test("every released field keeps its number and encoding, or its number is reserved", arguments: try releases())
    func fieldsRemain(_ release: URL) async throws {
        let old = try JSONDecoder().decode(ReleasedContract.self, from: Data(contentsOf: release))
        let today = try await ContractSource.current()
        for (name, message) in old.messages {
            guard let now = today.messages[name] else {
                Issue.record("\(release.lastPathComponent): message \(name) is gone")
                continue
            }
            for field in message.fields where !now.reserved.contains(field.number) {
                guard let current = now.fields.first(where: { $0.number == field.number }) else {
                    Issue.record("\(name).\(field.name) (\(field.number)) was removed without reserving its number")
                    continue
                }
                #expect(WireEncoding(contractType: current.type) == WireEncoding(contractType: field.type),
                        "\(name) field \(field.number): was \(field.type), is \(current.type)")
                #expect(field.label != "repeated" || current.label == "repeated",
                        "\(name) field \(field.number): was repeated, is \(current.label)")
            }
        }
        for (name, enumeration) in old.enums {
            let now = today.enums[name] ?? []
            for value in enumeration.values {
                #expect(now.contains { $0.number == value.number && $0.name == value.name },
                        "enum \(name): value \(value.number) \(value.name) is gone or renamed")
            }
        }
    }

    @Test("a sample of every released message decodes with today's types and keeps its fields", arguments: try releases())
    func samplesDecode(_ release: URL) async throws {
        let old = try JSONDecoder().decode(ReleasedContract.self, from: Data(contentsOf: release))
        let today = try await ContractSource.current()
        let encoder = SampleEncoder(contract: old)
        for name in old.messages.keys.sorted() {
            guard let type = today.messageTypes[name], let now = today.messages[name] else { continue }  // reported by fieldsRemain
            let sample = encoder.message(name)
            do {
                let again = try Self.reencode(type, sample)
                let expected = Set(old.messages[name]!.fields.map(\.number)).subtracting(now.reserved)
                #expect(topLevelFieldNumbers(again) == expected, "\(name): today's type dropped or added fields of the old sample")
            } catch {
                Issue.record("\(name): the old release's sample does not decode: \(error)")
            }
        }
    }

    private static func reencode<M: WireMessage>(_ type: M.Type, _ bytes: [UInt8]) throws -> [UInt8] {
        try M(wireBytes: bytes).wireBytes()
    }
}
