import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import NIOEmbedded
import Testing

/// The client's channel handler as the adapter of its machine, on NIO's testing channel (no
/// socket, no TLS): callers' calls reach the wire, the server's frames reach the callers.
@Suite("Client handler: the machine driven on a channel (SPEC.md §2.2, §3.3, §5.2, §6.1, §9, §10.1, §10.2)", .timeLimit(.minutes(1)))
struct ClientHandlerAdapterTests {
    final class Box: @unchecked Sendable {
        var handler: ClientConnectionHandler?
    }

    private func connection() async throws -> (NIOAsyncTestingEventLoop, NIOAsyncTestingChannel, Box) {
        let loop = NIOAsyncTestingEventLoop()
        let box = Box()
        let channel = try await NIOAsyncTestingChannel(loop: loop) { channel in
            let handler = ClientConnectionHandler(
                configuration: ClientConfiguration(tls: TLSFiles(certificateChain: "", privateKey: "", trustRoots: "")),
                endpoint: Endpoint(host: "server", port: 7101), handshake: channel.eventLoop.makePromise(), onUnusable: { _ in })
            box.handler = handler
            try channel.pipeline.syncOperations.addHandler(handler)
        }
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7101))
        await loop.run()
        return (loop, channel, box)
    }

    private func written(_ channel: NIOAsyncTestingChannel) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let buffer = try await channel.readOutbound(as: ByteBuffer.self) { bytes += buffer.readableBytesView }
        return bytes
    }

    /// Starts a unary call; its answer (or failure) completes the returned future.
    private func unary(_ loop: NIOAsyncTestingEventLoop, _ box: Box, _ request: EchoMessage, deadline: NIODeadline? = nil) async throws -> EventLoopFuture<ByteBuffer> {
        let response = loop.makePromise(of: ByteBuffer.self)
        try await loop.executeInContext {
            box.handler!.start(path: "t.T/M", headers: CallHeaders(method: "t.T/M"), kind: .unary, request: request, deadline: deadline,
                               token: CallToken(), responseWaiter: .promise(response), inbound: nil)
        }
        return response.futureResult
    }

    /// §2.2, §5.2: the preface and SETTINGS at once; a call is HEADERS and its request with
    /// END_STREAM; the server's MESSAGE and TRAILERS OK answer it.
    @Test func aUnaryCallGoesOutAndItsAnswerComesBack() async throws {
        let (loop, channel, box) = try await connection()
        #expect(try await written(channel) == ConnectionPreface.bytes + hex("00000015 00 00 00000000 080110808004186420808010288080800230808001"))
        let answer = try await unary(loop, box, EchoMessage(text: "hi"))
        await loop.run()
        var expected = ByteBuffer()
        expected.writeFrame(.headers, stream: 1, message: CallHeaders(method: "t.T/M"))
        expected.writeFrame(.message, flags: .endStream, stream: 1, message: EchoMessage(text: "hi"))
        #expect(try await written(channel) == Array(expected.readableBytesView))

        try await channel.writeInbound(ByteBuffer(bytes: hex("00000004 02 00 00000001 12026869 00000000 03 00 00000001")))
        await loop.run()
        let response = try await answer.get()
        #expect(try EchoMessage(buffer: response).text == "hi")
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }

    /// §10.2: after GOAWAY, a call above lastStreamID fails as not processed, the one below it
    /// finishes, and the connection closes with it.
    @Test func goAwayFailsTheUnseenCallAndClosesAfterTheRest() async throws {
        let (loop, channel, box) = try await connection()
        let first = try await unary(loop, box, EchoMessage(text: "a"))
        let second = try await unary(loop, box, EchoMessage(text: "b"))
        await loop.run()
        _ = try await written(channel)
        var bytes = ByteBuffer()
        bytes.writeFrame(.goAway, stream: 0, message: GoAway(lastStreamID: 1, code: .ok, message: "server shutting down"))
        try await channel.writeInbound(bytes)
        await loop.run()
        do {
            _ = try await second.get()
            Issue.record("the call the server never saw succeeded")
        } catch let failure as CallFailure {
            #expect(failure.notProcessed)
            #expect(failure.error.code == .unavailable)
        }
        #expect(channel.isActive)
        try await channel.writeInbound(ByteBuffer(bytes: hex("00000000 02 00 00000001 00000000 03 00 00000001")))
        await loop.run()
        _ = try await first.get()
        #expect(!channel.isActive)
    }

    /// §10.1: with a call open and nothing read for 30 s the client sends a PING; no ACK within
    /// 10 s closes the connection and the call fails with UNAVAILABLE. The handler's clock is
    /// its loop's: virtual here.
    @Test func anUnansweredKeepalivePingClosesTheConnection() async throws {
        let (loop, channel, box) = try await connection()
        let call = try await unary(loop, box, EchoMessage(text: "a"))
        await loop.run()
        _ = try await written(channel)
        await loop.advanceTime(by: .seconds(30))
        #expect(try await written(channel) == hex("00000008 05 00 00000000 0000000000000001"))
        await loop.advanceTime(by: .seconds(9))
        #expect(channel.isActive)
        await loop.advanceTime(by: .seconds(1))
        do {
            _ = try await call.get()
            Issue.record("the call outlived its connection")
        } catch let failure as CallFailure {
            #expect(failure.error.code == .unavailable)
            #expect(failure.error.message.contains("keepalive"))
        }
        #expect(!channel.isActive)
    }
    /// The server's SETTINGS, with `change` applied to the defaults.
    private func serverSettings(_ change: (inout Settings) -> Void) -> ByteBuffer {
        var settings = Settings()
        change(&settings)
        var bytes = ByteBuffer()
        bytes.writeFrame(.settings, stream: 0, message: settings)
        return bytes
    }

    private func frames(_ bytes: [UInt8]) throws -> [Frame] {
        var parser = FrameParser(maximumFrameSize: .max)
        parser.append(ByteBuffer(bytes: bytes))
        var frames: [Frame] = []
        while let frame = try parser.next() { frames.append(frame) }
        return frames
    }

    /// §6.1: when a call's deadline passes the client tells the server with CANCEL
    /// DEADLINE_EXCEEDED and the caller gets DEADLINE_EXCEEDED, not a moment before.
    @Test func aPassedDeadlineCancelsTheCallOnTheWire() async throws {
        let (loop, channel, box) = try await connection()
        _ = try await written(channel)
        let call = try await unary(loop, box, EchoMessage(text: "slow"), deadline: loop.now + .seconds(2))
        await loop.run()
        #expect(try frames(try await written(channel)).map(\.type) == [.headers, .message])
        await loop.advanceTime(by: .milliseconds(1_999))
        #expect(try await written(channel).isEmpty)
        await loop.advanceTime(by: .milliseconds(1))
        let cancel = try #require(try frames(try await written(channel)).first)
        #expect(cancel.type == .cancel && cancel.streamID == 1)
        #expect(try CancelReason(buffer: cancel.payload).code == StatusCode.deadlineExceeded.rawValue)
        do {
            _ = try await call.get()
            Issue.record("the call outlived its deadline")
        } catch let failure as CallFailure {
            #expect(failure.error.code == .deadlineExceeded)
        }
        #expect(channel.isActive)
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }

    /// §9: a request larger than the server's window goes out as far as the credit allows (a
    /// MESSAGE with MORE); the rest, with END_STREAM, once the server's WINDOW_UPDATE comes.
    @Test func aRequestBeyondTheWindowWaitsForCredit() async throws {
        let (loop, channel, box) = try await connection()
        try await channel.writeInbound(serverSettings { $0.initialWindowSize = 100 })
        await loop.run()
        _ = try await written(channel)
        let request = EchoMessage(payload: Array(repeating: 7, count: 240))
        let size = request.encodedSize()
        _ = try await unary(loop, box, request)
        await loop.run()
        let first = try frames(try await written(channel))
        #expect(first.map(\.type) == [.headers, .message])
        #expect(first[1].flags == .more && first[1].payload.readableBytes == 100)
        var update = ByteBuffer()
        update.writeFrame(.windowUpdate, stream: 1, payload: ByteBuffer(integer: UInt32(500)))
        try await channel.writeInbound(update)
        await loop.run()
        let rest = try frames(try await written(channel))
        #expect(rest.map(\.type) == [.message])
        #expect(rest[0].flags == .endStream && rest[0].payload.readableBytes == size - 100)
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }

    /// §3.3: past the server's concurrency limit a call waits in order — nothing written for
    /// it — and goes out on the stream after the first one ends.
    @Test func aCallPastTheStreamLimitWaitsForAFreeStream() async throws {
        let (loop, channel, box) = try await connection()
        try await channel.writeInbound(serverSettings { $0.maximumConcurrentStreams = 1 })
        await loop.run()
        _ = try await written(channel)
        let first = try await unary(loop, box, EchoMessage(text: "a"))
        let second = try await unary(loop, box, EchoMessage(text: "b"))
        await loop.run()
        #expect(try frames(try await written(channel)).map(\.streamID) == [1, 1], "only the first call goes out")
        try await channel.writeInbound(ByteBuffer(bytes: hex("00000000 02 00 00000001 00000000 03 00 00000001")))
        await loop.run()
        _ = try await first.get()
        let next = try frames(try await written(channel))
        #expect(next.map(\.type) == [.headers, .message] && next.allSatisfy { $0.streamID == 3 })
        try await channel.writeInbound(ByteBuffer(bytes: hex("00000000 02 00 00000003 00000000 03 00 00000003")))
        await loop.run()
        _ = try await second.get()
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }
}
