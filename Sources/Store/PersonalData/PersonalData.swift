import Crypto
import Foundation

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
    public let keys: SealingKeys

    static let formatVersion: UInt8 = 1
    static let headerLength = 5
    static let nonceLength = 12
    static let tagLength = 16

    public init(keys: SealingKeys) {
        self.keys = keys
    }

    /// Loads the key file at `path` (see ``SealingKeys/load(from:)``).
    public init(keyFile path: String) throws {
        self.init(keys: try SealingKeys.load(from: path))
    }

    /// Seals `value` (normalised for `field`) with the current key.
    public func seal(_ value: String, as field: PersonalField) -> Data {
        let plaintext = Data(field.normalize(value).utf8)
        let keyID = keys.currentKeyID
        // AES-GCM with a 256-bit key and a random 96-bit nonce cannot fail; a failure here
        // would mean a broken crypto library, not bad input.
        let box = try! AES.GCM.seal(plaintext, using: keys.sealingKeys[keyID]!, nonce: AES.GCM.Nonce(),
                                    authenticating: Self.authenticatedData(field))
        var sealed = Data(capacity: Self.headerLength + Self.nonceLength + plaintext.count + Self.tagLength)
        sealed.append(Self.formatVersion)
        withUnsafeBytes(of: keyID.bigEndian) { sealed.append(contentsOf: $0) }
        sealed.append(contentsOf: box.nonce)
        sealed.append(box.ciphertext)
        sealed.append(box.tag)
        return sealed
    }

    /// Opens a value sealed by ``seal(_:as:)`` for the same field, under any key in ``keys``.
    ///
    /// - Throws: ``PersonalDataError/Kind/unknownKey`` when the value names a key this key set
    ///   lacks; ``PersonalDataError/Kind/sealedValueInvalid`` when it is damaged, truncated, or
    ///   was sealed for another field or with another key file.
    public func open(_ sealed: Data, as field: PersonalField) throws -> String {
        let keyID = try Self.keyID(of: sealed)
        guard let key = keys.sealingKeys[keyID] else {
            throw PersonalDataError(.unknownKey, "sealed \(field) uses key \(keyID), which the key file does not hold")
        }
        let bytes = sealed.dropFirst(Self.headerLength)
        do {
            let box = try AES.GCM.SealedBox(combined: bytes)
            let plaintext = try AES.GCM.open(box, using: key, authenticating: Self.authenticatedData(field))
            guard let text = String(data: plaintext, encoding: .utf8) else {
                throw PersonalDataError(.sealedValueInvalid, "sealed \(field) is not UTF-8 text")
            }
            return text
        } catch let error as PersonalDataError {
            throw error
        } catch {
            throw PersonalDataError(.sealedValueInvalid,
                                    "sealed \(field) failed authentication: damaged, sealed for another field, "
                                        + "or sealed with another key file")
        }
    }

    /// The blind index of `value` (normalised for `field`): 32 bytes, stable across key rotation.
    public func blindIndex(_ value: String, for field: PersonalField) -> Data {
        var message = Data("jcskills/index/v1/\(field.name)".utf8)
        message.append(0)
        message.append(contentsOf: field.normalize(value).utf8)
        return Data(HMAC<SHA256>.authenticationCode(for: message, using: keys.indexKey))
    }

    /// Whether `sealed` was sealed with an older key than the current one.
    public func needsResealing(_ sealed: Data) -> Bool {
        (try? Self.keyID(of: sealed)) != keys.currentKeyID
    }

    /// `sealed` opened and sealed again with the current key (the blind index does not change).
    public func reseal(_ sealed: Data, as field: PersonalField) throws -> Data {
        seal(try open(sealed, as: field), as: field)
    }

    private static func keyID(of sealed: Data) throws -> UInt32 {
        guard sealed.count >= headerLength + nonceLength + tagLength, sealed.first == formatVersion else {
            throw PersonalDataError(.sealedValueInvalid, "not a sealed value of format \(formatVersion)")
        }
        return sealed.dropFirst().prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    private static func authenticatedData(_ field: PersonalField) -> Data {
        Data("jcskills/sealed/v1/\(field.name)".utf8)
    }
}
