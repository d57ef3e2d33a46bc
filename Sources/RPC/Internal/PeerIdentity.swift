import NIOSSL
import X509

enum PeerIdentity {
    /// The principal named by a peer certificate: its first `jcskills://` SAN URI.
    /// Parsed once per connection (docs/ANCHORS.md §1: gRPC's per-call re-parsing was a measurable cost).
    static func principal(from certificate: NIOSSLCertificate?) -> Principal {
        guard let certificate, let der = try? certificate.toDERBytes(),
              let parsed = try? Certificate(derEncoded: der)
        else { return Principal(kind: .unidentified, identity: "unknown") }
        if let names = try? parsed.extensions.subjectAlternativeNames {
            for name in names {
                if case .uniformResourceIdentifier(let uri) = name, let principal = Principal(uri: uri) {
                    return principal
                }
            }
        }
        return Principal(kind: .unidentified, identity: parsed.subject.description)
    }
}
