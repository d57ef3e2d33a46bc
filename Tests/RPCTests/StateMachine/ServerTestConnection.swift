@_spi(Fuzzing) import JCSkillsRPC
import JCSkillsProtocol
import NIOCore
import NIOEmbedded

/// A server connection on NIO's testing channel (no socket, no TLS, a virtual clock): the
/// handler `RPCServer` adds after TLS, behind a router with the health and echo services and
/// `services`. Its peer is unidentified, as a TLS peer without a `jcskills://` URI would be.
final class ServerTestConnection {
    let loop: NIOAsyncTestingEventLoop
    let channel: NIOAsyncTestingChannel
    private var parser = FrameParser(maximumFrameSize: .max)

    private init(loop: NIOAsyncTestingEventLoop, channel: NIOAsyncTestingChannel) {
        self.loop = loop
        self.channel = channel
    }

    /// A connected channel. `opened`: the client's preface and SETTINGS sent, and the server's
    /// SETTINGS read, so that what the test reads next is what its own frames caused.
    static func open(services: [any RPCService] = [], opened: Bool = true, settings: Settings = Settings()) async throws -> ServerTestConnection {
        let loop = NIOAsyncTestingEventLoop()
        let channel = try await NIOAsyncTestingChannel(loop: loop) { channel in
            try ServerFuzzing.addConnectionHandler(to: channel, services: services)
        }
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7101))
        let connection = ServerTestConnection(loop: loop, channel: channel)
        if opened {
            try await connection.send(opening(settings))
            _ = try await connection.frames { $0.contains { $0.type == .settings } }
        }
        return connection
    }

    /// The client's preface and SETTINGS.
    static func opening(_ settings: Settings = Settings()) -> ByteBuffer {
        var bytes = ByteBuffer(bytes: ConnectionPreface.bytes)
        bytes.writeFrame(.settings, stream: 0, message: settings)
        return bytes
    }

    func send(_ bytes: ByteBuffer) async throws {
        try await channel.writeInbound(bytes)
    }

    /// The frames written since the last call, after letting the loop and the handlers' tasks
    /// run until `done` holds: a bounded number of turns, no clock.
    func frames(until done: ([Frame]) -> Bool = { _ in true }) async throws -> [Frame] {
        var frames: [Frame] = []
        for _ in 0..<1_000 {
            await loop.run()
            while let bytes = try await channel.readOutbound(as: ByteBuffer.self) { parser.append(bytes) }
            while let frame = try parser.next() { frames.append(frame) }
            if done(frames) { break }
            await Task.yield()
        }
        return frames
    }

    /// What the handler has written so far, write by write, without letting the loop run
    /// anything it holds: what a read did by the time it returned.
    func writesSoFar() async throws -> [ByteBuffer] {
        var writes: [ByteBuffer] = []
        while let bytes = try await channel.readOutbound(as: ByteBuffer.self) { writes.append(bytes) }
        return writes
    }

    /// The whole frames in one write.
    static func frames(in write: ByteBuffer) throws -> [Frame] {
        var parser = FrameParser(maximumFrameSize: .max)
        parser.append(write)
        var frames: [Frame] = []
        while let frame = try parser.next() { frames.append(frame) }
        return frames
    }

    /// The frames up to and including the TRAILERS of `stream`.
    func frames(untilTrailersOf stream: UInt32) async throws -> [Frame] {
        try await frames { $0.contains { $0.type == .trailers && $0.streamID == stream } }
    }

    func close() async throws {
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }
}

extension Frame {
    /// This TRAILERS frame's status; nil for another frame or a payload that does not decode.
    var trailers: Trailers? {
        guard type == .trailers else { return nil }
        return try? Trailers(buffer: payload)
    }
}
