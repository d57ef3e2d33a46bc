import JCSkillsRPC
import NIOSSL

/// Who a dashboard caller's client certificate names, for the pages scoped by county
/// (``QualityRoute``).
struct DashboardClientIdentity: Sendable {
    let principal: Principal
}

extension DashboardRequestContext {
    /// The certificate's first `jcskills://` URI, read as the RPC server reads a peer's
    /// (Sources/RPC/Internal/PeerIdentity.swift); nil without a certificate or without such a
    /// name. NIOSSL verified the certificate against the city CA in the handshake.
    var clientIdentity: DashboardClientIdentity? {
        get async {
            guard let certificate = try? await channel.nioSSL_peerCertificate().get() else { return nil }
            for name in certificate._subjectAlternativeNames() where name.nameType == .uri {
                let uri = name.contents.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
                if let principal = Principal(uri: uri) { return DashboardClientIdentity(principal: principal) }
            }
            return nil
        }
    }
}
