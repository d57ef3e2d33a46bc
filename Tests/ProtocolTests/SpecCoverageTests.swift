import Foundation
import Testing

/// Every section of Protocol/SPEC.md that states wire rules (§2 to §12) is named by at least one
/// test, as `§N.M` in the test's comment or message: a rule added to the spec without a test
/// fails here, and a reader of the spec finds the tests of a rule by searching for its number.
/// §1 (conventions), §13 (implementation notes) and §14 (the service contracts, checked field
/// by field by the contract tests) are outside it.
@Suite("Protocol/SPEC.md: every rule's section has a test")
struct SpecCoverageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The numbers of the spec's headings `## 2.`, `### 2.1`, `#### 3.2.1` … from §2 to §12.
    static func ruleSections() throws -> [String] {
        let spec = try String(contentsOf: root.appendingPathComponent("Protocol/SPEC.md"), encoding: .utf8)
        let heading = try Regex(#"^#{2,4} (\d+(?:\.\d+)*)\.? "#)
        var sections: [String] = []
        for line in spec.split(separator: "\n") {
            guard let match = line.firstMatch(of: heading), let number = match.output[1].substring else { continue }
            guard let chapter = Int(number.split(separator: ".")[0]), (2...12).contains(chapter) else { continue }
            sections.append(String(number))
        }
        return sections
    }

    /// Every Swift file under Tests/, as one text.
    static func testSources() throws -> String {
        let tests = root.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
    }

    @Test func theSpecHasTheRuleSectionsThisCheckExpects() throws {
        let sections = try Self.ruleSections()
        // A broken heading pattern would find none and pass everything below.
        #expect(sections.count >= 40, "found \(sections)")
        #expect(sections.contains("3.2.9") && sections.contains("10.3") && sections.contains("8"))
    }

    @Test func everyRuleSectionIsNamedByATest() throws {
        let sources = try Self.testSources()
        let unnamed = try Self.ruleSections().filter { section in
            let escaped = section.replacingOccurrences(of: ".", with: "\\.")
            // "§3.2" must not be satisfied by "§3.2.1", nor "§8" by "§8.1" or "§80".
            let reference = try Regex("§ ?\(escaped)(?![0-9]|\\.[0-9])")
            return sources.firstMatch(of: reference) == nil
        }
        #expect(unnamed.isEmpty, "sections of Protocol/SPEC.md no test names: \(unnamed.map { "§" + $0 })")
    }
}
