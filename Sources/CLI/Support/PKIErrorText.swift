import JCSkillsMessages
import JCSkillsPKI

extension PKIError {
    /// The error in the user's language. The library's `description` is the English; a case
    /// whose wording the catalogue does not have (its English differs) keeps the library's
    /// reason after the Chinese for what went wrong.
    var message: Message {
        let known: Message = switch self {
        case .unreadableFile(let path, let reason): Messages.PKI.unreadableFile(path, reason: reason)
        case .invalidCertificate(let source, let reason): Messages.PKI.invalidCertificate(source, reason: reason)
        case .invalidPrivateKey(let source, let reason): Messages.PKI.invalidPrivateKey(source, reason: reason)
        case .keyDoesNotMatchCertificate(let certificate, let key): Messages.PKI.keyDoesNotMatch(certificate: certificate, key: key)
        case .notACertificateAuthority(let source): Messages.PKI.notACA(source)
        case .invalidIdentity(let id, let reason):
            [Messages.PKI.reservedIdentity, Messages.PKI.badIdentityName(id)].first { $0.en == description }
                ?? Messages.PKI.invalidIdentity(id, reason: reason)
        case .invalidIPAddress(let text): Messages.PKI.invalidIPAddress(text)
        case .notIssuedByCA(let path, let caPath): Messages.PKI.notIssuedByCA(path, ca: caPath)
        case .refusingToOverwrite(let path, _):
            [Messages.PKI.caKeyWithoutCertificate(path, certificate: CertificateAuthority.certificateFileName),
             Messages.PKI.fileOfAnotherCA(path, certificate: CertificateAuthority.certificateFileName)].first { $0.en == description }
                ?? Messages.PKI.failed(description)
        case .writeFailed(let path, let reason): Messages.PKI.writeFailed(path, reason: reason)
        case .signingFailed(let subject, let reason): Messages.PKI.signingFailed(subject, reason: reason)
        }
        return known.en == description ? known : Messages.PKI.failed(description)
    }
}
