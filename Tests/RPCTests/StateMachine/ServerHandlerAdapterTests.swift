@_spi(Fuzzing) import JCSkillsRPC
import JCSkillsProtocol
import NIOCore
import NIOEmbedded
import Testing

/// The server's channel handler as the adapter of its machine, on NIO's testing channel (no
/// socket, no TLS): what the machine decides reaches the wire, and handlers run and answer.
@Suite("Server handler: the machine driven on a channel (SPEC.md §2.2, §3.2.6, §5.2, §6.1, §8, §9, §10.2)", .timeLimit(.minutes(1)))
struct ServerHandlerAdapterTests {
    /// §2.3, §5.2: SETTINGS at once; a health check's handler runs as a task and its answer is
    /// one MESSAGE and TRAILERS OK.
    @Test func aUnaryCallIsAnsweredThroughTheHandler() async throws {
        let connection = try await ServerTestConnection.open(opened: false)
        var bytes = ServerTestConnection.opening()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: HealthService.check.path))
        bytes.writeFrame(.message, flags: .endStream, stream: 1, message: HealthCheckRequest())
        try await connection.send(bytes)
        let frames = try await connection.frames() { $0.contains { $0.type == .trailers } }
        #expect(frames.map(\.type) == [.settings, .message, .trailers])
        #expect(try HealthCheckResponse(buffer: frames[1].payload).status == .serving)
        #expect(try Trailers(buffer: frames[2].payload).status == .ok)
        try await connection.close()
    }

    /// §2.2: a wrong preface closes the connection with nothing written after the SETTINGS.
    @Test func aWrongPrefaceClosesTheChannel() async throws {
        let connection = try await ServerTestConnection.open(opened: false)
        try await connection.send(ByteBuffer(string: "GET / HTTP/1.1\r\n\r\n"))
        let frames = try await connection.frames()
        #expect(frames.map(\.type) == [.settings])
        #expect(!connection.channel.isActive)
    }

    /// §3.2.6, §2.3: a PING is answered in the same flush; a second SETTINGS is answered with
    /// GOAWAY INTERNAL and the channel closes.
    @Test func aPingIsAnsweredAndAViolationCloses() async throws {
        let connection = try await ServerTestConnection.open(opened: false)
        var bytes = ServerTestConnection.opening()
        bytes.writeFrame(.ping, stream: 0, payload: ByteBuffer(bytes: [1, 2, 3, 4, 5, 6, 7, 8]))
        try await connection.send(bytes)
        var frames = try await connection.frames()
        #expect(frames.map(\.type) == [.settings, .ping])
        #expect(frames.last?.flags == .ack)
        var again = ByteBuffer()
        again.writeFrame(.settings, stream: 0, message: Settings())
        try await connection.send(again)
        frames = try await connection.frames()
        #expect(frames.map(\.type) == [.goAway])
        #expect(try GoAway(buffer: frames[0].payload).status == .internal)
        #expect(!connection.channel.isActive)
    }

    /// §8: no client SETTINGS within the handshake timeout (10 s): closed, without GOAWAY.
    @Test func aSilentClientIsClosedAfterTheHandshakeTimeout() async throws {
        let connection = try await ServerTestConnection.open(opened: false)
        try await connection.send(ByteBuffer(bytes: ConnectionPreface.bytes))
        await connection.loop.advanceTime(by: .seconds(9))
        #expect(connection.channel.isActive)
        await connection.loop.advanceTime(by: .seconds(2))
        let frames = try await connection.frames()
        #expect(frames.map(\.type) == [.settings])
        #expect(!connection.channel.isActive)
    }

    /// §8, §10.2: a connection without calls for the idle timeout (5 min) gets GOAWAY OK "idle"
    /// from the sweep, and closes. The handler's clock is its loop's: virtual here.
    @Test func anIdleConnectionGetsGoAwayAndCloses() async throws {
        let connection = try await ServerTestConnection.open(opened: false)
        try await connection.send(ServerTestConnection.opening())
        await connection.loop.advanceTime(by: .minutes(4))
        #expect(connection.channel.isActive)
        await connection.loop.advanceTime(by: .minutes(2))
        let frames = try await connection.frames()
        #expect(frames.map(\.type) == [.settings, .goAway])
        #expect(try GoAway(buffer: frames[1].payload) == GoAway(lastStreamID: 0, code: .ok, message: "idle"))
        #expect(!connection.channel.isActive)
    }

    /// §8: a unary call whose request has not arrived within the request timeout (30 s) ends
    /// with TRAILERS DEADLINE_EXCEEDED; the connection goes on.
    @Test func aMissingRequestEndsItsCallAfterTheRequestTimeout() async throws {
        let connection = try await ServerTestConnection.open(opened: false)
        var bytes = ServerTestConnection.opening()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: EchoService.echo.path))
        try await connection.send(bytes)
        await connection.loop.advanceTime(by: .seconds(29))
        #expect(try await connection.frames().map(\.type) == [.settings])
        await connection.loop.advanceTime(by: .seconds(10))
        let frames = try await connection.frames()
        #expect(frames.map(\.type) == [.trailers])
        #expect(try Trailers(buffer: frames[0].payload).status == .deadlineExceeded)
        #expect(connection.channel.isActive)
        try await connection.close()
    }

    /// §6.1: the caller's deadline counts from receipt; when it passes, the handler is cancelled
    /// and the call ends with TRAILERS DEADLINE_EXCEEDED.
    @Test func aPassedDeadlineEndsTheCall() async throws {
        let connection = try await ServerTestConnection.open(opened: false)
        var bytes = ServerTestConnection.opening()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: EchoService.collect.path, timeoutMicroseconds: 2_000_000))
        try await connection.send(bytes)
        await connection.loop.advanceTime(by: .milliseconds(1_999))
        #expect(try await connection.frames().map(\.type) == [.settings])
        await connection.loop.advanceTime(by: .milliseconds(1))
        let frames = try await connection.frames()
        #expect(frames.map(\.type) == [.trailers])
        #expect(try Trailers(buffer: frames[0].payload) == Trailers(code: .deadlineExceeded, message: "the deadline passed before the call finished"))
        try await connection.close()
    }

    /// §10.1: a PING is answered in the same write as the rest of that read's output (here a
    /// refusal, §8), one flush for the whole read.
    @Test func aReadsAnswersGoOutInOneWrite() async throws {
        let connection = try await ServerTestConnection.open(opened: false)
        _ = try await connection.frames()
        var bytes = ServerTestConnection.opening()
        bytes.writeFrame(.ping, stream: 0, payload: ByteBuffer(bytes: [1, 2, 3, 4, 5, 6, 7, 8]))
        bytes.writeFrame(.headers, flags: .endStream, stream: 1, message: CallHeaders(method: "no.Such/Method"))
        try await connection.send(bytes)
        await connection.loop.run()
        let write = try #require(try await connection.channel.readOutbound(as: ByteBuffer.self))
        #expect(try await connection.channel.readOutbound(as: ByteBuffer.self) == nil, "one write")
        var parser = FrameParser(maximumFrameSize: .max)
        parser.append(write)
        let ack = try #require(try parser.next())
        let refusal = try #require(try parser.next())
        #expect(ack.type == .ping && ack.flags == .ack)
        #expect(refusal.type == .trailers)
        #expect(try Trailers(buffer: refusal.payload).status == .unimplemented)
        try await connection.close()
    }
    /// §9: a client-streaming call's requests come back as credit once the handler has taken
    /// each of them — WINDOW_UPDATEs on the call's stream adding up to what was sent — and the
    /// answer follows the half-close.
    @Test func aStreamingCallsRequestsComeBackAsCredit() async throws {
        let connection = try await ServerTestConnection.open(opened: false)
        var bytes = ServerTestConnection.opening()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: EchoService.collect.path))
        var sent = 0
        for index in 0..<3 {
            let message = EchoMessage(payload: Array(repeating: UInt8(index), count: 1_000))
            sent += message.encodedSize()
            bytes.writeFrame(.message, stream: 1, message: message)
        }
        bytes.writeFrame(.endStream, stream: 1, payload: ByteBuffer())  // §3.2.9
        try await connection.send(bytes)
        let frames = try await connection.frames() { $0.contains { $0.type == .trailers } }
        let updates = frames.filter { $0.type == .windowUpdate }
        #expect(!updates.isEmpty && updates.allSatisfy { $0.streamID == 1 })
        #expect(updates.reduce(0) { $0 + Int($1.payload.getInteger(at: $1.payload.readerIndex, as: UInt32.self)!) } == sent)
        let answer = try #require(frames.first { $0.type == .message })
        #expect(try EchoMessage(buffer: answer.payload).count == 3)
        #expect(try Trailers(buffer: frames.last!.payload).status == .ok)
        try await connection.close()
    }

    /// §9 and SECURITY.md's outbound bound: while the socket takes no more (the channel is not
    /// writable), a streaming handler's responses wait and nothing is written; once it drains,
    /// they go out in order and the call ends.
    @Test func responsesWaitWhileTheChannelIsNotWritable() async throws {
        let connection = try await ServerTestConnection.open(opened: false)
        _ = try await connection.frames()
        connection.channel.isWritable = false
        var bytes = ServerTestConnection.opening()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: EchoService.expand.path))
        bytes.writeFrame(.message, flags: .endStream, stream: 1, message: EchoMessage(text: "w", count: 3))
        try await connection.send(bytes)
        // The handler has run as far as it can: its first response waits for the socket.
        let held = try await connection.frames()
        #expect(held.filter { $0.type == .message || $0.type == .trailers }.isEmpty, "written while not writable: \(held.map(\.type))")
        connection.channel.isWritable = true
        connection.channel.pipeline.fireChannelWritabilityChanged()
        let frames = try await connection.frames() { $0.contains { $0.type == .trailers } }
        let counts = try frames.filter { $0.type == .message }.map { try EchoMessage(buffer: $0.payload).count }
        #expect(counts == [0, 1, 2])
        #expect(frames.last?.type == .trailers)
        try await connection.close()
    }
}
