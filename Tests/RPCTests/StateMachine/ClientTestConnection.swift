import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import NIOEmbedded

/// A client connection on NIO's testing channel (no socket, no TLS, a virtual clock): the
/// handler `ClientConnection` adds after TLS, driven by hand. Callers' calls are started on the
/// loop as `RPCClient` starts them; the server's frames are written in by the test.
final class ClientTestConnection: @unchecked Sendable {
    let loop: NIOAsyncTestingEventLoop
    let channel: NIOAsyncTestingChannel
    /// Set on the loop when the channel is made; touched only on the loop after that.
    private(set) var handler: ClientConnectionHandler!

    private init(loop: NIOAsyncTestingEventLoop, channel: NIOAsyncTestingChannel) {
        self.loop = loop
        self.channel = channel
    }

    /// A connected channel whose preface and SETTINGS have gone out (and been read off, unless
    /// `keepOpening`); `settings`, if given, are the server's, already received.
    static func open(serverSettings settings: Settings? = nil, keepOpening: Bool = false) async throws -> ClientTestConnection {
        let loop = NIOAsyncTestingEventLoop()
        let holder = HandlerHolder()
        let channel = try await NIOAsyncTestingChannel(loop: loop) { channel in
            let handler = ClientConnectionHandler(
                configuration: ClientConfiguration(tls: TLSFiles(certificateChain: "", privateKey: "", trustRoots: "")),
                peer: "server:7101", handshake: channel.eventLoop.makePromise(), onUnusable: { _ in })
            holder.handler = handler
            try channel.pipeline.syncOperations.addHandler(handler)
        }
        let connection = ClientTestConnection(loop: loop, channel: channel)
        connection.handler = holder.handler
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7101))
        await loop.run()
        if !keepOpening { _ = try await connection.written() }
        if let settings {
            var bytes = ByteBuffer()
            bytes.writeFrame(.settings, stream: 0, message: settings)
            try await connection.receive(bytes)
        }
        return connection
    }

    private final class HandlerHolder: @unchecked Sendable {
        var handler: ClientConnectionHandler?
    }

    /// The bytes written since the last call.
    func written() async throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let buffer = try await channel.readOutbound(as: ByteBuffer.self) { bytes += buffer.readableBytesView }
        return bytes
    }

    /// The frames written since the last call.
    func writtenFrames() async throws -> [Frame] {
        try parsedFrames(ByteBuffer(bytes: try await written()))
    }

    /// Frames from the server, then a turn of the loop.
    func receive(_ bytes: ByteBuffer) async throws {
        try await channel.writeInbound(bytes)
        await loop.run()
    }

    /// Starts a call as `RPCClient` does, on the loop. Its answer (single-response calls)
    /// completes the returned future; a streaming response arrives through `inbound`.
    func start(_ kind: CallKind, _ request: EchoMessage? = nil, call: ClientStream = ClientStream(), deadline: NIODeadline? = nil,
               inbound: InboundMessages? = nil) async throws -> EventLoopFuture<ByteBuffer> {
        if let inbound { call.inbound = inbound }
        let response = loop.makePromise(of: ByteBuffer.self)
        let waiter: ResponseSink? = kind.streamsResponses ? nil : .promise(response)
        if kind.streamsResponses { response.fail(RPCError(.internal, "no single response on this call")) }
        try await loop.executeInContext {
            self.handler.start(path: "t.T/M", headers: .general(CallHeaders(method: "t.T/M")), kind: kind, request: request, deadline: deadline,
                               call: call, responseWaiter: waiter)
        }
        await loop.run()
        return response.futureResult
    }

    /// A request writer's `send` on `call`, as a task: it ends when the send returns
    /// (sent, or waited for credit and then sent) or throws.
    func send(_ request: EchoMessage, on call: ClientStream) -> Task<Void, any Error> {
        let buffer = ByteBuffer.encoding(request)
        return Task {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
                self.loop.execute { self.handler.send(call, buffer, continuation) }
            }
        }
    }

    /// Runs `body` with the handler, on the loop.
    func onLoop(_ body: @escaping @Sendable (ClientConnectionHandler) -> Void) async throws {
        try await loop.executeInContext { body(self.handler) }
        await loop.run()
    }

    func close() async throws {
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }
}
