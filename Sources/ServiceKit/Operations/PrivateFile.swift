import Foundation
import JCSkillsMessages
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files only the service's user may read (key files): created with mode 0600 from the start,
/// flushed, and renamed into place, so a crash leaves the old file or the new one.
enum PrivateFile {
    static func store(_ text: String, at path: String) throws {
        let temporary = path + ".new-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw OperationsError(Messages.Operations.cannotWrite(path)) }
        _ = fchmod(descriptor, 0o600)
        let bytes = Array(text.utf8)
        var written = 0
        var failed = false
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            written += result
        }
        if !failed, fsync(descriptor) != 0 { failed = true }
        close(descriptor)
        guard !failed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw OperationsError(Messages.Operations.cannotWrite(path))
        }
    }
}
