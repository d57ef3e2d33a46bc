import Foundation

/// Reads a text file line by line in large blocks, so a 300 MB import never sits in memory.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()
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
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex..<newline]
                bytesRead += UInt64(line.count + 1)
                buffer.removeSubrange(buffer.startIndex...newline)
                if line.last == 0x0D { line = line.dropLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                let line = buffer
                bytesRead += UInt64(line.count)
                buffer.removeAll()
                return String(decoding: line, as: UTF8.self)
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
        }
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
