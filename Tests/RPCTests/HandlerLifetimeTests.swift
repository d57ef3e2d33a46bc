@_spi(Fuzzing) import JCSkillsRPC
import JCSkillsProtocol
import NIOCore
import NIOEmbedded
import Testing

/// A server connection's handler must be freed with its connection: it once kept itself alive
/// through its channel context and a callback, about 6 KB for every connection ever accepted
/// (found by the fuzz-connection target).
@Suite("Connection handlers are freed with their connections")
struct HandlerLifetimeTests {
    final class WeakReference: @unchecked Sendable {
        weak var object: AnyObject?
    }

    @Test(arguments: [false, true])
    func theHandlerIsFreedAfterClose(withCall: Bool) async throws {
        let loop = NIOAsyncTestingEventLoop()
        let handler = WeakReference()
        let channel = try await NIOAsyncTestingChannel(loop: loop) { channel in
            handler.object = try ServerFuzzing.addConnectionHandler(to: channel)
        }
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7101))
        var bytes = ByteBuffer(bytes: ConnectionPreface.bytes)
        bytes.writeFrame(.settings, stream: 0, message: Settings())
        if withCall {
            // A call with a deadline left running: the deadline timer holds a callback too.
            bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: EchoService.collect.path, timeoutMicroseconds: 60_000_000))
        }
        try await channel.writeInbound(bytes)
        await loop.run()
        #expect(handler.object != nil)
        _ = try await channel.finish(acceptAlreadyClosed: true)
        for _ in 0..<200 where handler.object != nil {
            await loop.run()
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(handler.object == nil, "the handler outlived its connection")
    }
}
