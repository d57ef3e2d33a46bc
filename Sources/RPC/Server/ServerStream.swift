import JCSkillsProtocol
import NIOCore

/// What the connection handler keeps for one call's handler, beside the protocol state the
/// connection machine keeps for its stream (StateMachine/ServerStreamState.swift). Lives on the
/// connection's event loop.
final class ServerStream {
    let call: ServerCall
    var task: Task<Void, Never>?
    /// A handler's `send` waiting for credit or for the socket.
    var writerWaiter: UnsafeContinuation<Void, any Error>?

    init(call: ServerCall) {
        self.call = call
    }

    var id: UInt32 { call.streamID }
    var method: RegisteredMethod { call.registered }
    var inbound: InboundMessages? { call.inbound }
}
