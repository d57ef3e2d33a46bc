import Crypto
import Foundation
import SwiftASN1
import X509

/// A throwaway CA and two identities for one benchmark run, shaped like `jcskills pki init`'s
/// (ECDSA P-256, SAN URI `jcskills://…`, SAN 127.0.0.1 and localhost, serverAuth + clientAuth),
/// so every implementation pays for the same certificates and TLS 1.3 handshake.
/// Generated here rather than taken from the main package, whose PKI module it does not export.
struct BenchPKI {
    let directory: String

    /// `<directory>/<id>.crt` and `.key` for `server` and `client`, and `ca.crt`.
    func certificate(_ id: String) -> String { "\(directory)/\(id).crt" }
    func key(_ id: String) -> String { "\(directory)/\(id).key" }
    var ca: String { "\(directory)/ca.crt" }

    static func create(in directory: String) throws -> BenchPKI {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let caKey = P256.Signing.PrivateKey()
        let caPrivate = Certificate.PrivateKey(caKey)
        let caName = try DistinguishedName { CommonName("jcskills-bench CA") }
        let now = Date()
        let caCertificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: caPrivate.publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(86_400),
            issuer: caName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: caPrivate.publicKey)
            },
            issuerPrivateKey: caPrivate)
        let pki = BenchPKI(directory: directory)
        try write(caCertificate.serializeAsPEM().pemString, to: pki.ca)
        // The URIs are the roles our server's access policy checks: the echo service answers
        // `jcskills://admin` only.
        for (id, uri) in [("server", "jcskills://registry"), ("client", "jcskills://admin")] {
            let key = P256.Signing.PrivateKey()
            let publicKey = Certificate.PublicKey(key.publicKey)
            let leaf = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(86_400),
                issuer: caName, subject: try DistinguishedName { CommonName(id) },
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(digitalSignature: true))
                    try ExtendedKeyUsage([.serverAuth, .clientAuth])
                    SubjectAlternativeNames([
                        .uniformResourceIdentifier(uri), .dnsName("localhost"),
                        .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    ])
                },
                issuerPrivateKey: caPrivate)
            try write(leaf.serializeAsPEM().pemString, to: pki.certificate(id))
            try write(key.pemRepresentation, to: pki.key(id))
        }
        return pki
    }

    private static func write(_ text: String, to path: String) throws {
        try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }
}
