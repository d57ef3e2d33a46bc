@_spi(Fuzzing) import JCSkillsRPC
import JCSkillsProtocol
import NIOCore
import NIOEmbedded
import Testing

/// The server's channel handler as the adapter of its machine, on NIO's testing channel (no
/// socket, no TLS): what the machine decides reaches the wire, and handlers run and answer.
@Suite("Server handler: the machine driven on a channel (SPEC.md §2.2, §3.2.6, §5.2, §6.1, §8, §9, §10.2)")
struct ServerHandlerAdapterTests {
    private func connection() async throws -> (NIOAsyncTestingEventLoop, NIOAsyncTestingChannel) {
        let loop = NIOAsyncTestingEventLoop()
        let channel = try await NIOAsyncTestingChannel(loop: loop) { channel in
            try ServerFuzzing.addConnectionHandler(to: channel)
        }
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7101))
        await loop.run()
        return (loop, channel)
    }

    /// The frames written so far, after letting the loop and the handlers' tasks run until
    /// `done` holds (a bounded number of turns, no sleeping).
    private func frames(_ loop: NIOAsyncTestingEventLoop, _ channel: NIOAsyncTestingChannel,
                        until done: ([Frame]) -> Bool = { _ in true }) async throws -> [Frame] {
        var parser = FrameParser(maximumFrameSize: .max)
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

    private func opening() -> ByteBuffer {
        var bytes = ByteBuffer(bytes: ConnectionPreface.bytes)
        bytes.writeFrame(.settings, stream: 0, message: Settings())
        return bytes
    }

    /// §2.3, §5.2: SETTINGS at once; a health check's handler runs as a task and its answer is
    /// one MESSAGE and TRAILERS OK.
    @Test func aUnaryCallIsAnsweredThroughTheHandler() async throws {
        let (loop, channel) = try await connection()
        var bytes = opening()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: HealthService.check.path))
        bytes.writeFrame(.message, flags: .endStream, stream: 1, message: HealthCheckRequest())
        try await channel.writeInbound(bytes)
        let frames = try await self.frames(loop, channel) { $0.contains { $0.type == .trailers } }
        #expect(frames.map(\.type) == [.settings, .message, .trailers])
        #expect(try HealthCheckResponse(buffer: frames[1].payload).status == .serving)
        #expect(try Trailers(buffer: frames[2].payload).status == .ok)
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }

    /// §2.2: a wrong preface closes the connection with nothing written after the SETTINGS.
    @Test func aWrongPrefaceClosesTheChannel() async throws {
        let (loop, channel) = try await connection()
        try await channel.writeInbound(ByteBuffer(string: "GET / HTTP/1.1\r\n\r\n"))
        let frames = try await self.frames(loop, channel)
        #expect(frames.map(\.type) == [.settings])
        #expect(!channel.isActive)
    }

    /// §3.2.6, §2.3: a PING is answered in the same flush; a second SETTINGS is answered with
    /// GOAWAY INTERNAL and the channel closes.
    @Test func aPingIsAnsweredAndAViolationCloses() async throws {
        let (loop, channel) = try await connection()
        var bytes = opening()
        bytes.writeFrame(.ping, stream: 0, payload: ByteBuffer(bytes: [1, 2, 3, 4, 5, 6, 7, 8]))
        try await channel.writeInbound(bytes)
        var frames = try await self.frames(loop, channel)
        #expect(frames.map(\.type) == [.settings, .ping])
        #expect(frames.last?.flags == .ack)
        var again = ByteBuffer()
        again.writeFrame(.settings, stream: 0, message: Settings())
        try await channel.writeInbound(again)
        frames = try await self.frames(loop, channel)
        #expect(frames.map(\.type) == [.goAway])
        #expect(try GoAway(buffer: frames[0].payload).status == .internal)
        #expect(!channel.isActive)
    }

    /// §8: no client SETTINGS within the handshake timeout (10 s): closed, without GOAWAY.
    @Test func aSilentClientIsClosedAfterTheHandshakeTimeout() async throws {
        let (loop, channel) = try await connection()
        try await channel.writeInbound(ByteBuffer(bytes: ConnectionPreface.bytes))
        await loop.advanceTime(by: .seconds(9))
        #expect(channel.isActive)
        await loop.advanceTime(by: .seconds(2))
        let frames = try await self.frames(loop, channel)
        #expect(frames.map(\.type) == [.settings])
        #expect(!channel.isActive)
    }

    /// §8, §10.2: a connection without calls for the idle timeout (5 min) gets GOAWAY OK "idle"
    /// from the sweep, and closes. The handler's clock is its loop's: virtual here.
    @Test func anIdleConnectionGetsGoAwayAndCloses() async throws {
        let (loop, channel) = try await connection()
        try await channel.writeInbound(opening())
        await loop.advanceTime(by: .minutes(4))
        #expect(channel.isActive)
        await loop.advanceTime(by: .minutes(2))
        let frames = try await self.frames(loop, channel)
        #expect(frames.map(\.type) == [.settings, .goAway])
        #expect(try GoAway(buffer: frames[1].payload) == GoAway(lastStreamID: 0, code: .ok, message: "idle"))
        #expect(!channel.isActive)
    }

    /// §8: a unary call whose request has not arrived within the request timeout (30 s) ends
    /// with TRAILERS DEADLINE_EXCEEDED; the connection goes on.
    @Test func aMissingRequestEndsItsCallAfterTheRequestTimeout() async throws {
        let (loop, channel) = try await connection()
        var bytes = opening()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: EchoService.echo.path))
        try await channel.writeInbound(bytes)
        await loop.advanceTime(by: .seconds(29))
        #expect(try await self.frames(loop, channel).map(\.type) == [.settings])
        await loop.advanceTime(by: .seconds(10))
        let frames = try await self.frames(loop, channel)
        #expect(frames.map(\.type) == [.trailers])
        #expect(try Trailers(buffer: frames[0].payload).status == .deadlineExceeded)
        #expect(channel.isActive)
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }

    /// §6.1: the caller's deadline counts from receipt; when it passes, the handler is cancelled
    /// and the call ends with TRAILERS DEADLINE_EXCEEDED.
    @Test func aPassedDeadlineEndsTheCall() async throws {
        let (loop, channel) = try await connection()
        var bytes = opening()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: EchoService.collect.path, timeoutMicroseconds: 2_000_000))
        try await channel.writeInbound(bytes)
        await loop.advanceTime(by: .milliseconds(1_999))
        #expect(try await self.frames(loop, channel).map(\.type) == [.settings])
        await loop.advanceTime(by: .milliseconds(1))
        let frames = try await self.frames(loop, channel)
        #expect(frames.map(\.type) == [.trailers])
        #expect(try Trailers(buffer: frames[0].payload) == Trailers(code: .deadlineExceeded, message: "the deadline passed before the call finished"))
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }

    /// §10.1: a PING is answered in the same write as the rest of that read's output (here a
    /// refusal, §8), one flush for the whole read.
    @Test func aReadsAnswersGoOutInOneWrite() async throws {
        let (loop, channel) = try await connection()
        _ = try await self.frames(loop, channel)
        var bytes = opening()
        bytes.writeFrame(.ping, stream: 0, payload: ByteBuffer(bytes: [1, 2, 3, 4, 5, 6, 7, 8]))
        bytes.writeFrame(.headers, flags: .endStream, stream: 1, message: CallHeaders(method: "no.Such/Method"))
        try await channel.writeInbound(bytes)
        await loop.run()
        let write = try #require(try await channel.readOutbound(as: ByteBuffer.self))
        #expect(try await channel.readOutbound(as: ByteBuffer.self) == nil, "one write")
        var parser = FrameParser(maximumFrameSize: .max)
        parser.append(write)
        let ack = try #require(try parser.next())
        let refusal = try #require(try parser.next())
        #expect(ack.type == .ping && ack.flags == .ack)
        #expect(refusal.type == .trailers)
        #expect(try Trailers(buffer: refusal.payload).status == .unimplemented)
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }
    /// §9: a client-streaming call's requests come back as credit once the handler has taken
    /// each of them — WINDOW_UPDATEs on the call's stream adding up to what was sent — and the
    /// answer follows the half-close.
    @Test func aStreamingCallsRequestsComeBackAsCredit() async throws {
        let (loop, channel) = try await connection()
        var bytes = opening()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: EchoService.collect.path))
        var sent = 0
        for index in 0..<3 {
            let message = EchoMessage(payload: Array(repeating: UInt8(index), count: 1_000))
            sent += message.encodedSize()
            bytes.writeFrame(.message, stream: 1, message: message)
        }
        bytes.writeFrame(.endStream, stream: 1, payload: ByteBuffer())  // §3.2.9
        try await channel.writeInbound(bytes)
        let frames = try await self.frames(loop, channel) { $0.contains { $0.type == .trailers } }
        let updates = frames.filter { $0.type == .windowUpdate }
        #expect(!updates.isEmpty && updates.allSatisfy { $0.streamID == 1 })
        #expect(updates.reduce(0) { $0 + Int($1.payload.getInteger(at: $1.payload.readerIndex, as: UInt32.self)!) } == sent)
        let answer = try #require(frames.first { $0.type == .message })
        #expect(try EchoMessage(buffer: answer.payload).count == 3)
        #expect(try Trailers(buffer: frames.last!.payload).status == .ok)
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }

    /// §9 and SECURITY.md's outbound bound: while the socket takes no more (the channel is not
    /// writable), a streaming handler's responses wait and nothing is written; once it drains,
    /// they go out in order and the call ends.
    @Test func responsesWaitWhileTheChannelIsNotWritable() async throws {
        let (loop, channel) = try await connection()
        _ = try await self.frames(loop, channel)
        channel.isWritable = false
        var bytes = opening()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: EchoService.expand.path))
        bytes.writeFrame(.message, flags: .endStream, stream: 1, message: EchoMessage(text: "w", count: 3))
        try await channel.writeInbound(bytes)
        // The handler has run as far as it can: its first response waits for the socket.
        let held = try await self.frames(loop, channel)
        #expect(held.filter { $0.type == .message || $0.type == .trailers }.isEmpty, "written while not writable: \(held.map(\.type))")
        channel.isWritable = true
        channel.pipeline.fireChannelWritabilityChanged()
        let frames = try await self.frames(loop, channel) { $0.contains { $0.type == .trailers } }
        let counts = try frames.filter { $0.type == .message }.map { try EchoMessage(buffer: $0.payload).count }
        #expect(counts == [0, 1, 2])
        #expect(frames.last?.type == .trailers)
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }
}
