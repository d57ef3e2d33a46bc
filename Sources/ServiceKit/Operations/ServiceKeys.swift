import Foundation
import JCSkillsMessages
import JCSkillsStore
import Logging

/// `jcskills keys rotate` and `keys retire`: a service's sealing keys.
///
/// Rotating adds a new key to the key file (the old ones kept, so everything sealed before still
/// opens); the running service starts sealing with it on SIGHUP (Sources/ServiceKit/HangupReload.swift)
/// or at its next start, and then seals its stored values again with it
/// (Sources/ServiceKit/SealingKeyUpkeep.swift). Retiring takes the old keys out once the
/// database shows that nothing is sealed with them any more.
public enum ServiceKeys {
    /// The new current key's id and how many sealing keys the file now holds.
    public static func rotate(settings: ServiceSettings) throws -> (current: UInt32, count: Int) {
        let path = keyFile(settings)
        do {
            let keys = try SealingKeys.rotate(at: path)
            return (keys.currentKeyID, keys.keyIDs.count)
        } catch let error as PersonalDataError {
            throw OperationsError(Messages.Operations.badKeyFile(path, reason: error.description))
        }
    }

    /// Takes the sealing keys `requested` (every key but the current one when empty) out of the
    /// key file, after checking in the service's database that the service has sealed everything
    /// again with the current key and that none of them seals a single value any more (a fresh
    /// count over the tables the service recorded, and the stored answers of retried calls).
    /// Returns the keys retired and those left.
    public static func retire(settings: ServiceSettings, keys requested: [UInt32]) async throws -> (retired: [UInt32], remaining: [UInt32]) {
        let path = keyFile(settings)
        let keys: SealingKeys
        do {
            keys = try SealingKeys.load(from: path)
        } catch let error as PersonalDataError {
            throw OperationsError(Messages.Operations.badKeyFile(path, reason: error.description))
        }
        let targets = requested.isEmpty ? Set(keys.keyIDs).subtracting([keys.currentKeyID]) : Set(requested)
        guard !targets.isEmpty else { throw OperationsError(Messages.Operations.nothingToRetire(current: keys.currentKeyID)) }
        let remaining: SealingKeys
        do {
            remaining = try keys.retiring(targets)
        } catch let error as PersonalDataError {
            throw OperationsError(Messages.Operations.cannotRetire(error.message))
        }
        let service = settings.kind.rawValue
        let location = try StoreLocation.parse(settings.database, dataDirectory: settings.dataDirectory, service: service)
        let quiet = Logger(label: "jcskills.keys", factory: { _ in SwiftLogNoOpLogHandler() })
        let configuration = try ServiceStore.configuration(settings: settings, location: location, personal: PersonalData(keys: keys), logger: quiet)
        do {
            try await Store.withExisting(configuration) { try await check($0, retiring: targets, current: keys.currentKeyID) }
        } catch let error as StoreError {
            throw OperationsError(Messages.Operations.storeFailed(error.description))
        }
        do {
            try remaining.replaceFile(at: path)
        } catch let error as PersonalDataError {
            throw OperationsError(Messages.Operations.badKeyFile(path, reason: error.description))
        }
        return (targets.sorted(), remaining.keyIDs)
    }

    private static func check(_ store: Store, retiring targets: Set<UInt32>, current: UInt32) async throws {
        // The record of a complete pass to the current key shows that a service holding the
        // current key sealed everything older again; without the tables it recorded there is
        // nothing to count with.
        guard try await !store.needsReseal(), let tables = try await store.recordedSealedTables() else {
            throw OperationsError(Messages.Operations.notSealedAgainYet(store.service, current: current))
        }
        let inUse = try await store.sealingKeysInUse(tables)
        let still = targets.sorted().compactMap { key in inUse[key].map { (key: key, values: $0) } }
        guard still.isEmpty else { throw OperationsError(Messages.Operations.keysStillInUse(still)) }
    }

    private static func keyFile(_ settings: ServiceSettings) -> String {
        (settings.dataDirectory as NSString).appendingPathComponent(ServiceStore.keyFileName)
    }
}
