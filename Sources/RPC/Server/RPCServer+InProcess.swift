import JCSkillsProtocol
import NIOCore
import NIOPosix

/// What an in-process connection delivers in place of a TLS handshake: who is at the other end.
/// Both handlers take it as they take `TLSUserEvent.handshakeCompleted` and the peer's
/// certificate (Sources/RPC/Internal/PeerIdentity.swift).
struct InProcessPeer: Sendable {
    let principal: Principal
}

extension RPCServer {
    /// The identity an in-process client sees this server as: `jcskills://<serverName>`, what
    /// its certificate would name.
    var inProcessPrincipal: Principal {
        let uri = "jcskills://\(configuration.serverName)"
        return Principal(uri: uri) ?? Principal(kind: .unidentified, identity: uri)
    }

    /// A connection to this server from within the process, for ``RPCClient/init(inProcess:as:configuration:group:)``:
    /// the two ends of a socket pair, each with the handlers a network connection has except
    /// TLS, so framing, flow control, deadlines, limits and draining are the protocol's own.
    /// The server sees the caller as `client`, as it would the identity in a certificate.
    ///
    /// - Parameter clientInitializer: adds the client's handlers to its end.
    /// - Returns: the client's end, once both ends have been told who is at the other.
    func connectInProcess(
        as client: Principal, clientLoop: any EventLoop,
        clientInitializer: @escaping @Sendable (any Channel) -> EventLoopFuture<Void>
    ) -> EventLoopFuture<any Channel> {
        let draining = state.withLock { $0.draining }
        guard !draining else {
            return clientLoop.makeFailedFuture(RPCError(.unavailable, "\(configuration.serverName) is shutting down"))
        }
        var descriptors: [CInt] = [-1, -1]
        guard socketpair(AF_UNIX, CInt(SOCK_STREAM.rawValue), 0, &descriptors) == 0 else {
            return clientLoop.makeFailedFuture(RPCError(.unavailable, "socketpair failed: errno \(errno)"))
        }
        let shared = self.shared
        guard shared.budget.admitConnection() else {
            close(descriptors[0])
            close(descriptors[1])
            return clientLoop.makeFailedFuture(RPCError(.unavailable, "connection limit reached"))
        }
        let serverEnd = ClientBootstrap(group: group)
            .channelOption(.writeBufferWaterMark, value: .init(
                low: configuration.outboundHighWatermark / 2, high: configuration.outboundHighWatermark))
            .channelInitializer { channel in
                channel.closeFuture.whenComplete { _ in shared.budget.connectionClosed() }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(BackPressureHandler())
                    try channel.pipeline.syncOperations.addHandler(ServerConnectionHandler(shared: shared, eventLoop: channel.eventLoop))
                }
            }
            .withConnectedSocket(descriptors[0])
        let clientEnd = ClientBootstrap(group: clientLoop)
            .channelInitializer(clientInitializer)
            .withConnectedSocket(descriptors[1])
        let server = inProcessPrincipal
        serverEnd.and(clientEnd).whenFailure { _ in
            serverEnd.whenSuccess { $0.close(promise: nil) }
            clientEnd.whenSuccess { $0.close(promise: nil) }
        }
        // The server learns the caller before the client may send a call: the client's event
        // goes out only once the server's has been handled.
        return serverEnd.and(clientEnd).flatMap { serverChannel, clientChannel in
            serverChannel.eventLoop.submit {
                serverChannel.pipeline.fireUserInboundEventTriggered(InProcessPeer(principal: client))
            }.flatMap {
                clientChannel.eventLoop.submit {
                    clientChannel.pipeline.fireUserInboundEventTriggered(InProcessPeer(principal: server))
                    return clientChannel
                }
            }
        }.hop(to: clientLoop)
    }
}
