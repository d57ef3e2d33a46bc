import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol

/// A CSV import file read record by record, the same way for every import: decoded from its
/// encoding by ``LineReader`` (the one decoder every CSV reader shares), header checked, and
/// each record held to the limits before it becomes a row. A record that breaks a limit, or
/// cannot be decoded, is a row error with its line number; it never reaches a batch, so it
/// cannot cost its neighbours anything.
final class CSVRecords {
    /// A field longer than this (bytes of UTF-8) is a row error: 4 KiB. The longest field any
    /// import takes is a name (50 characters, 150 bytes).
    static let maximumFieldLength = 4 * 1024

    let path: String
    let reader: LineReader
    let header: [String]

    /// `optionalTrailing`: how many of `expected`'s last columns a file may leave out (a column
    /// added to a format later, such as a class list's `enrolled_on`).
    init(path: String, header expected: [String], optionalTrailing: Int = 0, encoding: CSVTextEncoding) throws {
        self.path = path
        do {
            reader = try LineReader(path: path, encoding: encoding)
        } catch let error as CSVFileError {
            throw CLIError(error.message)
        }
        let text: String
        switch try Self.read(reader) {
        case nil: throw CLIError(Messages.Import.emptyFile(path))
        case .unreadable(let reason): throw CLIError(Messages.Import.headerUnreadable(path, reason: reason.text()))
        case .text(let line): text = line
        }
        do throws(CSVRow.Error) {
            header = try CSVRow.parse(text)
        } catch {
            throw CLIError(Messages.Import.headerNotCSV(path, error: error.message.text()))
        }
        guard (0...optionalTrailing).contains(where: { header == Array(expected.dropLast($0)) }) else {
            throw CLIError(Messages.Import.wrongHeader(path, found: header.joined(separator: ","), expected: expected.joined(separator: ",")))
        }
    }

    var bytesRead: UInt64 { reader.bytesRead }
    var size: UInt64 { reader.size }

    /// The next record that is not an empty line: its line number, and its fields or why it
    /// cannot be imported. Throws only when the file cannot be read.
    func next() throws -> (line: UInt32, fields: Result<[String], RowFailure>)? {
        while let next = try Self.read(reader) {
            let line = reader.lineNumber
            switch next {
            case .unreadable(let reason):
                return (line, .failure(RowFailure(line: line, column: "", reason: reason.text())))
            case .text(let text):
                if text.isEmpty { continue }
                let fields: [String]
                do throws(CSVRow.Error) {
                    fields = try CSVRow.parse(text)
                } catch {
                    return (line, .failure(RowFailure(line: line, column: "", reason: error.message.text())))
                }
                for (index, field) in fields.enumerated() where field.utf8.count > Self.maximumFieldLength {
                    let column = index < header.count ? header[index] : Messages.Import.column(index + 1).text()
                    return (line, .failure(RowFailure(line: line, column: column,
                                                      reason: Messages.Import.fieldTooLong(field.utf8.count, maximum: Self.maximumFieldLength).text())))
                }
                return (line, .success(fields))
            }
        }
        return nil
    }

    private static func read(_ reader: LineReader) throws -> LineReader.Line? {
        do {
            return try reader.next()
        } catch let error as CSVFileError {
            throw CLIError(error.message)
        }
    }
}

/// Finds records of one file that describe the same thing (the same ID number, certificate
/// number, credit code…), by line.
///
/// Holds 16 bytes a record, in a hash table: the record's key (an ID number is its own
/// 64-bit key, anything else a 64-bit hash) and, per key, the first line and 32 bits of a
/// hash of that line's fields. 1.5 million persons took 50 MB more (71 MB of memory for the
/// reading, against 21), and about 0.8 µs a record.
struct DuplicateFinder {
    enum Verdict {
        case first
        /// Every field as on `line`.
        case identical(line: UInt32)
        /// The same key with other values.
        case different(line: UInt32)
    }

    private var first: [UInt64: UInt64] = [:]

    /// Records `fields` of `line` under `key`, and says whether the key was seen before.
    mutating func check(key: UInt64, fields: [String], line: UInt32) -> Verdict {
        let content = UInt64(UInt32(truncatingIfNeeded: Self.hash(fields)))
        let entry = UInt64(line) << 32 | content
        guard let earlier = first.updateValue(entry, forKey: key) else { return .first }
        first[key] = earlier  // the first line stays the one reported
        let earlierLine = UInt32(truncatingIfNeeded: earlier >> 32)
        return earlier & 0xFFFF_FFFF == content ? .identical(line: earlierLine) : .different(line: earlierLine)
    }

    /// A 64-bit hash of the fields, leading and trailing spaces and tabs left out (the import
    /// trims them), eight bytes a step: what two rows with one key are compared by.
    static func hash(_ fields: [String]) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3
        for var field in fields {
            // Native strings are contiguous: raw bytes, not String.UTF8View index steps (which,
            // byte by byte, cost more than parsing the record).
            field.withUTF8 { bytes in
                var start = 0
                var end = bytes.count
                while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
                while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                let raw = UnsafeRawBufferPointer(bytes)
                var index = start
                while index + 8 <= end {
                    hash = mix(hash, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    index += 8
                }
                var tail: UInt64 = UInt64(end - start) << 56  // the length: "a" + "" differs from "" + "a"
                var shift: UInt64 = 0
                while index < end {
                    tail |= UInt64(bytes[index]) << shift
                    shift += 8
                    index += 1
                }
                hash = mix(hash, tail)
            }
        }
        return hash
    }

    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        var mixed = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        return mixed &* 0xC4CE_B9FE_1A85_EC53
    }

    /// The key of one text, for keys that are not ID numbers (a 64-bit hash); `uppercased` for
    /// codes whose case does not matter (credit codes).
    static func key(_ text: String, uppercased: Bool = false) -> UInt64? {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        return hash([uppercased ? trimmed.uppercased() : trimmed])
    }
}

extension CSVTextEncoding: ExpressibleByArgument {}

/// What every CSV import takes besides its file.
struct CSVImportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Messages.Client.encodingHelp.text(), valueName: "encoding"))
    var encoding: CSVTextEncoding = .auto
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
    init(_ message: Message) { self.description = message.text() }
    /// A service's answer, in the user's language (Sources/Messages/Catalogue/Errors.swift);
    /// `endpoint`: the service called, which a failure to reach it names.
    init(_ error: RPCError, endpoint: String? = ClientOptions.calledEndpoints) {
        self.description = Messages.Errors.service(code: error.code.name, message: error.message, endpoint: endpoint)
    }
}
