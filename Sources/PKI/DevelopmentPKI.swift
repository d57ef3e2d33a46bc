import Foundation
import X509

/// The development PKI behind `jcskills pki init --out DIR` and `jcskills local up`.
///
/// A PKI directory holds `ca.crt`, `ca.key` and, for every identity, `<id>.crt` and `<id>.key`
/// (PEM; keys PKCS#8, mode 0600; the directory mode 0700 when created here).
public enum DevelopmentPKI {
    /// The identities every development PKI has: the five services and the operator client
    /// `admin`. Their SAN URIs are `jcskills://<id>`.
    public static let standardIdentities = ["registry", "training", "evaluation", "competition", "gateway", "admin"]

    /// Creates or completes a development PKI in `directory`.
    ///
    /// - If `directory` has no `ca.crt` (or `overwrite` is true), a new CA is generated with
    ///   ``CertificateAuthority/generate(commonName:validityDays:)`` defaults and every identity
    ///   is issued. Without `overwrite` this refuses (``PKIError/refusingToOverwrite(path:reason:)``)
    ///   if a lone `ca.key` or any of the identities' files is already there: they belong to a CA
    ///   that is gone, and replacing them silently could lose a key someone needs.
    /// - If `directory` has a `ca.crt` and `overwrite` is false (the default), the CA is reused
    ///   byte for byte and only identities whose `.crt` or `.key` is missing are issued (`ca.key`
    ///   is needed only then). Existing identity certificates are checked to be issued by that CA
    ///   (``PKIError/notIssuedByCA(path:caPath:)`` otherwise) and are never replaced, even when
    ///   expired: delete the two files to have an identity reissued. This makes it safe to call
    ///   on every start.
    ///
    /// Identities are ``standardIdentities`` (with ``IdentityRequest`` defaults) followed by
    /// `extraIdentities`; an extra request with a standard id replaces the standard request.
    /// Other files in the directory are left alone.
    ///
    /// - Parameters:
    ///   - directory: the PKI directory; created with mode 0700 (and parents) if missing.
    ///   - extraIdentities: more identities, e.g. `IdentityRequest(id: "county-140524")` or `IdentityRequest(id: "auditor")`.
    ///   - overwrite: replace the CA and every listed identity. Default false.
    /// - Returns: what was created and what was kept.
    @discardableResult
    public static func initialise(
        at directory: String,
        extraIdentities: [IdentityRequest] = [],
        overwrite: Bool = false
    ) throws -> PKISummary {
        // Validate every request before touching the disk.
        var requests: [IdentityRequest] = standardIdentities.map { IdentityRequest(id: $0) }
        for extra in extraIdentities {
            if let index = requests.firstIndex(where: { $0.id == extra.id }) {
                requests[index] = extra
            } else {
                requests.append(extra)
            }
        }
        for request in requests { _ = try request.validated() }

        try FileSupport.ensurePrivateDirectory(directory)
        let caCertificatePath = CertificateAuthority.path(directory, CertificateAuthority.certificateFileName)
        let caKeyPath = CertificateAuthority.path(directory, CertificateAuthority.privateKeyFileName)
        var summary = PKISummary(directory: directory, createdCA: false, created: [], kept: [])

        if overwrite || !FileSupport.fileExists(caCertificatePath) {
            if !overwrite {
                if FileSupport.fileExists(caKeyPath) {
                    throw PKIError.refusingToOverwrite(
                        path: caKeyPath,
                        reason: "there is a CA key but no \(CertificateAuthority.certificateFileName); restore it, or re-create the directory with overwrite"
                    )
                }
                for request in requests {
                    let files = IdentityFiles(directory: directory, name: request.id)
                    for path in [files.certificatePath, files.keyPath] where FileSupport.fileExists(path) {
                        throw PKIError.refusingToOverwrite(
                            path: path,
                            reason: "the directory has no \(CertificateAuthority.certificateFileName), so this file belongs to another CA; remove it, or re-create the directory with overwrite"
                        )
                    }
                }
            }
            let ca = try CertificateAuthority.generate()
            // Issue everything before writing anything, so a bad request leaves no half PKI.
            let identities = try requests.map { try ca.issue($0) }
            try ca.write(to: directory)
            summary.createdCA = true
            for identity in identities {
                try identity.write(to: directory)
                summary.created.append(identity.id)
            }
            return summary
        }

        let caCertificate = try CertificateAuthority.parseCertificate(
            try FileSupport.readText(caCertificatePath),
            source: caCertificatePath
        )
        var ca: CertificateAuthority?
        for request in requests {
            let files = IdentityFiles(directory: directory, name: request.id)
            if FileSupport.fileExists(files.certificatePath) && FileSupport.fileExists(files.keyPath) {
                let certificate = try CertificateAuthority.parseCertificate(
                    try FileSupport.readText(files.certificatePath),
                    source: files.certificatePath
                )
                guard certificate.issuer == caCertificate.subject,
                    caCertificate.publicKey.isValidSignature(certificate.signature, for: certificate)
                else {
                    throw PKIError.notIssuedByCA(path: files.certificatePath, caPath: caCertificatePath)
                }
                summary.kept.append(request.id)
                continue
            }
            if ca == nil {
                let loaded = try CertificateAuthority(loadingFrom: directory)
                guard loaded.certificate == caCertificate else {
                    throw PKIError.unreadableFile(path: caCertificatePath, reason: "changed while being read")
                }
                ca = loaded
            }
            guard let ca else { continue }
            try ca.issue(request).write(to: directory)
            summary.created.append(request.id)
        }
        return summary
    }
}

/// What ``DevelopmentPKI/initialise(at:extraIdentities:overwrite:)`` did.
public struct PKISummary: Sendable, Hashable, CustomStringConvertible {
    /// The PKI directory.
    public var directory: String
    /// Whether a new CA was generated (false when an existing `ca.crt` was reused).
    public var createdCA: Bool
    /// Ids whose certificate and key were written by this call, in order.
    public var created: [String]
    /// Ids whose existing files were kept, in order.
    public var kept: [String]

    /// `<directory>/ca.crt`
    public var caCertificatePath: String {
        CertificateAuthority.path(directory, CertificateAuthority.certificateFileName)
    }

    /// `<directory>/ca.key`
    public var caKeyPath: String {
        CertificateAuthority.path(directory, CertificateAuthority.privateKeyFileName)
    }

    /// The certificate and key paths of identity `id` in this directory.
    public func files(for id: String) -> IdentityFiles {
        IdentityFiles(directory: directory, name: id)
    }

    /// A few lines for a terminal, e.g. `CA: created <dir>/ca.crt` / `created: registry, …` / `kept: …`.
    public var description: String {
        var lines = ["CA: \(createdCA ? "created" : "kept") \(caCertificatePath)"]
        if !created.isEmpty { lines.append("created: " + created.joined(separator: ", ")) }
        if !kept.isEmpty { lines.append("kept: " + kept.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }
}
