import Foundation

/// Reads a text file line by line in large blocks, so a 300 MB import never sits in memory.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`: lines are sliced off by moving it, not by
    /// shifting the buffer (which, per line, cost half the importer's time).
    private var start = 0
    private var atEnd = false
    /// Bytes consumed so far (for progress).
    private(set) var bytesRead: UInt64 = 0
    let size: UInt64

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError("cannot open \(path)")
        }
        self.handle = handle
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        self.size = (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
    }

    deinit { try? handle.close() }

    /// The next line without its `\n` (a trailing `\r` is removed too), nil at the end.
    func next() throws -> String? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                bytesRead += UInt64(newline + 1 - start)
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                bytesRead += UInt64(buffer.count - start)
                start = buffer.count
                return line
            }
            // Keep the unread tail, then read the next block after it.
            buffer.removeSubrange(0..<start)
            start = 0
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
