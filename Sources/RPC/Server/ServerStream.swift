import JCSkillsProtocol
import NIOCore

/// What the connection handler keeps for one call's handler, beside the protocol state the
/// connection machine keeps for its stream (StateMachine/ServerStreamState.swift). Lives on the
/// connection's event loop.
final class ServerStream {
    let id: UInt32
    let method: RegisteredMethod
    let context: ServerContext
    /// Client-streaming and bidirectional calls: messages for the handler to take.
    let inbound: InboundMessages?
    var task: Task<Void, Never>?
    /// A handler's `send` waiting for credit or for the socket.
    var writerWaiter: UnsafeContinuation<Void, any Error>?

    init(id: UInt32, method: RegisteredMethod, context: ServerContext, inbound: InboundMessages?) {
        self.id = id
        self.method = method
        self.context = context
        self.inbound = inbound
    }
}
