import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SealingKeys {
    /// Creates a key file with fresh random keys (sealing key id 1) and returns them.
    ///
    /// The file is created with mode 0600 and flushed to disk before this returns; parent
    /// directories are created with mode 0700.
    ///
    /// - Throws: ``PersonalDataError/Kind/keyFileExists`` when `path` exists: creating keys
    ///   never overwrites a key file, since that would make every sealed value unreadable.
    @discardableResult
    public static func create(at path: String) throws -> SealingKeys {
        let keys = generate()
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        try writeExclusively(keys.fileContents(), to: path)
        return keys
    }

    /// Reads a key file.
    ///
    /// - Throws: ``PersonalDataError`` — `keyFileMissing`, `keyFilePermissions` when group or
    ///   others have any access (like ssh, the store refuses a key others could read),
    ///   `keyFileMalformed`, `keyFileIO`.
    public static func load(from path: String) throws -> SealingKeys {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT {
                throw PersonalDataError(.keyFileMissing,
                                        "no key file at \(path): a service creates its key file when it first starts (or restore one from a backup)")
            }
            throw PersonalDataError(.keyFileIO, "cannot read key file \(path): \(String(cString: strerror(errno)))")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw PersonalDataError(.keyFilePermissions,
                                    "key file \(path) is accessible to other users (mode \(String(mode, radix: 8))); "
                                        + "run: chmod 600 \(path)")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PersonalDataError(.keyFileIO, "cannot read key file \(path): \(error.localizedDescription)")
        }
        return try SealingKeys(fileContents: text)
    }

    /// Adds a new sealing key to the key file and returns the updated set.
    ///
    /// New values are sealed with the new key from the next load on; existing values keep
    /// opening with their old keys (re-seal them with ``PersonalData/reseal(_:as:)`` at
    /// leisure, then retire the old keys: ``retiring(_:)``). The index key is unchanged. The file
    /// is replaced atomically (``replaceFile(at:)``). Running processes keep their loaded keys
    /// until they reload or restart.
    @discardableResult
    public static func rotate(at path: String) throws -> SealingKeys {
        let rotated = try load(from: path).addingKey()
        try rotated.replaceFile(at: path)
        return rotated
    }

    /// Replaces the key file at `path` with this key set, atomically (write a temporary file,
    /// flush, rename): a crash leaves either the old or the new file, never half of one.
    public func replaceFile(at path: String) throws {
        let temporary = path + ".new-\(UInt32.random(in: 0...UInt32.max))"
        try Self.writeExclusively(fileContents(), to: temporary)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PersonalDataError(.keyFileIO, "cannot replace key file \(path): \(reason)")
        }
    }

    /// Writes a new file that must not exist yet, mode 0600, and flushes it to disk.
    private static func writeExclusively(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw PersonalDataError(.keyFileExists, "key file \(path) already exists; it was left untouched")
            }
            throw PersonalDataError(.keyFileIO, "cannot create key file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        // The umask may have narrowed the mode further, never widened it; make it exact anyway.
        _ = fchmod(descriptor, 0o600)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw PersonalDataError(.keyFileIO, "cannot write key file \(path): \(reason)")
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw PersonalDataError(.keyFileIO, "cannot flush key file \(path): \(reason)")
        }
    }
}
