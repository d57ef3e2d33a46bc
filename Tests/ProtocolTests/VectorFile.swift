import Foundation
import JCSkillsProtocol

/// One block of a golden vector file (Protocol/vectors/*.txt, SPEC.md §12.1).
struct VectorBlock {
    var fields: [String: String]
    var name: String { fields["name"] ?? "?" }
    subscript(_ key: String) -> String? { fields[key] }
    var bytes: [UInt8] { [UInt8](hex: fields["hex"] ?? "") }
}

enum VectorFile {
    /// Protocol/vectors/, found from this source file's location.
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // ProtocolTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Protocol/vectors")
    }

    static func load(_ name: String) throws -> [VectorBlock] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return parse(text)
    }

    /// Blocks separated by blank lines; `#` lines are comments; `key: value` per line.
    static func parse(_ text: String) -> [VectorBlock] {
        var blocks: [VectorBlock] = []
        var current: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { blocks.append(VectorBlock(fields: current)) }
                current = [:]
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            current[key] = value
        }
        if !current.isEmpty { blocks.append(VectorBlock(fields: current)) }
        return blocks
    }
}

extension WireError {
    /// The spelling used by the `error:` lines of codec.txt.
    var vectorSpelling: String {
        switch self {
        case .truncated: "truncated"
        case .malformedVarint: "malformedVarint"
        case .invalidTag(let tag): "invalidTag(\(tag))"
        case .wireTypeMismatch(let field, let expected, let found): "wireTypeMismatch(\(field),\(expected.rawValue),\(found.rawValue))"
        case .invalidUTF8(let field): "invalidUTF8(\(field))"
        case .nestingTooDeep(let limit): "nestingTooDeep(\(limit))"
        case .listTooLong(let field, let limit): "listTooLong(\(field),\(limit))"
        case .lengthOutOfRange(let field): "lengthOutOfRange(\(field))"
        }
    }
}
