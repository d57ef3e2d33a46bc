import Foundation
import JCSkillsMessages

/// Where generated CSV lines go: a file, a string, a network stream. Lines arrive one at a
/// time, so a file of 1.5 million persons never has to fit in memory.
public protocol CSVSink {
    /// Writes one record, given as its line without a terminator; the sink adds `\n`.
    mutating func writeLine(_ line: String) throws
}

extension CSVSink {
    /// Formats the fields (``CSVRow/format(_:)``) and writes them as one line.
    public mutating func writeRecord(_ fields: [String]) throws {
        try writeLine(CSVRow.format(fields))
    }
}

/// Collects lines in memory: for tests and small data sets.
public struct StringCSVSink: CSVSink, Sendable {
    /// Everything written so far, each line ended by `\n`.
    public private(set) var text = ""

    public init() {}

    public mutating func writeLine(_ line: String) {
        text.append(line)
        text.append("\n")
    }
}

/// Writes lines to a file through a 1 MiB buffer, so a large file costs a few hundred write
/// calls rather than one per line. Call ``close()`` to flush the last buffer; a sink that is
/// dropped without it loses up to 1 MiB (deinit cannot report a failed write).
public final class FileCSVSink: CSVSink {
    private let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    private var closed = false

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CSVFileError(Messages.CSVFiles.cannotCreate(path))
        }
        do {
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        } catch {
            throw CSVFileError(Messages.CSVFiles.cannotWrite(path, error.localizedDescription))
        }
        buffer.reserveCapacity(capacity)
    }

    public func writeLine(_ line: String) throws {
        precondition(!closed, "write after close")
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes the buffer out and closes the file. Further writes are a programming error.
    public func close() throws {
        guard !closed else { return }
        try flush()
        closed = true
        do {
            try handle.close()
        } catch {
            throw CSVFileError(Messages.CSVFiles.cannotWrite(path, error.localizedDescription))
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw CSVFileError(Messages.CSVFiles.cannotWrite(path, error.localizedDescription))
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension FileCSVSink {
    /// Creates `directory` and its parents for the files to come; a CSVFileError in the user's
    /// words when it cannot (Foundation's own is English).
    public static func makeDirectory(_ directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CSVFileError(Messages.CSVFiles.cannotCreateDirectory(directory, error.localizedDescription))
        }
    }
}
