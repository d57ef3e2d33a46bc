import Logging

/// What a connection knows of its peer: the same for every call it carries, so made once
/// (when the handshake names the peer) and shared by every call's ``ServerContext``: copied
/// into each call field by field, they cost a dozen retains and releases a call
/// (BENCHMARKS.md, "CPU per call").
final class ConnectionPeer: Sendable {
    let principal: Principal
    /// The peer's address, for logs.
    let address: String
    let logger: Logger

    init(principal: Principal, address: String, logger: Logger) {
        self.principal = principal
        self.address = address
        self.logger = logger
    }

    /// Before the handshake, or for a certificate that names no one.
    static func unidentified(address: String, logger: Logger) -> ConnectionPeer {
        ConnectionPeer(principal: Principal(kind: .unidentified, identity: "unknown"), address: address, logger: logger)
    }

    func identified(as principal: Principal?) -> ConnectionPeer {
        principal.map { ConnectionPeer(principal: $0, address: address, logger: logger) } ?? self
    }
}
