import Foundation
import JCSkillsMessages
import JCSkillsStore

/// `jcskills restore`: a backup directory (``BackupManifest``) back into a service's store.
///
/// Everything is verified before anything is touched: the manifest names this service and this
/// kind of store, the copy has the checksum recorded, passes its own check (`PRAGMA
/// integrity_check`; `pg_restore --list`), and the key file has the fingerprint the data was
/// written with. A store another process has open (a running service) is never overwritten; one
/// that merely holds data is only with `force`. A key file that is replaced is kept beside as
/// `sealing.keys.replaced-<time>`: keys are never deleted.
public enum ServiceRestore {
    /// Checks `directory` for `service` without changing anything; returns its manifest and the
    /// keys that go with it (from `keyFile`, else the backup's own; nil when it has none).
    public static func verify(
        _ directory: String, service: ServiceKind, keyFile: String?, progress: (OperationsProgress) -> Void
    ) throws -> (manifest: BackupManifest, keys: SealingKeys?) {
        let manifest = try BackupManifest.read(from: directory)
        guard manifest.service == service.rawValue else {
            throw OperationsError(Messages.Operations.wrongService(backup: manifest.service, service: service.rawValue))
        }
        let file = (directory as NSString).appendingPathComponent(manifest.file)
        guard FileManager.default.fileExists(atPath: file) else { throw OperationsError(Messages.Operations.cannotRead(file)) }
        let sum = try ServiceBackup.checksum(file)
        guard sum.hex == manifest.sha256, sum.bytes == manifest.bytes else {
            throw OperationsError(Messages.Operations.checksumMismatch(file))
        }
        do {
            switch manifest.store {
            case .sqlite:
                let check = try SQLiteOnlineBackup.integrityCheck(file)
                guard check == "ok" else { throw OperationsError(Messages.Operations.integrityFailed(file, result: check)) }
            case .postgresql:
                let tables = try PostgresDump.tables(in: file)
                if let expected = manifest.tables, Set(expected) != Set(tables) {
                    throw OperationsError(Messages.Operations.integrityFailed(file, result: "pg_restore --list"))
                }
            }
        } catch let error as StoreError {
            throw OperationsError(Messages.Operations.integrityFailed(file, result: error.description))
        }
        progress(.verified(file))
        let keyPath = keyFile ?? manifest.keyFile.map { (directory as NSString).appendingPathComponent($0) }
        guard let keyPath else { return (manifest, nil) }
        guard let keys = try ServiceBackup.loadKeys(keyPath) else { throw OperationsError(Messages.Operations.noKeyFile(keyPath)) }
        if let expected = manifest.keyFingerprint, keys.fingerprint != expected {
            throw OperationsError(Messages.Operations.keysDoNotMatch(keyPath, found: keys.fingerprint, recorded: expected))
        }
        return (manifest, keys)
    }

    @discardableResult
    public static func restore(
        from directory: String, settings: ServiceSettings, keyFile: String?, force: Bool, progress: (OperationsProgress) -> Void
    ) throws -> BackupManifest {
        let (manifest, keys) = try verify(directory, service: settings.kind, keyFile: keyFile, progress: progress)
        let location = try StoreLocation.parse(settings.database, dataDirectory: settings.dataDirectory, service: settings.kind.rawValue)
        let keyPath = (settings.dataDirectory as NSString).appendingPathComponent(ServiceStore.keyFileName)
        let existingKeys = try ServiceBackup.loadKeys(keyPath)
        if keys == nil {
            // No key file in the backup nor given: the data directory's own must be the right one.
            guard let existingKeys, manifest.keyFingerprint.map({ $0 == existingKeys.fingerprint }) ?? true else {
                throw OperationsError(Messages.Operations.noKeysForRestore(keyPath))
            }
        } else if let existingKeys, let keys, existingKeys.fingerprint != keys.fingerprint, !force {
            throw OperationsError(Messages.Operations.keysWouldBeReplaced(keyPath))
        }

        let file = (directory as NSString).appendingPathComponent(manifest.file)
        do {
            switch (location, manifest.store) {
            case (.sqlite(let path), .sqlite):
                guard !SQLiteOnlineBackup.isOpenElsewhere(path) else { throw OperationsError(Messages.Operations.inUse(path)) }
                if FileManager.default.fileExists(atPath: path), !force { throw OperationsError(Messages.Operations.wouldOverwrite(path)) }
                try SQLiteRestore.install(file, at: path) { progress(.copied(pages: $0.copiedPages, of: $0.totalPages)) }
            case (.postgres(let url), .postgresql):
                let target = StoreLocation.postgres(url: url).description
                let occupancy = try PostgresDump.occupancy(url)
                guard occupancy.otherSessions == 0 else { throw OperationsError(Messages.Operations.inUse(target)) }
                if occupancy.tables > 0, !force { throw OperationsError(Messages.Operations.wouldOverwrite(target)) }
                try PostgresDump.restore(file, into: url) { progress(.table($0)) }
            default:
                throw OperationsError(Messages.Operations.storeMismatch(backup: manifest.store.rawValue, target: location.description))
            }
        } catch let error as StoreError {
            throw OperationsError(Messages.Operations.storeFailed(error.description))
        }

        if let keys {
            if let existingKeys, existingKeys.fileContents() == keys.fileContents() {
                progress(.keysKept(keyPath))
            } else {
                try FileManager.default.createDirectory(atPath: settings.dataDirectory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                if existingKeys != nil {
                    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
                    let aside = "\(keyPath).replaced-\(stamp)"
                    guard rename(keyPath, aside) == 0 else { throw OperationsError(Messages.Operations.cannotWrite(aside)) }
                }
                try PrivateFile.store(keys.fileContents(), at: keyPath)
                progress(.keysInstalled(keyPath))
            }
        } else {
            progress(.keysKept(keyPath))
        }
        return manifest
    }
}
