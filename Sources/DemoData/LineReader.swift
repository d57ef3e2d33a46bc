import Foundation
import JCSkillsMessages

/// Reads a text file line by line in large blocks, so a 300 MB import never sits in memory,
/// and turns each line into UTF-8 text from the file's encoding (``CSVTextEncoding``).
///
/// A line that cannot be read is reported, never repaired: bytes that are not text in the
/// file's encoding (no U+FFFD replacement character is ever made), and a line longer than
/// ``maximumLineLength``, which is skipped without being held in memory. The reader then
/// goes on with the next line, so one bad line costs one row.
///
/// UTF-8 costs nothing extra: a UTF-8 line is validated by the same pass that makes it a
/// `String`, with no conversion. Other encodings go through ``LegacyTextDecoder``, and only
/// their lines that hold a byte above 0x7F do.
public final class LineReader {
    /// One line: its text, or why it could not be read.
    public enum Line: Sendable {
        case text(String)
        case unreadable(Message)
    }

    /// Lines longer than this (bytes, before decoding) are reported, not read: 16 KiB.
    public static let defaultMaximumLineLength = 16 * 1024

    public let path: String
    /// The encoding asked for (`auto` by default).
    public let requestedEncoding: CSVTextEncoding
    /// The encoding the file is read in; `auto` until the first non-ASCII text decides.
    public private(set) var encoding: CSVTextEncoding
    public let maximumLineLength: Int
    /// Bytes consumed so far (for progress).
    public private(set) var bytesRead: UInt64 = 0
    /// The file's size in bytes, 0 if unknown.
    public let size: UInt64
    /// The 1-based number of the line ``next()`` returned last.
    public private(set) var lineNumber: UInt32 = 0

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`: lines are sliced off by moving it, not by
    /// shifting the buffer (which, per line, cost half the importer's time).
    private var start = 0
    private var atEnd = false
    private var started = false
    /// Bytes of the current line already dropped because it is too long.
    private var skipped = 0
    private var legacy: LegacyTextDecoder?

    public init(path: String, encoding: CSVTextEncoding = .auto, maximumLineLength: Int = LineReader.defaultMaximumLineLength) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVFileError(Messages.CSVFiles.cannotOpen(path))
        }
        self.path = path
        self.handle = handle
        self.requestedEncoding = encoding
        self.encoding = encoding
        self.maximumLineLength = maximumLineLength
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        self.size = (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
        if encoding.iconvName != nil { try useLegacy(encoding) }
    }

    deinit { try? handle.close() }

    /// The next line without its `\n` (nor a `\r` before it), nil at the end of the file.
    /// Throws only when the file cannot be read (or, at its start, is in an encoding no
    /// import reads: UTF-16).
    public func next() throws -> Line? {
        if !started { try begin() }
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                return line(endingAt: newline, consumed: newline + 1)
            }
            if atEnd {
                guard start < buffer.count || skipped > 0 else { return nil }
                return line(endingAt: buffer.count, consumed: buffer.count)
            }
            if buffer.count - start > maximumLineLength {
                // Too long to be a record: drop what there is and look for its end.
                skipped += buffer.count - start
                bytesRead += UInt64(buffer.count - start)
                buffer.removeAll(keepingCapacity: true)
            } else {
                // Keep the unread tail, then read the next block after it.
                buffer.removeSubrange(0..<start)
            }
            start = 0
            try fill()
        }
    }

    // MARK: Lines

    private func line(endingAt newline: Int, consumed: Int) -> Line {
        lineNumber += 1
        let length = skipped + newline - start
        bytesRead += UInt64(consumed - start)
        let lineStart = start
        start = consumed
        if skipped > 0 || length > maximumLineLength {
            skipped = 0
            return .unreadable(Messages.CSVFiles.lineTooLong(length, maximum: maximumLineLength))
        }
        var end = newline
        if end > lineStart && buffer[end - 1] == 0x0D { end -= 1 }
        return buffer.withUnsafeBufferPointer { all in
            decode(UnsafeBufferPointer(rebasing: all[lineStart..<end]), following: UnsafeBufferPointer(rebasing: all[end...]))
        }
    }

    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, following: UnsafeBufferPointer<UInt8>) -> Line {
        switch encoding {
        case .utf8:
            return utf8(bytes)
        case .auto:
            // Plain ASCII reads the same in every encoding: no need to decide yet.
            if let text = ascii(bytes) { return .text(text) }
            decideEncoding(bytes, following)
            return decode(bytes, following: following)
        case .gb18030, .gbk, .big5:
            if let text = ascii(bytes) { return .text(text) }
            switch legacy!.decode(bytes) {
            case .success(let text): return .text(text)
            case .failure(let problem): return .unreadable(problem.message)
            }
        }
    }

    private func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> Line {
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
        let offset = firstInvalidUTF8(bytes) ?? 0
        return .unreadable(UndecodableText(offset: offset, bytes: Array(bytes[offset..<min(offset + 4, bytes.count)]), encoding: .utf8).message)
    }

    private func ascii(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `auto` at the first line with a byte above 0x7F: UTF-8 if that line and the rest of the
    /// block read (up to its last complete line, most of a megabyte) are valid UTF-8, GB18030
    /// otherwise. A text in GBK that happens to be valid UTF-8 is a few characters long at most,
    /// so a whole block decides reliably.
    private func decideEncoding(_ line: UnsafeBufferPointer<UInt8>, _ following: UnsafeBufferPointer<UInt8>) {
        var sample = following
        if !atEnd, let lastNewline = following.lastIndex(of: 0x0A) {
            sample = UnsafeBufferPointer(rebasing: following[...lastNewline])
        } else if !atEnd {
            sample = UnsafeBufferPointer(rebasing: following[0..<0])
        }
        let valid = firstInvalidUTF8(line) == nil && firstInvalidUTF8(sample) == nil
        if valid {
            encoding = .utf8
        } else if (try? useLegacy(.gb18030)) == nil {
            encoding = .utf8  // no converter: every non-UTF-8 line is reported
        }
    }

    private func useLegacy(_ encoding: CSVTextEncoding) throws {
        guard let decoder = LegacyTextDecoder(encoding) else {
            throw CSVFileError(Messages.CSVFiles.noConverter("\(encoding)"))
        }
        legacy = decoder
        self.encoding = encoding
    }

    // MARK: File

    /// Reads the first block and looks at how the file starts.
    private func begin() throws {
        started = true
        try fill()
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard requestedEncoding == .auto || requestedEncoding == .utf8 else {
                throw CSVFileError(Messages.CSVFiles.byteOrderMark(path, asked: "\(requestedEncoding)"))
            }
            encoding = .utf8
            start = 3
            bytesRead = 3
        } else if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) {
            throw CSVFileError(Messages.CSVFiles.utf16(path))
        }
    }

    private func fill() throws {
        let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
        if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
    }
}

/// A file an import cannot read, or a file that cannot be written, at all.
public struct CSVFileError: Error, Sendable, CustomStringConvertible {
    /// In the reader's language (Sources/Messages/Catalogue/CSVFiles.swift).
    public let message: Message
    public init(_ message: Message) { self.message = message }
    /// The English, for logs.
    public var description: String { message.en }
}
