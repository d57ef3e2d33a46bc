import Crypto
import Foundation

/// SHA-256 of a file, read in pieces: what a backup's manifest records for each file it holds.
public enum FileChecksum {
    public static func sha256(of path: String) throws -> (hex: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.unavailable, "cannot read \(path)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            bytes += chunk.count
            hasher.update(data: chunk)
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), bytes)
    }
}
