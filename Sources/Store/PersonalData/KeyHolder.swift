import Crypto
import Synchronization

/// The keys a ``PersonalData`` and all its copies use, replaceable while the service runs
/// (SIGHUP, Sources/ServiceKit/HangupReload.swift).
final class KeyHolder: Sendable {
    /// One reference under the lock: a read retains it and lets go of the lock at once.
    private final class Entry: Sendable {
        let keys: SealingKeys
        init(_ keys: SealingKeys) { self.keys = keys }
    }

    private let entry: Mutex<Entry>

    init(_ keys: SealingKeys) {
        entry = Mutex(Entry(keys))
    }

    var current: SealingKeys { entry.withLock { $0 }.keys }

    func replace(with newKeys: SealingKeys) throws {
        try entry.withLock { entry in
            let old = entry.keys
            guard newKeys.fingerprint == old.fingerprint else {
                throw PersonalDataError(.keyFileMalformed,
                                        "the new key file has another index key (fingerprint \(newKeys.fingerprint), in use \(old.fingerprint)); keeping the keys in use")
            }
            // A key may leave the file only as retired (`jcskills keys retire`, which first checks
            // that nothing is sealed with it): a key merely missing is a wrong or damaged file.
            for id in old.keyIDs where !newKeys.retiredKeyIDs.contains(id) {
                guard let kept = newKeys.sealingKeys[id], Self.same(kept, old.sealingKeys[id]!) else {
                    throw PersonalDataError(.keyFileMalformed,
                                            "the new key file lacks or changes sealing key \(id), which values may be sealed with, without retiring it; keeping the keys in use")
                }
            }
            entry = Entry(newKeys)
        }
    }

    private static func same(_ a: SymmetricKey, _ b: SymmetricKey) -> Bool {
        a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.elementsEqual(y) } }
    }
}
