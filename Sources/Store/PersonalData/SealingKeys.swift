import Crypto
import Foundation

/// The secrets behind ``PersonalData``: AES-256 sealing keys, each with an id, and one
/// HMAC-SHA256 key for blind indexes.
///
/// New values are sealed with the newest key (the highest id); values sealed with any listed
/// key still open, because each sealed value carries its key id. ``rotate(at:)`` adds a key;
/// the index key never changes, so blind indexes (and the unique constraints and look-ups
/// built on them) stay valid across rotations.
///
/// ## Key file format (version 1)
///
/// UTF-8 text, one entry per line; blank lines and lines starting with `#` are ignored:
///
/// ```text
/// jcskills-sealing-keys 1
/// index <base64 of 32 random bytes>
/// seal 1 <base64 of 32 random bytes>
/// seal 2 <base64 of 32 random bytes>
/// retired 1
/// ```
///
/// The first entry names the format. Exactly one `index` line; one or more `seal` lines with
/// distinct ids from 1 to 4,294,967,295; a `retired` line for each key taken out of the file by
/// `jcskills keys retire` once nothing was sealed with it any more (its secret is gone; the line
/// tells a running service that reloads the file that the key's absence is deliberate, and keeps
/// its id from being used again). The file must not be readable or writable by group
/// or others (mode 0600 or stricter). Back it up with the database backups but store it
/// apart from them: the database alone reveals nothing, and without this file nothing
/// sealed can be read again.
public struct SealingKeys: Sendable {
    /// The first line of a version-1 key file.
    public static let header = "jcskills-sealing-keys 1"

    /// The blind-index key.
    let indexKey: SymmetricKey
    /// HMAC state keyed with ``indexKey`` once (``BlindIndexKey``).
    let indexKeyState: BlindIndexKey
    /// Sealing keys by id.
    let sealingKeys: [UInt32: SymmetricKey]
    /// The id new values are sealed with: the highest one.
    public let currentKeyID: UInt32
    /// Keys taken out of the file (``retiring(_:)``): their ids, never used again.
    public let retiredKeyIDs: Set<UInt32>
    /// The current key's AES-GCM contexts, keyed once (``SealingContext``); nil only if the
    /// system's libcrypto refused the cipher, and then sealing takes swift-crypto's path.
    let currentContext: SealingContext?

    /// The ids of every sealing key, ascending.
    public var keyIDs: [UInt32] { sealingKeys.keys.sorted() }

    init(indexKey: SymmetricKey, sealingKeys: [UInt32: SymmetricKey], retired: Set<UInt32> = []) {
        precondition(!sealingKeys.isEmpty, "at least one sealing key")
        precondition(retired.isDisjoint(with: sealingKeys.keys), "a retired key is not in the file")
        self.indexKey = indexKey
        self.indexKeyState = BlindIndexKey(indexKey)
        self.sealingKeys = sealingKeys
        self.retiredKeyIDs = retired
        self.currentKeyID = sealingKeys.keys.max()!
        self.currentContext = SealingContext(key: sealingKeys[currentKeyID]!)
    }

    /// A fresh key set held only in memory (for tests and benchmarks): a random index key
    /// and one random sealing key with id 1.
    public static func generate() -> SealingKeys {
        SealingKeys(indexKey: SymmetricKey(size: .bits256), sealingKeys: [1: SymmetricKey(size: .bits256)])
    }

    /// This key set plus a new random sealing key, numbered one above the current one (retired
    /// keys are older), which becomes the current key. The index key is kept.
    public func addingKey() -> SealingKeys {
        var keys = sealingKeys
        keys[currentKeyID &+ 1] = SymmetricKey(size: .bits256)
        return SealingKeys(indexKey: indexKey, sealingKeys: keys, retired: retiredKeyIDs)
    }

    /// This key set without the sealing keys `ids`, which are recorded as retired. Values still
    /// sealed with them will not open any more: check first that none are left
    /// (``Store/sealingKeysInUse(_:)``).
    ///
    /// - Throws: ``PersonalDataError/Kind/keyFileMalformed`` naming an id the set does not hold,
    ///   or the current key (rotate first: new values are sealed with it).
    public func retiring(_ ids: Set<UInt32>) throws -> SealingKeys {
        if let unknown = ids.subtracting(sealingKeys.keys).min() {
            throw PersonalDataError(.keyFileMalformed, "the key file holds no sealing key \(unknown) (it holds \(keyIDs.map(String.init).joined(separator: ", ")))")
        }
        guard !ids.contains(currentKeyID) else {
            throw PersonalDataError(.keyFileMalformed, "key \(currentKeyID) is the current key, which new values are sealed with; rotate first")
        }
        return SealingKeys(indexKey: indexKey, sealingKeys: sealingKeys.filter { !ids.contains($0.key) },
                           retired: retiredKeyIDs.union(ids))
    }

    /// A short hex fingerprint of the index key, for telling key files apart in logs
    /// without revealing them. Equal fingerprints mean equal blind indexes.
    public var fingerprint: String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("jcskills/fingerprint/v1".utf8), using: indexKey)
        return code.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// The key file text for this key set.
    public func fileContents() -> String {
        var lines = [
            "# JCSkills personal-data keys. SECRET: keep mode 0600 and back it up apart from the database.",
            "# Without this file no sealed ID number, name or phone can be read again.",
            Self.header,
            "index \(Self.base64(indexKey))",
        ]
        for id in keyIDs {
            lines.append("seal \(id) \(Self.base64(sealingKeys[id]!))")
        }
        for id in retiredKeyIDs.sorted() {
            lines.append("retired \(id)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses key file text.
    ///
    /// - Throws: ``PersonalDataError/Kind/keyFileMalformed`` naming the offending line (never
    ///   its content, which may be a key).
    public init(fileContents text: String) throws {
        var sawHeader = false
        var index: SymmetricKey?
        var seals: [UInt32: SymmetricKey] = [:]
        var retired: Set<UInt32> = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func malformed(_ why: String) -> PersonalDataError {
                PersonalDataError(.keyFileMalformed, "key file line \(number + 1): \(why)")
            }
            guard sawHeader else {
                guard line == Self.header else { throw malformed("expected \"\(Self.header)\"") }
                sawHeader = true
                continue
            }
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            switch parts.first {
            case "index":
                guard parts.count == 2, index == nil else { throw malformed("expected one \"index <base64>\" line") }
                index = try Self.key(parts[1]) ?? { throw malformed("the index key must be 32 bytes of base64") }()
            case "seal":
                guard parts.count == 3, let id = UInt32(parts[1]), id > 0 else {
                    throw malformed("expected \"seal <id ≥ 1> <base64>\"")
                }
                guard seals[id] == nil, !retired.contains(id) else { throw malformed("sealing key \(id) appears twice, or is also retired") }
                seals[id] = try Self.key(parts[2]) ?? { throw malformed("sealing key \(id) must be 32 bytes of base64") }()
            case "retired":
                guard parts.count == 2, let id = UInt32(parts[1]), id > 0 else { throw malformed("expected \"retired <id ≥ 1>\"") }
                guard seals[id] == nil, retired.insert(id).inserted else { throw malformed("key \(id) is retired and also listed") }
            default:
                throw malformed("unknown entry")
            }
        }
        guard sawHeader else { throw PersonalDataError(.keyFileMalformed, "key file is empty") }
        guard let index else { throw PersonalDataError(.keyFileMalformed, "key file has no index key") }
        guard !seals.isEmpty else { throw PersonalDataError(.keyFileMalformed, "key file has no sealing key") }
        if let stale = retired.first(where: { $0 > seals.keys.max()! }) {
            throw PersonalDataError(.keyFileMalformed, "key \(stale) is retired but newer than every sealing key: only older keys are retired")
        }
        self.init(indexKey: index, sealingKeys: seals, retired: retired)
    }

    private static func key(_ text: Substring) -> SymmetricKey? {
        guard let data = Data(base64Encoded: String(text)), data.count == 32 else { return nil }
        return SymmetricKey(data: data)
    }

    private static func base64(_ key: SymmetricKey) -> String {
        key.withUnsafeBytes { Data($0).base64EncodedString() }
    }
}
