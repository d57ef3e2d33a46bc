/// An error from the development PKI: creating, loading, issuing or writing certificates and keys.
///
/// Every case carries the file or identity it is about, and ``description`` is a sentence an
/// operator can act on, e.g.
/// `cannot read CA private key /etc/jcskills/tls/ca.key: the PEM block is "CERTIFICATE", expected "PRIVATE KEY"`.
public enum PKIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A file could not be read (missing, unreadable, not UTF-8).
    case unreadableFile(path: String, reason: String)
    /// A certificate in PEM form could not be parsed. `source` names the file or says "certificate PEM".
    case invalidCertificate(source: String, reason: String)
    /// A private key in PEM form could not be parsed. `source` names the file or says "private key PEM".
    case invalidPrivateKey(source: String, reason: String)
    /// The private key given for a CA is not the key of its certificate.
    case keyDoesNotMatchCertificate(certificate: String, key: String)
    /// The certificate given as a CA is not a CA certificate (no `basicConstraints` CA:TRUE).
    case notACertificateAuthority(source: String)
    /// An identity request is not acceptable (bad id, bad URI, bad DNS name, bad validity period).
    case invalidIdentity(id: String, reason: String)
    /// An IP address in an identity request is neither dotted IPv4 nor IPv6 text.
    case invalidIPAddress(String)
    /// A certificate already in a PKI directory was not issued by that directory's `ca.crt`.
    case notIssuedByCA(path: String, caPath: String)
    /// Writing would destroy a file that may still be needed; nothing was written.
    case refusingToOverwrite(path: String, reason: String)
    /// A file or directory could not be created or written.
    case writeFailed(path: String, reason: String)
    /// Building or signing a certificate failed inside the X.509 library.
    case signingFailed(subject: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .invalidCertificate(let source, let reason):
            return "cannot read certificate \(source): \(reason)"
        case .invalidPrivateKey(let source, let reason):
            return "cannot read private key \(source): \(reason)"
        case .keyDoesNotMatchCertificate(let certificate, let key):
            return "private key \(key) does not belong to certificate \(certificate)"
        case .notACertificateAuthority(let source):
            return "certificate \(source) is not a CA certificate (it lacks basicConstraints CA:TRUE)"
        case .invalidIdentity(let id, let reason):
            return "invalid identity \"\(id)\": \(reason)"
        case .invalidIPAddress(let text):
            return "invalid IP address \"\(text)\": expected IPv4 (127.0.0.1) or IPv6 (::1) text"
        case .notIssuedByCA(let path, let caPath):
            return "\(path) was not issued by \(caPath); delete it to have it reissued, or re-create the whole directory with overwrite"
        case .refusingToOverwrite(let path, let reason):
            return "refusing to overwrite \(path): \(reason)"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .signingFailed(let subject, let reason):
            return "cannot create the certificate for \(subject): \(reason)"
        }
    }
}
