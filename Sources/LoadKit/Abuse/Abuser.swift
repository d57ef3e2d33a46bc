import JCSkillsProtocol
import JCSkillsRPC
import NIOCore

/// One abusive connection's behaviour, run until the server closes the connection (or the
/// abuser has done a whole cycle and wants a fresh connection). Every wait in it ends when
/// the channel closes, which is how a run stops its abusers.
struct Abuser {
    let kind: AbuseKind
    let peer: FramePeer
    let settings: AbuseSettings
    let tally: AbuseTally

    /// The frames an abuser keeps: what the server ends, and why it leaves.
    static let keeping: @Sendable (Frame) -> Bool = { $0.type == .trailers || $0.type == .goAway }

    /// The SETTINGS an abuser of `kind` sends.
    static func clientSettings(_ kind: AbuseKind, _ settings: AbuseSettings) -> Settings {
        var client = Settings()
        if kind == .slowReader { client.initialWindowSize = settings.slowReaderWindow }
        return client
    }

    func run() async throws {
        switch kind {
        case .slowReader: try await slowReader()
        case .pingFlood: try await pingFlood()
        case .partialFrame: try await partialFrame()
        case .unfinished: try await unfinished()
        case .idleStream: try await idleStreams()
        }
    }

    // MARK: The kinds

    private func slowReader() async throws {
        try await peer.stopReading()
        let request = ByteBuffer.encoding(EchoMessage(
            payload: [UInt8](repeating: 0x5A, count: settings.expandPayloadBytes), count: settings.expandCount))
        let frameLimit = Int(peer.serverSettings.maximumFrameSize)
        for index in 0..<streamLimit {
            let stream = UInt32(2 * index + 1)
            var frames = ByteBuffer()
            frames.writeFrame(.headers, stream: stream, message: CallHeaders(method: EchoService.expand.path))
            // The request in fragments of the server's frame size. Credit for a fragment comes
            // back as it arrives (SPEC.md §9), so the window never runs out for a request.
            var rest = request
            while rest.readableBytes > 0 {
                let chunk = rest.readSlice(length: min(frameLimit, rest.readableBytes))!
                frames.writeFrame(.message, flags: rest.readableBytes > 0 ? .more : [], stream: stream, payload: chunk)
            }
            try await send(frames)  // waits from the moment the server stops reading
        }
        try await holdOpen()
    }

    private func pingFlood() async throws {
        try await peer.stopReading()
        var pings = ByteBuffer()
        for index in 0..<settings.pingsPerWrite {
            var payload = ByteBuffer()
            payload.writeInteger(UInt64(index))
            pings.writeFrame(.ping, stream: 0, payload: payload)
        }
        while true {
            try await send(pings)
            if settings.pingInterval > .zero { try await Task.sleep(for: settings.pingInterval) }
        }
    }

    private func partialFrame() async throws {
        var header = ByteBuffer()
        header.writeFrameHeader(FrameHeader(length: UInt32(settings.partialFrameBytes), type: .message, streamID: 1))
        try await send(header)
        let chunk = ByteBuffer(repeating: 0x41, count: settings.trickleBytes)
        var sent = 0
        // One byte short of the whole frame: the server never has a frame to parse.
        while sent + settings.trickleBytes < settings.partialFrameBytes {
            try await Task.sleep(for: settings.trickleInterval)
            try await send(chunk)
            sent += settings.trickleBytes
        }
    }

    private func unfinished() async throws {
        let methods = [EchoService.collect.path]
        var streams = StreamRing(limit: streamLimit)
        try await send(streams.openAll(methods))
        let fragment = ByteBuffer(repeating: 0x41, count: settings.fragmentBytes)
        while true {
            var frames = ByteBuffer()
            // A call the server ended (its budget, or a limit) gives way to a new one, one a turn.
            endedCalls(&streams)
            streams.reopen(methods, into: &frames)
            if let stream = streams.next() {
                frames.writeFrame(.message, flags: .more, stream: stream, payload: fragment)
            }
            try await send(frames)
            try await Task.sleep(for: settings.fragmentInterval)
        }
    }

    private func idleStreams() async throws {
        // Every call shape: the request timeout ends unary and server-streaming calls, the
        // call-idle timeout the others.
        let methods = [EchoService.echo.path, EchoService.collect.path, EchoService.update.path, EchoService.expand.path]
        var streams = StreamRing(limit: streamLimit)
        try await send(streams.openAll(methods))
        while true {
            try await Task.sleep(for: .milliseconds(100))
            endedCalls(&streams)
            var frames = ByteBuffer()
            var room = 10
            while room > 0, streams.reopen(methods, into: &frames) { room -= 1 }
            if frames.readableBytes > 0 { try await send(frames) }
        }
    }

    // MARK: Shared parts

    /// The calls one connection may have open: the server's SETTINGS says.
    private var streamLimit: Int { max(1, Int(min(peer.serverSettings.maximumConcurrentStreams, 1_000))) }

    private func send(_ bytes: ByteBuffer) async throws {
        try await peer.send(bytes)
        tally.update(kind) { $0.bytesSent += bytes.readableBytes }
    }

    /// Counts the TRAILERS received since the last look and forgets their streams.
    private func endedCalls(_ streams: inout StreamRing) {
        let trailers = peer.take { $0.type == .trailers }
        guard !trailers.isEmpty else { return }
        tally.update(kind) { report in
            for frame in trailers {
                let code = (try? Trailers(buffer: frame.payload))?.status ?? .internal
                report.callsEnded[code.name, default: 0] += 1
            }
        }
        for frame in trailers { streams.ended(frame.streamID) }
    }

    /// Waits for the connection to end. A reader that reads nothing learns of a close only from
    /// a failed write, so it writes a PING now and then.
    private func holdOpen() async throws {
        var ping = ByteBuffer()
        ping.writeFrame(.ping, stream: 0, payload: ByteBuffer(repeating: 0, count: 8))
        while peer.channel.isActive {
            try await Task.sleep(for: .seconds(2))
            peer.channel.writeAndFlush(ping, promise: nil)
        }
    }
}

/// The streams an abuser holds open: odd ids, increasing, up to the server's limit.
struct StreamRing {
    let limit: Int
    private(set) var open: [UInt32] = []
    private var nextID: UInt32 = 1
    private var cursor = 0
    private var opened = 0

    init(limit: Int) { self.limit = limit }

    /// HEADERS (no deadline) for as many new calls as the limit leaves room for, cycling over `methods`.
    mutating func openAll(_ methods: [String]) -> ByteBuffer {
        var frames = ByteBuffer()
        while reopen(methods, into: &frames) {}
        return frames
    }

    /// HEADERS for one new call, if there is room; whether there was.
    @discardableResult
    mutating func reopen(_ methods: [String], into frames: inout ByteBuffer) -> Bool {
        guard open.count < limit, nextID < UInt32.max - 2 else { return false }
        frames.writeFrame(.headers, stream: nextID, message: CallHeaders(method: methods[opened % methods.count]))
        open.append(nextID)
        nextID += 2
        opened += 1
        return true
    }

    mutating func ended(_ id: UInt32) {
        open.removeAll { $0 == id }
    }

    /// The open streams in turn.
    mutating func next() -> UInt32? {
        guard !open.isEmpty else { return nil }
        cursor = (cursor + 1) % open.count
        return open[cursor]
    }
}
