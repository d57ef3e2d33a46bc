import Foundation
import X509

/// A certificate and its private key, as issued by ``CertificateAuthority/issue(_:)``.
public struct IssuedIdentity: Sendable {
    /// The id the identity was requested under (names its files).
    public let id: String
    /// The issued certificate.
    public let certificate: Certificate
    /// The certificate as PEM (`-----BEGIN CERTIFICATE-----`), the contents of `<id>.crt`.
    public let certificatePEM: String
    /// The ECDSA P-256 private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), the contents
    /// of `<id>.key`. Loads with `NIOSSLPrivateKey(file:format: .pem)` and `openssl pkey`.
    public let privateKeyPEM: String

    /// Writes `<name>.crt` (mode 0644) and `<name>.key` (mode 0600) into `directory`.
    ///
    /// Each file is written atomically (temporary file with its final mode, fsync, rename), so
    /// the key is never readable by others even for a moment. The key is written first. The
    /// directory is created with mode 0700 if it is missing; existing files are replaced.
    ///
    /// - Parameters:
    ///   - directory: the PKI directory.
    ///   - name: base file name; default (`nil`) is ``id``.
    /// - Returns: the paths written.
    @discardableResult
    public func write(to directory: String, name: String? = nil) throws -> IdentityFiles {
        let name = name ?? id
        guard IdentityRequest.isValidID(name), name != "ca" else {
            throw PKIError.invalidIdentity(id: name, reason: "not usable as a file name in a PKI directory")
        }
        let files = IdentityFiles(directory: directory, name: name)
        try FileSupport.ensurePrivateDirectory(directory)
        try FileSupport.writeAtomically(privateKeyPEM, to: files.keyPath, mode: 0o600)
        try FileSupport.writeAtomically(certificatePEM, to: files.certificatePath, mode: 0o644)
        return files
    }
}

/// Where an identity's certificate and key live in a PKI directory: `<dir>/<name>.crt` and `<dir>/<name>.key`.
public struct IdentityFiles: Sendable, Hashable {
    /// `<directory>/<name>.crt`
    public let certificatePath: String
    /// `<directory>/<name>.key`
    public let keyPath: String

    /// The paths of identity `name` in `directory`.
    public init(directory: String, name: String) {
        certificatePath = CertificateAuthority.path(directory, name + ".crt")
        keyPath = CertificateAuthority.path(directory, name + ".key")
    }
}
