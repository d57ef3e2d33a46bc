import JCSkillsStore
import Logging
import ServiceLifecycle

/// Seals a service's personal data again whenever its sealing key changes (`jcskills keys
/// rotate`, then a reload or a restart), in the background and paced, so that a rotated-out
/// key soon protects nothing and can leave the key file (`jcskills keys retire`). Looks at the
/// key in use every `interval` (a read of memory); a pass that completes is recorded in the store, so a restart does not walk the
/// tables again for the same key, and a pass cut short (a stop, an error) is taken up again.
public struct SealingKeyUpkeep: Service {
    let store: Store
    let personal: PersonalData
    let tables: [SealedTable]
    let logger: Logger
    let interval: Duration

    public init(store: Store, personal: PersonalData, tables: [SealedTable], logger: Logger, interval: Duration = .seconds(1)) {
        self.store = store
        self.personal = personal
        self.tables = tables
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var done: UInt32?
            while !Task.isCancelled {
                let current = personal.keys.currentKeyID
                var wait = interval
                if done != current {
                    if (try? await pass()) == true {
                        done = current
                    } else {
                        wait = interval * 30  // a failed pass logged its error; not every second
                    }
                }
                try await Task.sleep(for: wait)
            }
        }
    }

    /// One pass when one is needed; whether everything is now sealed with the current key.
    public func pass() async throws -> Bool {
        do {
            try await store.recordSealedTables(tables)
            guard try await store.needsReseal() else { return true }
            logger.notice("sealing personal data again with the current key", metadata: [
                "key": "\(personal.keys.currentKeyID)", "tables": "\(tables.map(\.name).joined(separator: ", "))",
            ])
            let report = try await store.resealAll(tables)
            let inUse = try await store.sealingKeysInUse(tables)
            logger.notice("personal data sealed again: \(report)", metadata: [
                "keys-in-use": "\(inUse.keys.sorted().map { "\($0)×\(inUse[$0]!)" }.joined(separator: " "))",
                "retire": "\(Set(personal.keys.keyIDs).subtracting(inUse.keys).sorted())",
            ])
            return true
        } catch is CancellationError {
            return false
        } catch {
            logger.error("sealing personal data again failed; trying again later", metadata: ["error": "\(error)"])
            return false
        }
    }
}
