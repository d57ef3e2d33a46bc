import Foundation
import Testing

/// No refusal a service sends is an English literal: what a service answers a caller with (an
/// `RPCError`'s message, a `RuleRefusal`'s or `RuleViolation`'s reason, an import's row error, a
/// gateway source's reason) comes from the catalogue, so that it reaches the caller in the
/// language it asked for (Sources/ServiceKit/Requests/CallerLanguage.swift). INTERNAL errors are
/// the exception: they are for the operators' logs and stay English.
@Suite("No English literal in the services' refusals")
struct ServiceLiteralLintTests {
    static let directories = ["Services", "Sources/ServiceKit"]

    /// The constructors whose text reaches a caller, and the argument that holds it: nil for the
    /// message after an `RPCError`'s code, else its label.
    static let constructors: [(token: String, label: String?)] = [
        ("RPCError(", nil), ("RuleRefusal(", "reason:"), ("RuleViolation(", "reason:"), ("RowError(", "reason:"), ("SourceFailure(", "reason:"),
    ]

    /// The literals a caller would read at `token`'s occurrences in `source`, by line.
    static func refusals(in source: SwiftSource, token: String, label: String?) -> [SwiftSource.Literal] {
        var found: [SwiftSource.Literal] = []
        let needle = Array(token.utf8)
        var index = 0
        while let at = source.firstIndex(of: needle, from: index) {
            index = at + needle.count
            // A declaration or a type's name in prose (`struct RPCError(`) is no call.
            guard at == 0 || !Self.isIdentifierByte(source.bytes[at - 1]) else { continue }
            let open = at + needle.count - 1
            let close = source.closingParenthesis(of: open)
            let arguments = source.text(open + 1, close).trimmingCharacters(in: .whitespacesAndNewlines)
            let start: Int?
            if let label {
                start = source.firstIndex(of: Array(label.utf8), from: open).flatMap { $0 < close ? $0 + label.utf8.count : nil }
            } else {
                // INTERNAL errors are for the operators' logs.
                guard !arguments.hasPrefix(".internal") else { continue }
                start = source.firstTopLevelComma(from: open + 1, before: close).map { $0 + 1 }
            }
            if let start, let literal = source.literal(after: start), literal.end <= close + 1 { found.append(literal) }
        }
        return found
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    @Test("the lint finds a literal refusal and lets INTERNAL and the catalogue's through")
    func rule() throws {
        let path = NSTemporaryDirectory() + "service-lint-\(UUID().uuidString).swift"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
            throw RPCError(.notFound, "no course with code \\(code)")
            throw RPCError(.internal, "the card sequence is missing")
            throw RPCError(.notFound, Messages.TrainingRefusals.noCourse(code))
            errors.append(RowError(line: row.line, column: "enrolment_number", reason: "no enrolment numbered \\(number)"))
            errors.append(RowError(line: row.line, column: "enrolment_number", reason: "\\(refusal.rule): \\(refusal.reason)"))
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let source = try SwiftSource(path: path)
        let rpc = Self.refusals(in: source, token: "RPCError(", label: nil).filter { EnglishLiteralLintTests.prose($0.text) }
        #expect(rpc.map(\.line) == [1])
        let rows = Self.refusals(in: source, token: "RowError(", label: "reason:").filter { EnglishLiteralLintTests.prose($0.text) }
        #expect(rows.map(\.line) == [4])
    }

    @Test("every refusal the services send comes from the catalogue")
    func noEnglish() throws {
        let sources = try SwiftSource.sources(under: Self.directories)
        #expect(sources.count > 100)
        var found: [String] = []
        for (file, source) in sources {
            for (token, label) in Self.constructors {
                for literal in Self.refusals(in: source, token: token, label: label) where EnglishLiteralLintTests.prose(literal.text) {
                    found.append("\(file):\(literal.line): \(token)…\"\(literal.text.prefix(70))\"")
                }
            }
        }
        #expect(found.isEmpty, "English refusals outside the catalogue (Sources/Messages/Catalogue/Refusals.swift and the services' areas):\n\(found.joined(separator: "\n"))")
    }
}
