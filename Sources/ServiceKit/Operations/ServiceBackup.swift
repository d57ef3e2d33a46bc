import Foundation
import JCSkillsMessages
import JCSkillsStore

/// What a backup or restore is doing, for its progress lines.
public enum OperationsProgress: Sendable, Hashable {
    /// SQLite: pages copied so far of the snapshot's.
    case copied(pages: Int, of: Int)
    /// PostgreSQL: the table being dumped or loaded.
    case table(String)
    /// The copy passed its check (`PRAGMA integrity_check`, or `pg_restore --list`) and checksum.
    case verified(String)
    case keysCopied(String)
    case keysLeftOut
    case keysInstalled(String)
    case keysKept(String)
}

/// `jcskills backup`: a service's data, taken while it runs, into a backup directory
/// (``BackupManifest``).
///
/// The sealing keys are copied beside the database by default (mode 0600 in a 0700 directory):
/// a backup that cannot be read back is no backup, and the restore checks the key file against
/// the fingerprint the data was written with. Sites that keep keys apart from data (SECURITY.md,
/// "Backups and keys") pass `--no-keys` and bring the key file to the restore with `--keys`.
public enum ServiceBackup {
    public static func backup(
        settings: ServiceSettings, to directory: String, includeKeys: Bool, progress: (OperationsProgress) -> Void
    ) throws -> BackupManifest {
        let service = settings.kind.rawValue
        let location = try StoreLocation.parse(settings.database, dataDirectory: settings.dataDirectory, service: service)
        let keyPath = (settings.dataDirectory as NSString).appendingPathComponent(ServiceStore.keyFileName)
        let keys = try loadKeys(keyPath)
        try createBackupDirectory(directory)
        let store: BackupManifest.StoreKind
        let file: String
        var tables: [String]?
        var recorded: String?
        do {
            switch location {
            case .sqlite(let path):
                store = .sqlite
                file = "\(service).sqlite"
                let copy = (directory as NSString).appendingPathComponent(file)
                try SQLiteOnlineBackup.copy(from: path, to: copy) { progress(.copied(pages: $0.copiedPages, of: $0.totalPages)) }
                progress(.verified(copy))
                recorded = try SQLiteOnlineBackup.recordedKeyFingerprint(copy, service: service)
            case .postgres(let url):
                store = .postgresql
                file = "\(service).pgdump"
                let dump = (directory as NSString).appendingPathComponent(file)
                try PostgresDump.dump(url, to: dump) { progress(.table($0)) }
                tables = try PostgresDump.tables(in: dump)
                progress(.verified(dump))
            }
        } catch let error as StoreError {
            throw OperationsError(Messages.Operations.storeFailed(error.description))
        }
        if let recorded, let keys, recorded != keys.fingerprint {
            throw OperationsError(Messages.Operations.keysDoNotMatch(keyPath, found: keys.fingerprint, recorded: recorded))
        }
        var keyFile: String?
        if includeKeys {
            guard let keys else { throw OperationsError(Messages.Operations.noKeyFile(keyPath)) }
            let copy = (directory as NSString).appendingPathComponent(ServiceStore.keyFileName)
            try PrivateFile.store(keys.fileContents(), at: copy)
            keyFile = ServiceStore.keyFileName
            progress(.keysCopied(copy))
        } else {
            progress(.keysLeftOut)
        }
        let sum = try checksum((directory as NSString).appendingPathComponent(file))
        let manifest = BackupManifest(
            format: BackupManifest.currentFormat, service: service, store: store, file: file, bytes: sum.bytes, sha256: sum.hex,
            created: ISO8601DateFormatter().string(from: Date()), keyFile: keyFile,
            keyFingerprint: recorded ?? keys?.fingerprint, tables: tables)
        try manifest.write(to: directory)
        return manifest
    }

    /// The key file at `path`, or nil when there is none; a key file that is there but unusable
    /// (others may read it, malformed) is an error.
    static func loadKeys(_ path: String) throws -> SealingKeys? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try SealingKeys.load(from: path)
        } catch let error as PersonalDataError {
            throw OperationsError(Messages.Operations.badKeyFile(path, reason: error.description))
        }
    }

    private static func createBackupDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard isDirectory.boolValue, entries.isEmpty else { throw OperationsError(Messages.Operations.outExists(directory)) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw OperationsError(Messages.Operations.cannotWrite(directory))
        }
    }

    static func checksum(_ path: String) throws -> (hex: String, bytes: Int) {
        do {
            return try FileChecksum.sha256(of: path)
        } catch {
            throw OperationsError(Messages.Operations.cannotRead(path))
        }
    }
}
