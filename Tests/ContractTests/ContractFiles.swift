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

    /// The first lines where `committed` and `generated` part, for the failure message.
    static func differences(_ committed: String, _ generated: String, limit: Int = 8) -> String {
        let old = committed.components(separatedBy: "\n")
        let new = generated.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(old.count, new.count) where out.count < limit * 2 {
            let before = index < old.count ? old[index] : "(end)"
            let after = index < new.count ? new[index] : "(end)"
            if before != after {
                out.append("line \(index + 1) committed: \(before)")
                out.append("line \(index + 1) from code:  \(after)")
            }
        }
        return out.joined(separator: "\n")
    }
}
