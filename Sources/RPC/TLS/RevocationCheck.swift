import NIOSSL

/// The TLS handlers that refuse, during the handshake, a peer whose certificate — or any
/// certificate of its chain — has a revoked serial: a server refusing a client, a client
/// refusing a server.
///
/// NIOSSL's old-style verification callback runs for each certificate of the peer's chain after
/// BoringSSL's own verification, with its verdict, so a deny list can be added to the CA check
/// without replacing it; the newer `customVerificationCallback` would replace the whole check.
/// NIOSSL marks those initialisers deprecated: they are reached through protocols naming the
/// same requirements, so that the deliberate uses do not warn.
enum RevocationCheck {
    static func serverHandler(context: NIOSSLContext, refusing revoked: RevokedSerials) throws -> NIOSSLServerHandler {
        guard revoked.count > 0 else { return NIOSSLServerHandler(context: context) }
        return try make(NIOSSLServerHandler.self, context: context) { verdict, certificate in
            revoked.contains(serial: certificate.serialNumber) ? .failed : verdict
        }
    }

    /// `refused` learns the serial of a server certificate refused as revoked, so that the
    /// caller's error can say why the handshake failed.
    static func clientHandler(
        context: NIOSSLContext, serverHostname: String?, refusing revoked: RevokedSerials,
        refused: @escaping @Sendable (String) -> Void
    ) throws -> NIOSSLClientHandler {
        guard revoked.count > 0 else { return try NIOSSLClientHandler(context: context, serverHostname: serverHostname) }
        return try make(NIOSSLClientHandler.self, context: context, serverHostname: serverHostname) { verdict, certificate in
            guard revoked.contains(serial: certificate.serialNumber) else { return verdict }
            refused(RevokedSerials.hex(certificate.serialNumber))
            return .failed
        }
    }

    private static func make<H: PreverifyingServerHandler>(
        _ type: H.Type, context: NIOSSLContext, _ callback: @escaping NIOSSLVerificationCallback
    ) throws -> H {
        try H(context: context, verificationCallback: callback)
    }

    private static func make<H: PreverifyingClientHandler>(
        _ type: H.Type, context: NIOSSLContext, serverHostname: String?, _ callback: @escaping NIOSSLVerificationCallback
    ) throws -> H {
        try H(context: context, serverHostname: serverHostname, verificationCallback: callback)
    }
}

private protocol PreverifyingServerHandler {
    init(context: NIOSSLContext, verificationCallback: NIOSSLVerificationCallback?) throws
}

private protocol PreverifyingClientHandler {
    init(context: NIOSSLContext, serverHostname: String?, verificationCallback: NIOSSLVerificationCallback?) throws
}

extension NIOSSLServerHandler: PreverifyingServerHandler {}
extension NIOSSLClientHandler: PreverifyingClientHandler {}
