import Crypto
import Foundation
import SwiftASN1
import X509

/// A certificate authority that issues service and client identities for the RPC protocol's
/// mutual TLS.
///
/// Development sites generate one with ``generate(commonName:validityDays:)`` (or let
/// ``DevelopmentPKI/initialise(at:extraIdentities:overwrite:)`` do it); a site with its own
/// tooling can load an existing CA from PEM with ``init(certificatePEM:privateKeyPEM:)`` or
/// ``init(loadingFrom:)``. Loaded CAs may use ECDSA P-256/P-384/P-521, RSA or Ed25519 keys;
/// generated ones use ECDSA P-256.
public struct CertificateAuthority: Sendable {
    /// The CA certificate (self-signed for generated CAs).
    public let certificate: Certificate
    private let privateKey: Certificate.PrivateKey

    /// The CA certificate as PEM (`-----BEGIN CERTIFICATE-----`), the contents of `ca.crt`.
    public let certificatePEM: String
    /// The CA private key as PEM, the contents of `ca.key`. Generated CAs use PKCS#8
    /// (`-----BEGIN PRIVATE KEY-----`); loaded CAs keep the text they were loaded from.
    public let privateKeyPEM: String

    /// File name of the CA certificate in a PKI directory: `ca.crt`.
    public static let certificateFileName = "ca.crt"
    /// File name of the CA private key in a PKI directory: `ca.key`.
    public static let privateKeyFileName = "ca.key"
    /// Common name of a generated CA when none is given: `Jincheng Skills Development CA`.
    public static let defaultCommonName = "Jincheng Skills Development CA"
    /// Validity of a generated CA when none is given: 3650 days.
    public static let defaultValidityDays = 3650
    /// Organisation name put in the subject of every generated certificate.
    static let organisation = "Jincheng Skills Programme"

    /// Generates a new self-signed CA with an ECDSA P-256 key.
    ///
    /// The certificate has `basicConstraints` CA:TRUE (critical, no path length limit),
    /// `keyUsage` keyCertSign + cRLSign (critical), a subject key identifier, and is valid from
    /// one hour ago (clock skew) for `validityDays`.
    ///
    /// - Parameters:
    ///   - commonName: subject CN; default `"Jincheng Skills Development CA"`.
    ///   - validityDays: lifetime in days; default 3650 (ten years).
    public static func generate(
        commonName: String = defaultCommonName,
        validityDays: Int = defaultValidityDays
    ) throws -> CertificateAuthority {
        guard validityDays > 0 else {
            throw PKIError.invalidIdentity(id: "ca", reason: "validityDays must be positive, got \(validityDays)")
        }
        let key = P256.Signing.PrivateKey()
        let privateKey = Certificate.PrivateKey(key)
        let now = Date()
        let name = try DistinguishedName {
            OrganizationName(organisation)
            CommonName(commonName)
        }
        let certificate: Certificate
        do {
            certificate = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: privateKey.publicKey,
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(Double(validityDays) * 86_400),
                issuer: name,
                subject: name,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                    SubjectKeyIdentifier(hash: privateKey.publicKey)
                },
                issuerPrivateKey: privateKey
            )
        } catch {
            throw PKIError.signingFailed(subject: commonName, reason: String(describing: error))
        }
        return try CertificateAuthority(
            certificate: certificate,
            privateKey: privateKey,
            privateKeyPEM: key.pemRepresentation
        )
    }

    /// Loads a CA from its certificate and private key in PEM form.
    ///
    /// The certificate must be a CA certificate (`basicConstraints` CA:TRUE) and the key must be
    /// its key. If `certificatePEM` holds several certificates (a bundle), the first is the CA.
    /// - Throws: ``PKIError`` `.invalidCertificate`, `.invalidPrivateKey`,
    ///   `.notACertificateAuthority` or `.keyDoesNotMatchCertificate`.
    public init(certificatePEM: String, privateKeyPEM: String) throws {
        try self.init(
            certificatePEM: certificatePEM,
            privateKeyPEM: privateKeyPEM,
            certificateSource: "(CA certificate PEM)",
            keySource: "(CA private key PEM)"
        )
    }

    /// Loads the CA kept in a PKI directory: `<directory>/ca.crt` and `<directory>/ca.key`.
    /// - Throws: ``PKIError`` `.unreadableFile` if either file is missing or unreadable, and the
    ///   errors of ``init(certificatePEM:privateKeyPEM:)`` naming the file at fault.
    public init(loadingFrom directory: String) throws {
        let certificatePath = Self.path(directory, Self.certificateFileName)
        let keyPath = Self.path(directory, Self.privateKeyFileName)
        try self.init(
            certificatePEM: try FileSupport.readText(certificatePath),
            privateKeyPEM: try FileSupport.readText(keyPath),
            certificateSource: certificatePath,
            keySource: keyPath
        )
    }

    init(certificatePEM: String, privateKeyPEM: String, certificateSource: String, keySource: String) throws {
        let certificate = try Self.parseCertificate(certificatePEM, source: certificateSource)
        let privateKey: Certificate.PrivateKey
        do {
            let documents = try PEMDocument.parseMultiple(pemString: privateKeyPEM)
            guard documents.count == 1, let document = documents.first else {
                throw PKIError.invalidPrivateKey(
                    source: keySource,
                    reason: "expected exactly one PEM block, found \(documents.count)"
                )
            }
            privateKey = try Certificate.PrivateKey(pemDocument: document)
        } catch let error as PKIError {
            throw error
        } catch {
            throw PKIError.invalidPrivateKey(source: keySource, reason: Self.readable(error))
        }
        guard privateKey.publicKey == certificate.publicKey else {
            throw PKIError.keyDoesNotMatchCertificate(certificate: certificateSource, key: keySource)
        }
        try self.init(
            certificate: certificate,
            privateKey: privateKey,
            privateKeyPEM: privateKeyPEM,
            source: certificateSource
        )
    }

    private init(
        certificate: Certificate,
        privateKey: Certificate.PrivateKey,
        privateKeyPEM: String,
        source: String = "(generated CA)"
    ) throws {
        guard case .isCertificateAuthority = try? certificate.extensions.basicConstraints else {
            throw PKIError.notACertificateAuthority(source: source)
        }
        self.certificate = certificate
        self.privateKey = privateKey
        self.privateKeyPEM = privateKeyPEM.hasSuffix("\n") ? privateKeyPEM : privateKeyPEM + "\n"
        do {
            self.certificatePEM = try certificate.serializeAsPEM().pemString + "\n"
        } catch {
            throw PKIError.invalidCertificate(source: source, reason: Self.readable(error))
        }
    }

    /// Issues a certificate and a fresh ECDSA P-256 key for one identity.
    ///
    /// The certificate's subject is `O=Jincheng Skills Programme, CN=<id>`; it carries the SAN
    /// URI, DNS names and IP addresses of `request`, key usage digitalSignature (critical),
    /// extended key usage serverAuth + clientAuth, basicConstraints CA:FALSE (critical), a
    /// subject key identifier and an authority key identifier (the CA's subject key identifier).
    /// `notValidAfter` is capped at the CA's own expiry.
    /// - Throws: ``PKIError/invalidIdentity(id:reason:)`` or ``PKIError/invalidIPAddress(_:)``
    ///   for a bad request, ``PKIError/signingFailed(subject:reason:)`` if signing fails.
    public func issue(_ request: IdentityRequest) throws -> IssuedIdentity {
        let ipAddresses = try request.validated()
        let notValidAfter = min(request.notValidAfter, certificate.notValidAfter)
        guard request.notValidBefore < notValidAfter else {
            throw PKIError.invalidIdentity(
                id: request.id,
                reason: "the validity period ends before it starts once capped at the CA's expiry (\(certificate.notValidAfter))"
            )
        }
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let authorityKeyID = try? certificate.extensions.subjectKeyIdentifier?.keyIdentifier
        var names: [GeneralName] = [.uniformResourceIdentifier(request.uri)]
        names += request.dnsNames.map { GeneralName.dnsName($0) }
        names += ipAddresses.map { GeneralName.ipAddress(ASN1OctetString(contentBytes: $0[...])) }
        let sans = SubjectAlternativeNames(names)

        let leaf: Certificate
        do {
            let subject = try DistinguishedName {
                OrganizationName(Self.organisation)
                CommonName(request.id)
            }
            leaf = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: publicKey,
                notValidBefore: request.notValidBefore,
                notValidAfter: notValidAfter,
                issuer: certificate.subject,
                subject: subject,
                signatureAlgorithm: Self.signatureAlgorithm(for: privateKey),
                extensions: Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(digitalSignature: true))
                    try ExtendedKeyUsage([.serverAuth, .clientAuth])
                    sans
                    SubjectKeyIdentifier(hash: publicKey)
                    if let authorityKeyID {
                        AuthorityKeyIdentifier(keyIdentifier: authorityKeyID)
                    }
                },
                issuerPrivateKey: privateKey
            )
        } catch let error as PKIError {
            throw error
        } catch {
            throw PKIError.signingFailed(subject: request.id, reason: Self.readable(error))
        }
        do {
            return IssuedIdentity(
                id: request.id,
                certificate: leaf,
                certificatePEM: try leaf.serializeAsPEM().pemString + "\n",
                privateKeyPEM: key.pemRepresentation + "\n"
            )
        } catch {
            throw PKIError.signingFailed(subject: request.id, reason: Self.readable(error))
        }
    }

    /// Writes `ca.crt` (mode 0644) and `ca.key` (mode 0600) into `directory`, each atomically,
    /// creating the directory with mode 0700 if it is missing. Existing files are replaced.
    public func write(to directory: String) throws {
        try FileSupport.ensurePrivateDirectory(directory)
        try FileSupport.writeAtomically(privateKeyPEM, to: Self.path(directory, Self.privateKeyFileName), mode: 0o600)
        try FileSupport.writeAtomically(certificatePEM, to: Self.path(directory, Self.certificateFileName), mode: 0o644)
    }

    /// Whether `certificate` carries a valid signature by this CA (its issuer name and
    /// signature; validity dates are not checked).
    public func hasIssued(_ certificate: Certificate) -> Bool {
        certificate.issuer == self.certificate.subject
            && self.certificate.publicKey.isValidSignature(certificate.signature, for: certificate)
    }

    // MARK: helpers

    static func path(_ directory: String, _ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    /// Parses the first certificate of a PEM text, with errors that name `source`.
    static func parseCertificate(_ pem: String, source: String) throws -> Certificate {
        do {
            let documents = try PEMDocument.parseMultiple(pemString: pem)
            guard let first = documents.first else {
                throw PKIError.invalidCertificate(source: source, reason: "no PEM block found")
            }
            guard first.discriminator == Certificate.defaultPEMDiscriminator else {
                throw PKIError.invalidCertificate(
                    source: source,
                    reason: "the first PEM block is \"\(first.discriminator)\", expected \"CERTIFICATE\""
                )
            }
            return try Certificate(pemDocument: first)
        } catch let error as PKIError {
            throw error
        } catch {
            throw PKIError.invalidCertificate(source: source, reason: readable(error))
        }
    }

    private static func signatureAlgorithm(for key: Certificate.PrivateKey) -> Certificate.SignatureAlgorithm {
        let supported = key.supportedSignatureAlgorithms
        for preferred: Certificate.SignatureAlgorithm in [.ecdsaWithSHA256, .sha256WithRSAEncryption, .ed25519]
        where supported.contains(preferred) {
            return preferred
        }
        return supported.last ?? .ecdsaWithSHA256
    }

    static func readable(_ error: any Error) -> String {
        if let error = error as? ASN1Error {
            return "malformed PEM/DER (\(error.code)): \(error)"
        }
        return String(describing: error)
    }
}
