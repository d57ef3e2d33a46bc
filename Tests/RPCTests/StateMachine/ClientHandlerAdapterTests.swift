import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import NIOEmbedded
import Testing

/// The client's channel handler as the adapter of its machine, on NIO's testing channel (no
/// socket, no TLS): callers' calls reach the wire, the server's frames reach the callers.
@Suite("Client handler: the machine driven on a channel (SPEC.md §2.2, §3.3, §5.2, §6.1, §9, §10.1, §10.2)", .timeLimit(.minutes(1)))
struct ClientHandlerAdapterTests {
    /// §2.2, §5.2: the preface and SETTINGS at once; a call is HEADERS and its request with
    /// END_STREAM; the server's MESSAGE and TRAILERS OK answer it.
    @Test func aUnaryCallGoesOutAndItsAnswerComesBack() async throws {
        let connection = try await ClientTestConnection.open(keepOpening: true)
        #expect(try await connection.written() == ConnectionPreface.bytes + hex("00000015 00 00 00000000 080110808004186420808010288080800230808001"))
        let answer = try await connection.start(.unary, EchoMessage(text: "hi"))
        await connection.loop.run()
        var expected = ByteBuffer()
        expected.writeFrame(.headers, stream: 1, message: CallHeaders(method: "t.T/M"))
        expected.writeFrame(.message, flags: .endStream, stream: 1, message: EchoMessage(text: "hi"))
        #expect(try await connection.written() == Array(expected.readableBytesView))

        try await connection.channel.writeInbound(ByteBuffer(bytes: hex("00000004 02 00 00000001 12026869 00000000 03 00 00000001")))
        await connection.loop.run()
        let response = try await answer.get()
        #expect(try EchoMessage(buffer: response).text == "hi")
        try await connection.close()
    }

    /// §10.2: after GOAWAY, a call above lastStreamID fails as not processed, the one below it
    /// finishes, and the connection closes with it.
    @Test func goAwayFailsTheUnseenCallAndClosesAfterTheRest() async throws {
        let connection = try await ClientTestConnection.open(keepOpening: true)
        let first = try await connection.start(.unary, EchoMessage(text: "a"))
        let second = try await connection.start(.unary, EchoMessage(text: "b"))
        await connection.loop.run()
        _ = try await connection.written()
        var bytes = ByteBuffer()
        bytes.writeFrame(.goAway, stream: 0, message: GoAway(lastStreamID: 1, code: .ok, message: "server shutting down"))
        try await connection.channel.writeInbound(bytes)
        await connection.loop.run()
        do {
            _ = try await second.get()
            Issue.record("the call the server never saw succeeded")
        } catch let failure as CallFailure {
            #expect(failure.notProcessed)
            #expect(failure.error.code == .unavailable)
        }
        #expect(connection.channel.isActive)
        try await connection.channel.writeInbound(ByteBuffer(bytes: hex("00000000 02 00 00000001 00000000 03 00 00000001")))
        await connection.loop.run()
        _ = try await first.get()
        #expect(!connection.channel.isActive)
    }

    /// §10.1: with a call open and nothing read for 30 s the client sends a PING; no ACK within
    /// 10 s closes the connection and the call fails with UNAVAILABLE. The handler's clock is
    /// its loop's: virtual here.
    @Test func anUnansweredKeepalivePingClosesTheConnection() async throws {
        let connection = try await ClientTestConnection.open(keepOpening: true)
        let call = try await connection.start(.unary, EchoMessage(text: "a"))
        await connection.loop.run()
        _ = try await connection.written()
        await connection.loop.advanceTime(by: .seconds(30))
        #expect(try await connection.written() == hex("00000008 05 00 00000000 0000000000000001"))
        await connection.loop.advanceTime(by: .seconds(9))
        #expect(connection.channel.isActive)
        await connection.loop.advanceTime(by: .seconds(1))
        do {
            _ = try await call.get()
            Issue.record("the call outlived its connection")
        } catch let failure as CallFailure {
            #expect(failure.error.code == .unavailable)
            #expect(failure.error.message.contains("keepalive"))
        }
        #expect(!connection.channel.isActive)
    }
    /// The server's SETTINGS, with `change` applied to the defaults.
    private func serverSettings(_ change: (inout Settings) -> Void) -> ByteBuffer {
        var settings = Settings()
        change(&settings)
        var bytes = ByteBuffer()
        bytes.writeFrame(.settings, stream: 0, message: settings)
        return bytes
    }

    /// §6.1: when a call's deadline passes the client tells the server with CANCEL
    /// DEADLINE_EXCEEDED and the caller gets DEADLINE_EXCEEDED, not a moment before.
    @Test func aPassedDeadlineCancelsTheCallOnTheWire() async throws {
        let connection = try await ClientTestConnection.open(keepOpening: true)
        _ = try await connection.written()
        let call = try await connection.start(.unary, EchoMessage(text: "slow"), deadline: connection.loop.now + .seconds(2))
        await connection.loop.run()
        #expect(try await connection.writtenFrames().map(\.type) == [.headers, .message])
        await connection.loop.advanceTime(by: .milliseconds(1_999))
        #expect(try await connection.written().isEmpty)
        await connection.loop.advanceTime(by: .milliseconds(1))
        let cancel = try #require(try await connection.writtenFrames().first)
        #expect(cancel.type == .cancel && cancel.streamID == 1)
        #expect(try CancelReason(buffer: cancel.payload).code == StatusCode.deadlineExceeded.rawValue)
        do {
            _ = try await call.get()
            Issue.record("the call outlived its deadline")
        } catch let failure as CallFailure {
            #expect(failure.error.code == .deadlineExceeded)
        }
        #expect(connection.channel.isActive)
        try await connection.close()
    }

    /// §9: a request larger than the server's window goes out as far as the credit allows (a
    /// MESSAGE with MORE); the rest, with END_STREAM, once the server's WINDOW_UPDATE comes.
    @Test func aRequestBeyondTheWindowWaitsForCredit() async throws {
        let connection = try await ClientTestConnection.open(keepOpening: true)
        try await connection.channel.writeInbound(serverSettings { $0.initialWindowSize = 100 })
        await connection.loop.run()
        _ = try await connection.written()
        let request = EchoMessage(payload: Array(repeating: 7, count: 240))
        let size = request.encodedSize()
        _ = try await connection.start(.unary, request)
        await connection.loop.run()
        let first = try await connection.writtenFrames()
        #expect(first.map(\.type) == [.headers, .message])
        #expect(first[1].flags == .more && first[1].payload.readableBytes == 100)
        var update = ByteBuffer()
        update.writeFrame(.windowUpdate, stream: 1, payload: ByteBuffer(integer: UInt32(500)))
        try await connection.channel.writeInbound(update)
        await connection.loop.run()
        let rest = try await connection.writtenFrames()
        #expect(rest.map(\.type) == [.message])
        #expect(rest[0].flags == .endStream && rest[0].payload.readableBytes == size - 100)
        try await connection.close()
    }

    /// §3.3: past the server's concurrency limit a call waits in order — nothing written for
    /// it — and goes out on the stream after the first one ends.
    @Test func aCallPastTheStreamLimitWaitsForAFreeStream() async throws {
        let connection = try await ClientTestConnection.open(keepOpening: true)
        try await connection.channel.writeInbound(serverSettings { $0.maximumConcurrentStreams = 1 })
        await connection.loop.run()
        _ = try await connection.written()
        let first = try await connection.start(.unary, EchoMessage(text: "a"))
        let second = try await connection.start(.unary, EchoMessage(text: "b"))
        await connection.loop.run()
        #expect(try await connection.writtenFrames().map(\.streamID) == [1, 1], "only the first call goes out")
        try await connection.channel.writeInbound(ByteBuffer(bytes: hex("00000000 02 00 00000001 00000000 03 00 00000001")))
        await connection.loop.run()
        _ = try await first.get()
        let next = try await connection.writtenFrames()
        #expect(next.map(\.type) == [.headers, .message] && next.allSatisfy { $0.streamID == 3 })
        try await connection.channel.writeInbound(ByteBuffer(bytes: hex("00000000 02 00 00000003 00000000 03 00 00000003")))
        await connection.loop.run()
        _ = try await second.get()
        try await connection.close()
    }
}
