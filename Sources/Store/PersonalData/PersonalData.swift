import Crypto
import Foundation
import JCSkillsProtocol

/// Seals sensitive personal fields (ID numbers, names, phone numbers) for storage and
/// computes their blind indexes for look-up and de-duplication.
///
/// A table stores, per sensitive field, the sealed value (``seal(_:as:)``, a `BLOB`/`BYTEA`
/// column) and, when the field is searched or must be unique, its blind index
/// (``blindIndex(_:for:)``, a `BLOB`/`BYTEA` column with a unique or plain index). Finding a
/// person by ID number is then an equality match on the index; showing one is ``open(_:as:)``
/// followed by a ``Masking`` helper unless the caller's role needs the full value.
///
/// ## Sealed value format (version 1)
///
/// `0x01` · key id (4 bytes, big-endian) · AES-256-GCM nonce (12) · ciphertext · tag (16);
/// 33 bytes plus the UTF-8 length of the value. The authenticated data is
/// `jcskills/sealed/v1/<field name>`. Every seal uses a fresh random nonce, so equal values
/// seal differently and a sealed column reveals neither values nor which rows share one.
///
/// ## Blind index
///
/// HMAC-SHA256 under the index key of `jcskills/index/v1/<field name>`, a zero byte and the
/// normalised value: 32 bytes, equal exactly when field and normalised value are equal. Its
/// key is separate from the sealing keys and survives their rotation. Keyed, so a stolen
/// database cannot be searched by hashing all 10^10-odd plausible ID numbers.
public struct PersonalData: Sendable {
    /// Shared by every copy of this value (the store's, the service's), so that
    /// ``replaceKeys(with:)`` reaches them all.
    private let holder: KeyHolder

    /// The keys in use now.
    public var keys: SealingKeys { holder.current }

    static let formatVersion: UInt8 = 1
    static let headerLength = 5
    static let nonceLength = 12
    static let tagLength = 16

    public init(keys: SealingKeys) {
        self.holder = KeyHolder(keys)
    }

    /// Puts `newKeys` in use, here and in every copy of this value: values are sealed with its
    /// current key from now on. Refused unless `newKeys` keeps the index key and every sealing
    /// key in use now (it may add keys, as ``SealingKeys/rotate(at:)`` does), so that every
    /// value sealed so far still opens and every blind index still matches.
    public func replaceKeys(with newKeys: SealingKeys) throws {
        try holder.replace(with: newKeys)
    }

    /// Loads the key file at `path` (see ``SealingKeys/load(from:)``).
    public init(keyFile path: String) throws {
        self.init(keys: try SealingKeys.load(from: path))
    }

    /// Seals `value` (normalised for `field`) with the current key.
    public func seal(_ value: String, as field: PersonalField) -> Data {
        seal(bytes: Data(field.normalize(value).utf8), as: field)
    }

    /// Seals arbitrary bytes (an encoded message that contains personal data, a scanned
    /// document) for `field`, as they are: no normalisation.
    public func seal(bytes plaintext: Data, as field: PersonalField) -> Data {
        let keys = self.keys
        let keyID = keys.currentKeyID
        if let context = keys.currentContext,
           let sealed = context.seal(plaintext, after: Self.header(keyID), authenticating: Self.authenticatedData(field)) {
            // The same bytes as below, one key setup and several copies fewer.
            return sealed
        }
        // AES-GCM with a 256-bit key and a random 96-bit nonce cannot fail; a failure here
        // would mean a broken crypto library, not bad input.
        let box = try! AES.GCM.seal(plaintext, using: keys.sealingKeys[keyID]!,
                                    nonce: try! AES.GCM.Nonce(data: NonceSource.next()),
                                    authenticating: Self.authenticatedData(field))
        // `combined` is nonce · ciphertext · tag, exactly the tail of the format.
        var sealed = Data(capacity: Self.headerLength + Self.nonceLength + plaintext.count + Self.tagLength)
        sealed.append(contentsOf: Self.header(keyID))
        sealed.append(box.combined!)
        return sealed
    }

    /// Opens a value sealed by ``seal(_:as:)`` for the same field, under any key in ``keys``.
    ///
    /// - Throws: ``PersonalDataError/Kind/unknownKey`` when the value names a key this key set
    ///   lacks; ``PersonalDataError/Kind/sealedValueInvalid`` when it is damaged, truncated, or
    ///   was sealed for another field or with another key file.
    public func open(_ sealed: Data, as field: PersonalField) throws -> String {
        guard let text = String(data: try open(bytes: sealed, as: field), encoding: .utf8) else {
            throw PersonalDataError(.sealedValueInvalid, "sealed \(field) is not UTF-8 text")
        }
        return text
    }

    /// Opens bytes sealed by ``seal(bytes:as:)`` (or text sealed by ``seal(_:as:)``) for the
    /// same field. Throws as ``open(_:as:)`` does.
    public func open(bytes sealed: Data, as field: PersonalField) throws -> Data {
        let keyID = try Self.keyID(of: sealed)
        let keys = self.keys
        guard let key = keys.sealingKeys[keyID] else {
            throw PersonalDataError(.unknownKey, keys.retiredKeyIDs.contains(keyID)
                ? "sealed \(field) uses key \(keyID), which was retired from the key file: restore the key file from before the retirement"
                : "sealed \(field) uses key \(keyID), which the key file does not hold")
        }
        let bytes = sealed.dropFirst(Self.headerLength)
        if keyID == keys.currentKeyID, let context = keys.currentContext,
           let plaintext = context.open(bytes, authenticating: Self.authenticatedData(field)) {
            return plaintext
        }
        do {
            let box = try AES.GCM.SealedBox(combined: bytes)
            return try AES.GCM.open(box, using: key, authenticating: Self.authenticatedData(field))
        } catch {
            throw PersonalDataError(.sealedValueInvalid,
                                    "sealed \(field) failed authentication: damaged, sealed for another field, "
                                        + "or sealed with another key file")
        }
    }

    /// A blind index's first 8 bytes as a number, for inserting many rows in index order: an
    /// HMAC is uniform, so this orders rows as the index does, near enough that neighbouring
    /// rows land on the same index pages instead of each on a different one.
    public static func orderKey(ofBlindIndex index: Data) -> UInt64 {
        index.withUnsafeBytes { raw in raw.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    }

    /// The blind index of `value` (normalised for `field`): 32 bytes, stable across key rotation.
    public func blindIndex(_ value: String, for field: PersonalField) -> Data {
        keys.indexKeyState.authenticationCode(prefix: Self.indexMessagePrefix(field), value: field.normalize(value))
    }

    /// A short reference to a person for audit rows and logs: the first 8 bytes of a blind
    /// index in hex (16 characters). Stable, and as unrevealing as the index itself.
    public static func reference(of blindIndex: Data) -> String {
        lowercaseHex(blindIndex.prefix(8))
    }

    /// Whether `sealed` was sealed with an older key than the current one.
    public func needsResealing(_ sealed: Data) -> Bool {
        (try? Self.keyID(of: sealed)) != keys.currentKeyID
    }

    /// `sealed` opened and sealed again with the current key, byte for byte (text was normalised
    /// when first sealed; the blind index does not change).
    public func reseal(_ sealed: Data, as field: PersonalField) throws -> Data {
        seal(bytes: try open(bytes: sealed, as: field), as: field)
    }

    /// The id of the key `sealed` was sealed with (read from its header, nothing opened).
    public static func keyID(of sealed: Data) throws -> UInt32 {
        guard sealed.count >= headerLength + nonceLength + tagLength, sealed.first == formatVersion else {
            throw PersonalDataError(.sealedValueInvalid, "not a sealed value of format \(formatVersion)")
        }
        return sealed.dropFirst().prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// The format version and the key id, big-endian: what precedes the nonce.
    private static func header(_ keyID: UInt32) -> [UInt8] {
        [formatVersion, UInt8(keyID >> 24), UInt8((keyID >> 16) & 0xFF), UInt8((keyID >> 8) & 0xFF), UInt8(keyID & 0xFF)]
    }

    /// `jcskills/index/v1/<field name>` and a zero byte: what the HMAC reads before the value.
    private static func indexMessagePrefix(_ field: PersonalField) -> [UInt8] {
        switch field {
        case .idNumber: idNumberIndexPrefix
        case .name: nameIndexPrefix
        case .phone: phoneIndexPrefix
        default: Array("jcskills/index/v1/\(field.name)\u{0}".utf8)
        }
    }

    private static let idNumberIndexPrefix = Array("jcskills/index/v1/\(PersonalField.idNumber.name)\u{0}".utf8)
    private static let nameIndexPrefix = Array("jcskills/index/v1/\(PersonalField.name.name)\u{0}".utf8)
    private static let phoneIndexPrefix = Array("jcskills/index/v1/\(PersonalField.phone.name)\u{0}".utf8)

    private static func authenticatedData(_ field: PersonalField) -> Data {
        // Built once for the three fields every row seals, not three times a row.
        switch field {
        case .idNumber: idNumberAAD
        case .name: nameAAD
        case .phone: phoneAAD
        default: Data("jcskills/sealed/v1/\(field.name)".utf8)
        }
    }

    private static let idNumberAAD = Data("jcskills/sealed/v1/\(PersonalField.idNumber.name)".utf8)
    private static let nameAAD = Data("jcskills/sealed/v1/\(PersonalField.name.name)".utf8)
    private static let phoneAAD = Data("jcskills/sealed/v1/\(PersonalField.phone.name)".utf8)
}
