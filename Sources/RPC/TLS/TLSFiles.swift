import Foundation
import JCSkillsProtocol
import NIOSSL

/// Where a process finds its certificate, its private key and the CA it trusts (PEM files).
///
/// `jcskills pki init --out DIR` writes `DIR/ca.crt` and `DIR/<id>.crt` / `DIR/<id>.key`;
/// ``init(directory:identity:)`` reads that layout. Sites with their own PKI give the three
/// paths directly.
public struct TLSFiles: Sendable, Hashable {
    public var certificateChain: String
    public var privateKey: String
    public var trustRoots: String
    /// A file of revoked certificate serials (``RevokedSerials``), or nil for none. A server
    /// refuses, during the handshake, a client certificate listed there (read again with the
    /// other files on reload, ``ServerTLS/reload()``); a client refuses a server certificate
    /// listed there (read again whenever the file changes, ``RevokedSerialsFile``).
    public var revokedSerials: String?

    public init(certificateChain: String, privateKey: String, trustRoots: String, revokedSerials: String? = nil) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.trustRoots = trustRoots
        self.revokedSerials = revokedSerials
    }

    public init(directory: String, identity: String) {
        let base = URL(fileURLWithPath: directory)
        self.init(
            certificateChain: base.appendingPathComponent("\(identity).crt").path,
            privateKey: base.appendingPathComponent("\(identity).key").path,
            trustRoots: base.appendingPathComponent("ca.crt").path)
    }

    /// TLS for a server: TLS 1.3 only, a client certificate signed by the trusted CA required.
    public func makeServerContext() throws -> NIOSSLContext {
        let (chain, key, roots) = try load()
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv13
        configuration.trustRoots = .certificates(roots)
        // Clients have no host names to check; the identity comes from the SAN URI instead.
        configuration.certificateVerification = .noHostnameVerification
        configuration.applicationProtocols = [ConnectionPreface.alpn]
        return try NIOSSLContext(configuration: configuration)
    }

    /// TLS for a client: TLS 1.3, the server's certificate checked against the trusted CA and
    /// the address dialled.
    public func makeClientContext() throws -> NIOSSLContext {
        let (chain, key, roots) = try load()
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv13
        configuration.certificateChain = chain.map { .certificate($0) }
        configuration.privateKey = .privateKey(key)
        configuration.trustRoots = .certificates(roots)
        configuration.certificateVerification = .fullVerification
        configuration.applicationProtocols = [ConnectionPreface.alpn]
        return try NIOSSLContext(configuration: configuration)
    }

    /// The first certificate of the chain file: this process's own.
    public func leafCertificate() throws -> NIOSSLCertificate {
        try load().0[0]
    }

    private func load() throws -> ([NIOSSLCertificate], NIOSSLPrivateKey, [NIOSSLCertificate]) {
        func read(_ path: String, _ what: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TLSFilesError(path: path, reason: "cannot read the \(what) file")
            }
            return Array(data)
        }
        do {
            let chain = try NIOSSLCertificate.fromPEMBytes(read(certificateChain, "certificate"))
            guard !chain.isEmpty else { throw TLSFilesError(path: certificateChain, reason: "no certificate in the file") }
            let key = try NIOSSLPrivateKey(bytes: read(privateKey, "private key"), format: .pem)
            let roots = try NIOSSLCertificate.fromPEMBytes(read(trustRoots, "CA certificate"))
            guard !roots.isEmpty else { throw TLSFilesError(path: trustRoots, reason: "no CA certificate in the file") }
            return (chain, key, roots)
        } catch let error as TLSFilesError {
            throw error
        } catch {
            throw TLSFilesError(path: "\(certificateChain), \(privateKey), \(trustRoots)", reason: "not valid PEM (\(error))")
        }
    }
}

public struct TLSFilesError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "TLS files: \(path): \(reason)" }
}
