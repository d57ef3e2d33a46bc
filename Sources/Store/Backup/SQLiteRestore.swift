import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a backup taken by ``SQLiteOnlineBackup`` in place of a store's database file.
public enum SQLiteRestore {
    /// Copies `backup` next to `target` (through the backup API again, which reads it as a
    /// database and so catches a damaged file), checks the copy, removes the old database's
    /// `-wal` and `-shm` — a log left by the old file would otherwise be replayed into the new
    /// one — and renames the copy over `target`. A crash leaves either the old file or the new.
    ///
    /// The caller makes sure no process has `target` open (``SQLiteOnlineBackup/isOpenElsewhere(_:)``).
    public static func install(_ backup: String, at target: String, progress: (SQLiteOnlineBackup.Progress) -> Void = { _ in }) throws {
        let directory = (target as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        let staging = "\(target).restoring-\(UInt32.random(in: 0...UInt32.max))"
        try SQLiteOnlineBackup.copy(from: backup, to: staging, progress: progress)
        for suffix in ["-wal", "-shm", "-journal"] {
            guard unlink(target + suffix) == 0 || errno == ENOENT else {
                let reason = String(cString: strerror(errno))
                unlink(staging)
                throw StoreError(.unavailable, "cannot remove \(target)\(suffix): \(reason)")
            }
        }
        guard rename(staging, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(staging)
            throw StoreError(.unavailable, "cannot move the restored database to \(target): \(reason)")
        }
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Flushes a directory's entries (the rename above) to disk.
    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
