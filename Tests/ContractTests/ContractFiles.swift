import Foundation

/// The committed contract files, and how the test compares and rewrites them.
enum ContractFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let json = root.appendingPathComponent("Protocol/contracts.json")
    static let spec = root.appendingPathComponent("Protocol/SPEC.md")
    static let releases = root.appendingPathComponent("Protocol/contracts")

    static let regenerate = "JCSKILLS_UPDATE_CONTRACTS=1 swift test --filter ContractTests"
    static var updating: Bool { ProcessInfo.processInfo.environment["JCSKILLS_UPDATE_CONTRACTS"] == "1" }

    static func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    /// SPEC.md's generated section, markers included; nil when the markers are missing.
    static func specSection(_ spec: String) -> Range<String.Index>? {
        guard let begin = spec.range(of: ContractMarkdown.begin), let end = spec.range(of: ContractMarkdown.end, range: begin.upperBound..<spec.endIndex) else { return nil }
        return begin.lowerBound..<end.upperBound
    }

    /// Where `committed` and `generated` part: the first differing lines of each, after the
    /// lines they share at the start and at the end.
    static func differences(_ committed: String, _ generated: String, limit: Int = 6) -> String {
        let old = committed.components(separatedBy: "\n")
        let new = generated.components(separatedBy: "\n")
        var start = 0
        while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
        var oldEnd = old.count, newEnd = new.count
        while oldEnd > start, newEnd > start, old[oldEnd - 1] == new[newEnd - 1] {
            oldEnd -= 1
            newEnd -= 1
        }
        let removed = old[start..<oldEnd].prefix(limit).map { "- \($0)" }
        let added = new[start..<newEnd].prefix(limit).map { "+ \($0)" }
        return (["from line \(start + 1) (- committed, + from the code):"] + removed + added).joined(separator: "\n")
    }
}
