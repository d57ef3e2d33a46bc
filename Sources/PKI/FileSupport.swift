import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Small POSIX helpers: atomic writes with an exact file mode, private directories, IP parsing.
enum FileSupport {
    /// Writes `contents` to `path` atomically: a temporary file in the same directory is created
    /// with `mode` (never wider, whatever the umask), written, flushed to disk and renamed over
    /// `path`. Readers see either the old file or the complete new one, never a partial key.
    static func writeAtomically(_ contents: String, to path: String, mode: mode_t) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(base).\(UUID().uuidString).tmp"

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw PKIError.writeFailed(path: path, reason: errnoDescription()) }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            guard fchmod(fd, mode) == 0 else { throw PKIError.writeFailed(path: path, reason: errnoDescription()) }
            let bytes = Array(contents.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw PKIError.writeFailed(path: path, reason: errnoDescription())
                }
                offset += written
            }
            guard fsync(fd) == 0 else { throw PKIError.writeFailed(path: path, reason: errnoDescription()) }
            closed = true
            guard close(fd) == 0 else { throw PKIError.writeFailed(path: path, reason: errnoDescription()) }
            guard rename(temporary, path) == 0 else { throw PKIError.writeFailed(path: path, reason: errnoDescription()) }
        } catch {
            unlink(temporary)
            throw error
        }
        // Make the rename itself durable; failure here does not lose the file, so it is ignored.
        let dirfd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if dirfd >= 0 {
            _ = fsync(dirfd)
            close(dirfd)
        }
    }

    /// Creates `path` (and missing parents) with mode 0700 if it does not exist.
    /// An existing directory is left as it is; an existing non-directory is an error.
    static func ensurePrivateDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw PKIError.writeFailed(path: path, reason: "it exists and is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            // createDirectory applies the umask; set the mode exactly.
            guard chmod(path, 0o700) == 0 else {
                throw PKIError.writeFailed(path: path, reason: errnoDescription())
            }
        } catch let error as PKIError {
            throw error
        } catch {
            throw PKIError.writeFailed(path: path, reason: "\(error.localizedDescription)")
        }
    }

    static func fileExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a regular file" : "no such file"
            throw PKIError.unreadableFile(path: path, reason: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PKIError.unreadableFile(path: path, reason: "not a text (PEM) file")
        }
        return text
    }

    /// The network-order bytes of an IPv4 (4 bytes) or IPv6 (16 bytes) address in text form.
    static func ipAddressBytes(_ text: String) throws -> [UInt8] {
        var v4 = in_addr()
        if text.withCString({ inet_pton(AF_INET, $0, &v4) }) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if text.withCString({ inet_pton(AF_INET6, $0, &v6) }) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        throw PKIError.invalidIPAddress(text)
    }

    static func errnoDescription() -> String {
        String(cString: strerror(errno))
    }
}
