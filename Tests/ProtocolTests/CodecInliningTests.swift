import Foundation
import Testing

/// Every message of the Protocol module declares `visitFields` `@inlinable`: without it the
/// services, the RPC runtime and the benchmark encode and decode through witness tables and
/// runtime metadata look-ups — five to nine times slower, unseen for a day (BENCHMARKS.md note 10).
@Suite("Codec: every message's visitFields can be specialized by its users")
struct CodecInliningTests {
    @Test func everyVisitFieldsInTheProtocolModuleIsInlinable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Protocol/Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var declarations = 0
        var missing: [String] = []
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            // Definitions (with a body), not the protocol's requirement or doc comments.
            for (index, line) in lines.enumerated() where line.contains("func visitFields<") && line.contains("{")
                && !line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                declarations += 1
                let previous = index > 0 ? lines[index - 1] : ""
                if !line.contains("@inlinable") && !previous.contains("@inlinable") {
                    missing.append("\(file.lastPathComponent):\(index + 1)")
                }
            }
        }
        #expect(declarations > 100, "found only \(declarations) visitFields declarations: the scan is broken")
        #expect(missing.isEmpty, "visitFields without @inlinable: \(missing)")
    }
}
