import Crypto
import Foundation

/// The city's Ed25519 key that signs exported certificates, so anyone holding the public key
/// can check a certificate offline (`jcskills cert verify`; README.md, "The evaluation centre",
/// signed certificates). Kept as standard PEM — PKCS #8 for the
/// private key, SubjectPublicKeyInfo for the public one — so `openssl pkey` reads them too.
///
/// It is a separate key from the TLS CA on purpose: the public key is handed to the public,
/// and rotating the CA (a transport matter) must not invalidate every exported certificate.
public struct CitySigningKey: Sendable {
    public static let privateKeyFileName = "city-signing.key"
    public static let publicKeyFileName = "city-signing.pub"

    public let privateKey: Curve25519.Signing.PrivateKey

    public init(privateKey: Curve25519.Signing.PrivateKey = .init()) { self.privateKey = privateKey }

    /// The public key's identifier printed on exports: the first 8 bytes of its SHA-256, hex.
    public var keyID: String { Self.keyID(publicKeyRaw: privateKey.publicKey.rawRepresentation) }

    public func sign(_ message: [UInt8]) throws -> [UInt8] { Array(try privateKey.signature(for: message)) }

    public var publicKeyPEM: String { Self.pem("PUBLIC KEY", Self.spkiPrefix + privateKey.publicKey.rawRepresentation) }
    public var privateKeyPEM: String { Self.pem("PRIVATE KEY", Self.pkcs8Prefix + privateKey.rawRepresentation) }

    /// Reads a private key file written by ``create(in:)`` (or `openssl genpkey -algorithm ed25519`).
    public static func load(privateKeyAt path: String) throws -> CitySigningKey {
        let der = try derBlock(path, label: "PRIVATE KEY")
        guard der.count == pkcs8Prefix.count + 32, der.prefix(pkcs8Prefix.count).elementsEqual(pkcs8Prefix) else {
            throw PKIError.invalidPrivateKey(source: path, reason: "not an Ed25519 private key")
        }
        do {
            return CitySigningKey(privateKey: try .init(rawRepresentation: der.suffix(32)))
        } catch {
            throw PKIError.invalidPrivateKey(source: path, reason: "\(error)")
        }
    }

    /// Writes a new key pair into `directory` unless a private key is already there.
    /// Returns whether it created one.
    @discardableResult
    public static func create(in directory: String) throws -> Bool {
        let privatePath = "\(directory)/\(privateKeyFileName)"
        guard !FileManager.default.fileExists(atPath: privatePath) else { return false }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = CitySigningKey()
        try FileSupport.writeAtomically(key.privateKeyPEM, to: privatePath, mode: 0o600)
        try FileSupport.writeAtomically(key.publicKeyPEM, to: "\(directory)/\(publicKeyFileName)", mode: 0o644)
        return true
    }

    /// Checks `signature` over `message` with the public key in the PEM file at `path`.
    public static func verify(signature: [UInt8], of message: [UInt8], publicKeyAt path: String) throws -> Bool {
        let der = try derBlock(path, label: "PUBLIC KEY")
        guard der.count == spkiPrefix.count + 32, der.prefix(spkiPrefix.count).elementsEqual(spkiPrefix),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))
        else { throw PKIError.invalidPrivateKey(source: path, reason: "not an Ed25519 public key") }
        return key.isValidSignature(signature, for: message)
    }

    /// The key id of the public key in the PEM file at `path`.
    public static func keyID(publicKeyAt path: String) throws -> String {
        keyID(publicKeyRaw: try derBlock(path, label: "PUBLIC KEY").suffix(32))
    }

    static func keyID<D: DataProtocol>(publicKeyRaw: D) -> String {
        SHA256.hash(data: Array(publicKeyRaw)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    // DER headers of the fixed-size Ed25519 structures (RFC 8410): the 32 key bytes follow.
    static let spkiPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
    static let pkcs8Prefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]

    static func pem<D: DataProtocol>(_ label: String, _ der: D) -> String {
        let base64 = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n"
    }

    static func derBlock(_ path: String, label: String) throws -> [UInt8] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PKIError.unreadableFile(path: path, reason: "missing or not readable")
        }
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex),
              let der = Data(base64Encoded: text[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace })
        else { throw PKIError.unreadableFile(path: path, reason: "no \(label) PEM block") }
        return Array(der)
    }
}
