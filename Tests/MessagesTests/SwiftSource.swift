import Foundation

/// Reads the repository's Swift sources as text: the string literals that follow a token, with
/// interpolations (and the literals nested in them) skipped whole. What the catalogue check and
/// the English-literal lint read; enough of Swift's grammar for this repository's files.
struct SwiftSource {
    let path: String
    let bytes: [UInt8]

    init(path: String) throws {
        self.path = path
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The repository's root, found from this file's place in it (Tests/MessagesTests/).
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Every `.swift` file under `directory` (relative to the root), sorted.
    static func files(under directory: String) -> [String] {
        let base = "\(root)/\(directory)"
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.map { "\(directory)/\($0)" }.sorted()
    }

    /// Every `.swift` file under `directories`, read: what the lints go through.
    static func sources(under directories: [String]) throws -> [(file: String, source: SwiftSource)] {
        try directories.flatMap(files(under:)).map { ($0, try SwiftSource(path: "\(root)/\($0)")) }
    }

    struct Literal {
        /// The literal's text as written, without its quotes, interpolations kept as `\(…)`.
        let text: String
        let line: Int
        /// The byte after the closing quote.
        let end: Int
    }

    /// The literal that starts after `index` once blanks are skipped, if one does.
    func literal(after index: Int) -> Literal? {
        var start = index
        while start < bytes.count, [0x20, 0x0A, 0x09].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == quote else { return nil }
        let end = literalEnd(from: start)
        let multiline = isTripleQuote(at: start)
        let open = start + (multiline ? 3 : 1)
        let close = end - (multiline ? 3 : 1)
        let text = String(decoding: bytes[open..<max(open, close)], as: UTF8.self)
        return Literal(text: text, line: lineNumber(at: start), end: end)
    }

    /// Each literal directly after an occurrence of `token`.
    func literals(after token: String) -> [Literal] {
        let needle = Array(token.utf8)
        var found: [Literal] = []
        var index = 0
        while let at = firstIndex(of: needle, from: index) {
            if let literal = literal(after: at + needle.count) { found.append(literal) }
            index = at + needle.count
        }
        return found
    }

    func firstIndex(of needle: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, from <= bytes.count - needle.count else { return nil }
        var index = from
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    /// The text of bytes `from..<to`.
    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[min(from, to)..<to], as: UTF8.self)
    }

    /// The index of the `)` that closes the `(` at `open`, literals skipped whole; the end of the
    /// file when it is never closed.
    func closingParenthesis(of open: Int) -> Int {
        var depth = 0
        var index = open
        while index < bytes.count {
            switch bytes[index] {
            case quote: index = literalEnd(from: index); continue
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return bytes.count
    }

    /// The first comma between `from` and `before` outside any nested parentheses, brackets and literals.
    func firstTopLevelComma(from: Int, before: Int) -> Int? {
        var depth = 0
        var index = from
        while index < before {
            switch bytes[index] {
            case quote: index = literalEnd(from: index); continue
            case 0x28, 0x5B: depth += 1
            case 0x29, 0x5D: depth -= 1
            case 0x2C where depth == 0: return index
            default: break
            }
            index += 1
        }
        return nil
    }

    func lineNumber(at index: Int) -> Int {
        bytes[..<index].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private let quote: UInt8 = 0x22
    private let backslash: UInt8 = 0x5C

    private func isTripleQuote(at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == quote && bytes[index + 1] == quote && bytes[index + 2] == quote
    }

    /// The index after the literal that opens at `start`.
    private func literalEnd(from start: Int) -> Int {
        let multiline = isTripleQuote(at: start)
        var index = start + (multiline ? 3 : 1)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == backslash, index + 1 < bytes.count {
                if bytes[index + 1] == 0x28 {  // \( … )
                    index = interpolationEnd(from: index + 2)
                } else {
                    index += 2
                }
                continue
            }
            if multiline, isTripleQuote(at: index) { return index + 3 }
            if !multiline, byte == quote { return index + 1 }
            if !multiline, byte == 0x0A { return index }  // not a literal after all: stop at the line's end
            index += 1
        }
        return bytes.count
    }

    private func interpolationEnd(from start: Int) -> Int {
        var depth = 1
        var index = start
        while index < bytes.count, depth > 0 {
            switch bytes[index] {
            case quote: index = literalEnd(from: index); continue
            case 0x28: depth += 1
            case 0x29: depth -= 1
            default: break
            }
            index += 1
        }
        return index
    }
}

extension String {
    /// The text without its interpolations (`\(…)`).
    var withoutInterpolations: String {
        var result = ""
        var depth = 0
        var previous: Character = " "
        for character in self {
            if depth > 0 {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            } else if previous == "\\" && character == "(" {
                result.removeLast()
                depth = 1
            } else {
                result.append(character)
            }
            previous = depth > 0 ? " " : character
        }
        return result
    }

    /// Whether it holds a Chinese character or Chinese punctuation.
    var hasChinese: Bool {
        unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x2E80...0x2FFF, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF: true
            default: false
            }
        }
    }
}
