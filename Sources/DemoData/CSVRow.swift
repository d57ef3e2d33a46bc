import JCSkillsMessages

/// One CSV record of one line, RFC 4180 style: comma-separated fields, a field in double
/// quotes when it holds a comma, a quote or a line break, a quote inside one doubled (`""`).
///
/// The registry's files never put a line break inside a field, so a record is exactly one
/// line and an importer can read a file line by line, reporting errors by line number.
/// ```swift
/// CSVRow.format(["王芳", "a,b", "say \"hi\""])   // 王芳,"a,b","say ""hi"""
/// try CSVRow.parse("王芳,\"a,b\",\"say \"\"hi\"\"\"")  // ["王芳", "a,b", "say \"hi\""]
/// ```
public enum CSVRow {
    /// Why a line is not a well-formed record. Columns are 1-based.
    public enum Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        /// A quoted field that the line ends inside (a line break in a field, unsupported here,
        /// or a missing closing quote).
        case unterminatedQuote(column: Int)
        /// Something other than a comma right after a field's closing quote: `"ab"c`.
        case textAfterClosingQuote(column: Int)
        /// A quote inside a field that did not start with one: `ab"c`.
        case quoteInUnquotedField(column: Int)

        /// In the reader's language (Sources/Messages/Catalogue/CSVFiles.swift).
        public var message: Message {
            switch self {
            case .unterminatedQuote(let column): Messages.CSVFiles.unterminatedQuote(column: column)
            case .textAfterClosingQuote(let column): Messages.CSVFiles.textAfterClosingQuote(column: column)
            case .quoteInUnquotedField(let column): Messages.CSVFiles.quoteInUnquotedField(column: column)
            }
        }

        /// The English, for logs.
        public var description: String { message.en }
    }

    /// Splits one line into its fields.
    ///
    /// A trailing `\r` (a CRLF file read by lines) and a leading byte-order mark (a file saved by
    /// a spreadsheet) are ignored. An empty line is one empty field, as RFC 4180 reads it;
    /// callers usually skip empty lines first. Fields are not trimmed: spaces are data.
    public static func parse<S: StringProtocol>(_ line: S) throws(Error) -> [String] {
        var fields: [String] = []
        var result: Result<Void, Error> = .success(())
        let direct: Void? = line.utf8.withContiguousStorageIfAvailable { result = split($0, into: &fields) }
        if direct == nil {
            // Bridged or otherwise non-contiguous text: copy once.
            Array(line.utf8).withUnsafeBufferPointer { result = split($0, into: &fields) }
        }
        try result.get()
        return fields
    }

    /// Joins fields into one line (no line terminator), quoting only the fields that need it:
    /// those containing a comma, a double quote, CR or LF, or starting with U+FEFF (which
    /// ``parse(_:)`` would take for a byte-order mark at the start of a line).
    public static func format(_ fields: [String]) -> String {
        var line = ""
        line.reserveCapacity(fields.reduce(fields.count) { $0 + $1.utf8.count })
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(",") }
            appendField(field, to: &line)
        }
        return line
    }

    /// Appends one field, quoted if needed, to `line`.
    public static func appendField(_ field: String, to line: inout String) {
        let needsQuotes = field.utf8.contains { $0 == comma || $0 == quote || $0 == 0x0D || $0 == 0x0A }
            || field.unicodeScalars.first == "\u{FEFF}"
        guard needsQuotes else {
            line.append(field)
            return
        }
        line.append("\"")
        // By scalar, not Character: a quote followed by a combining mark is one Character
        // that is not a quote, and went out undoubled.
        for scalar in field.unicodeScalars {
            if scalar == "\"" { line.unicodeScalars.append("\"") }
            line.unicodeScalars.append(scalar)
        }
        line.append("\"")
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")

    private static func split(_ all: UnsafeBufferPointer<UInt8>, into fields: inout [String]) -> Result<Void, Error> {
        var start = 0
        var end = all.count
        if end >= 3, all[0] == 0xEF, all[1] == 0xBB, all[2] == 0xBF { start = 3 }
        if end > start, all[end - 1] == 0x0D { end -= 1 }
        var index = start
        while true {
            let column = fields.count + 1
            if index < end, all[index] == quote {
                // Quoted field: runs to the next quote not followed by another quote.
                var bytes: [UInt8] = []
                index += 1
                while true {
                    guard index < end else { return .failure(.unterminatedQuote(column: column)) }
                    let byte = all[index]
                    if byte == quote {
                        if index + 1 < end, all[index + 1] == quote {
                            bytes.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    bytes.append(byte)
                    index += 1
                }
                fields.append(String(decoding: bytes, as: UTF8.self))
                if index == end { return .success(()) }
                guard all[index] == comma else { return .failure(.textAfterClosingQuote(column: column)) }
                index += 1
            } else {
                let fieldStart = index
                while index < end, all[index] != comma {
                    if all[index] == quote { return .failure(.quoteInUnquotedField(column: column)) }
                    index += 1
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: all[fieldStart..<index]), as: UTF8.self))
                if index == end { return .success(()) }
                index += 1
            }
        }
    }
}
