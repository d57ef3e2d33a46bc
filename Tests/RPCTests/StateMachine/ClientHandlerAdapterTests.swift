import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import NIOEmbedded
import Testing

/// The client's channel handler as the adapter of its machine, on NIO's testing channel (no
/// socket, no TLS): callers' calls reach the wire, the server's frames reach the callers.
@Suite("Client handler: the machine driven on a channel (SPEC.md §2.2, §5.2, §10.1, §10.2)")
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
    private func unary(_ loop: NIOAsyncTestingEventLoop, _ box: Box, _ request: EchoMessage) async throws -> EventLoopFuture<ByteBuffer> {
        let response = loop.makePromise(of: ByteBuffer.self)
        try await loop.executeInContext {
            box.handler!.start(path: "t.T/M", headers: CallHeaders(method: "t.T/M"), kind: .unary, request: request, deadline: nil,
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
}
