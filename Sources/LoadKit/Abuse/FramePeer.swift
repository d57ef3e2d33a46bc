import JCSkillsProtocol
import JCSkillsRPC
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A peer holding a valid city certificate that writes whatever frames it likes and reads
/// only when told to: what an insider or a stolen client certificate can do to a server.
/// The abusive clients of `jcskills-load abuse` and the RPC tests' abusive peers are this.
public final class FramePeer: Sendable {
    public let channel: any Channel
    /// The SETTINGS the server sent: the limits it says it enforces.
    public let serverSettings: Settings
    private let inbox: FrameInbox

    private init(channel: any Channel, serverSettings: Settings, inbox: FrameInbox) {
        self.channel = channel
        self.serverSettings = serverSettings
        self.inbox = inbox
    }

    /// Connects over mutual TLS 1.3 (the server's chain checked against the CA of `tls`, no
    /// host name), sends the preface and `settings`, and returns once the server's SETTINGS has
    /// arrived, or throws UNAVAILABLE when it has not within `limit` (a refused connection).
    ///
    /// - Parameter keeping: which received frames to keep for ``waitFor(_:within:)`` and
    ///   ``take(where:)``; the others are counted and dropped, so a long-lived peer that is
    ///   sent a WINDOW_UPDATE per fragment does not hold them all.
    public static func connect(
        to endpoint: Endpoint, tls: TLSFiles, settings: Settings = Settings(),
        keeping: @escaping @Sendable (Frame) -> Bool = { _ in true },
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, within limit: Duration = .seconds(5)
    ) async throws -> FramePeer {
        let context = try tls.makeClientContext()
        let inbox = FrameInbox(keeping: keeping)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.nanoseconds(Int64(limit / .nanoseconds(1))))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SocketCloser())
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: nil))
                    try channel.pipeline.syncOperations.addHandler(FrameCollector(inbox: inbox))
                }
            }
            .connect(host: endpoint.host, port: endpoint.port).get()
        var preface = ByteBuffer(bytes: ConnectionPreface.bytes)
        preface.writeFrame(.settings, stream: 0, message: settings)
        do {
            try await channel.writeAndFlush(preface)
            guard let frame = try await inbox.waitFor({ $0.type == .settings }, within: limit, while: { channel.isActive }) else {
                throw RPCError(.unavailable, "no SETTINGS from \(endpoint)")
            }
            let serverSettings = try Settings(buffer: frame.payload).normalized
            return FramePeer(channel: channel, serverSettings: serverSettings, inbox: inbox)
        } catch {
            try? await channel.close()
            throw error
        }
    }

    public func send(_ bytes: ByteBuffer) async throws {
        try await channel.writeAndFlush(bytes)
    }

    /// Opens `stream` for `method` (no deadline unless given); the request follows in
    /// ``sendMessage(stream:size:more:end:)``.
    public func open(stream: UInt32, _ path: String, deadline timeoutMicroseconds: UInt64 = 0) async throws {
        var frame = ByteBuffer()
        frame.writeFrame(.headers, stream: stream, message: CallHeaders(method: path, timeoutMicroseconds: timeoutMicroseconds))
        try await send(frame)
    }

    /// One MESSAGE frame of `size` bytes on `stream`; `more` marks it as a fragment.
    public func sendMessage(stream: UInt32, size: Int, more: Bool = false, end: Bool = false) async throws {
        var flags: FrameFlags = more ? .more : []
        if end { flags.insert(.endStream) }
        var frame = ByteBuffer()
        frame.writeFrame(.message, flags: flags, stream: stream, payload: ByteBuffer(repeating: 0x41, count: size))
        try await send(frame)
    }

    /// Stops taking bytes from the socket: the server's writes pile up at its end.
    public func stopReading() async throws {
        try await channel.setOption(ChannelOptions.autoRead, value: false).get()
    }

    /// The first kept frame received so far, or arriving within `limit`, that `matches`.
    public func waitFor(_ matches: @escaping @Sendable (Frame) -> Bool, within limit: Duration = .seconds(5)) async throws -> Frame? {
        try await inbox.waitFor(matches, within: limit, while: { true })
    }

    /// Removes and returns the kept frames that match, in the order they arrived.
    public func take(where matches: (Frame) -> Bool) -> [Frame] {
        inbox.take(where: matches)
    }

    /// The status in the TRAILERS the server sent for `stream`, waiting up to `limit`.
    public func trailers(stream: UInt32, within limit: Duration = .seconds(5)) async throws -> Trailers? {
        guard let frame = try await waitFor({ $0.type == .trailers && $0.streamID == stream }, within: limit) else { return nil }
        return try Trailers(buffer: frame.payload)
    }

    /// Frames received, kept or not.
    public var framesReceived: Int { inbox.received }

    /// Whether the server closed the connection within `limit`.
    public func closedByServer(within limit: Duration = .seconds(5)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if !channel.isActive { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return !channel.isActive
    }

    /// Closes the socket at once, under TLS: a TLS close waits up to 5 s for the server's
    /// close_notify, which a peer that stopped reading (or a server that stopped reading it)
    /// never gets to.
    public func close() async {
        abort()
        try? await channel.closeFuture.get()
    }

    /// ``close()`` without waiting: for a cancellation handler.
    public func abort() {
        let channel = self.channel
        channel.eventLoop.execute {
            if let socket = try? channel.pipeline.syncOperations.context(handlerType: SocketCloser.self) {
                socket.close(promise: nil)
            } else {
                channel.close(promise: nil)
            }
        }
    }
}

/// Frames the peer has received and kept, in order.
final class FrameInbox: Sendable {
    private struct State {
        var frames: [Frame] = []
        var received = 0
    }
    private let state = Mutex(State())
    private let keeping: @Sendable (Frame) -> Bool

    init(keeping: @escaping @Sendable (Frame) -> Bool) { self.keeping = keeping }

    func append(_ frame: Frame) {
        let keep = frame.type == .settings || keeping(frame)
        state.withLock { state in
            state.received += 1
            if keep { state.frames.append(frame) }
        }
    }

    var received: Int { state.withLock { $0.received } }

    func first(where matches: (Frame) -> Bool) -> Frame? { state.withLock { $0.frames.first(where: matches) } }

    func take(where matches: (Frame) -> Bool) -> [Frame] {
        state.withLock { state in
            let taken = state.frames.filter(matches)
            if !taken.isEmpty { state.frames.removeAll(where: matches) }
            return taken
        }
    }

    /// Polls for a matching frame until `limit` passes or `going` turns false.
    func waitFor(_ matches: (Frame) -> Bool, within limit: Duration, while going: () -> Bool) async throws -> Frame? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline, going() {
            if let frame = first(where: matches) { return frame }
            try await Task.sleep(for: .milliseconds(10))
        }
        return first(where: matches)
    }
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

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A TLS failure or a reset: the connection is over for this peer.
        context.close(promise: nil)
    }
}

/// Between the socket and TLS: a close sent from here skips TLS's closing handshake.
private final class SocketCloser: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
}
