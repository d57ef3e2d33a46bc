import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A peer holding a valid city certificate that writes whatever frames it likes and reads
/// only when told to: what an insider or a stolen client certificate can do to a server.
final class FramePeer: Sendable {
    let channel: any Channel
    private let inbox: FrameInbox

    private init(channel: any Channel, inbox: FrameInbox) {
        self.channel = channel
        self.inbox = inbox
    }

    /// Connects, completes TLS and the preface (the server's SETTINGS has arrived).
    static func connect(to endpoint: Endpoint, as identity: String = "admin") async throws -> FramePeer {
        let files = TestPKI.shared.files(identity)
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv13
        tls.trustRoots = .file(files.trustRoots)
        tls.certificateChain = try NIOSSLCertificate.fromPEMFile(files.certificateChain).map { .certificate($0) }
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: files.privateKey, format: .pem))
        tls.applicationProtocols = [ConnectionPreface.alpn]
        tls.certificateVerification = .noHostnameVerification
        let context = try NIOSSLContext(configuration: tls)
        let inbox = FrameInbox()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: nil))
                    try channel.pipeline.syncOperations.addHandler(FrameCollector(inbox: inbox))
                }
            }
            .connect(host: endpoint.host, port: endpoint.port).get()
        let peer = FramePeer(channel: channel, inbox: inbox)
        var preface = ByteBuffer(bytes: ConnectionPreface.bytes)
        preface.writeFrame(.settings, stream: 0, message: Settings())
        try await peer.send(preface)
        guard try await peer.waitFor({ $0.type == .settings }) != nil else {
            throw RPCError(.unavailable, "no SETTINGS from the server")
        }
        return peer
    }

    func send(_ bytes: ByteBuffer) async throws {
        try await channel.writeAndFlush(bytes)
    }

    /// Opens `stream` for `method` with no deadline; the request follows in ``sendMessage``.
    func open(stream: UInt32, _ path: String, deadline timeoutMicroseconds: UInt64 = 0) async throws {
        var frame = ByteBuffer()
        frame.writeFrame(.headers, stream: stream, message: CallHeaders(method: path, timeoutMicroseconds: timeoutMicroseconds))
        try await send(frame)
    }

    /// One MESSAGE frame of `size` bytes on `stream`; `more` marks it as a fragment.
    func sendMessage(stream: UInt32, size: Int, more: Bool = false, end: Bool = false) async throws {
        var flags: FrameFlags = more ? .more : []
        if end { flags.insert(.endStream) }
        var frame = ByteBuffer()
        frame.writeFrame(.message, flags: flags, stream: stream, payload: ByteBuffer(repeating: 0x41, count: size))
        try await send(frame)
    }

    /// Stops taking bytes from the socket: the server's writes pile up at its end.
    func stopReading() async throws {
        try await channel.setOption(ChannelOptions.autoRead, value: false).get()
    }

    /// The first frame received so far, or arriving within `limit`, that `matches`.
    func waitFor(_ matches: @escaping @Sendable (Frame) -> Bool, within limit: Duration = .seconds(5)) async throws -> Frame? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let frame = inbox.first(where: matches) { return frame }
            try await Task.sleep(for: .milliseconds(20))
        }
        return inbox.first(where: matches)
    }

    /// The status in the TRAILERS the server sent for `stream`, waiting up to `limit`.
    func trailers(stream: UInt32, within limit: Duration = .seconds(5)) async throws -> Trailers? {
        guard let frame = try await waitFor({ $0.type == .trailers && $0.streamID == stream }, within: limit) else { return nil }
        return try Trailers(buffer: frame.payload)
    }

    /// Whether the server closed the connection within `limit`.
    func closedByServer(within limit: Duration = .seconds(5)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if !channel.isActive { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return !channel.isActive
    }

    func close() async {
        try? await channel.close()
    }
}

/// Frames the peer has received, in order.
final class FrameInbox: Sendable {
    private let frames = Mutex<[Frame]>([])

    func append(_ frame: Frame) { frames.withLock { $0.append(frame) } }
    func first(where matches: (Frame) -> Bool) -> Frame? { frames.withLock { $0.first(where: matches) } }
}

private final class FrameCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let inbox: FrameInbox
    var parser = FrameParser(maximumFrameSize: 1 << 24)

    init(inbox: FrameInbox) { self.inbox = inbox }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        parser.append(unwrapInboundIn(data))
        while let frame = try? parser.next() { inbox.append(frame) }
    }
}
