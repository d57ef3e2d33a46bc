@_spi(Fuzzing) import JCSkillsRPC
import JCSkillsProtocol
import NIOCore
import NIOEmbedded
import Synchronization
import Testing

/// A server connection's handler must be freed with its connection: it once kept itself alive
/// through its channel context and a callback, about 6 KB for every connection ever accepted
/// (found by the fuzz-connection target).
@Suite("Connection handlers are freed with their connections", .timeLimit(.minutes(1)))
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
        // The handler's last references go when its loop and the tasks it started have run:
        // turns of both, bounded, no clock.
        for _ in 0..<1_000 where handler.object != nil {
            await loop.run()
            await Task.yield()
        }
        #expect(handler.object == nil, "the handler outlived its connection")
    }

    /// A handler that answers after its connection closed (its work did not notice the
    /// cancellation, or was past its last suspension point) finds the channel handler removed.
    /// That answer once unwrapped the removed context and trapped: any client could stop the
    /// server with a call and a bad frame in one read (found by the fuzz-connection target,
    /// Fuzz/crashes/fuzz-connection/removed-context).
    @Test func aCallAnsweringAfterItsConnectionClosedIsDropped() async throws {
        let gate = Gate()
        let loop = NIOAsyncTestingEventLoop()
        let handler = WeakReference()
        let channel = try await NIOAsyncTestingChannel(loop: loop) { channel in
            handler.object = try ServerFuzzing.addConnectionHandler(to: channel, services: [GatedService(gate: gate)])
        }
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7101))
        var bytes = ByteBuffer(bytes: ConnectionPreface.bytes)
        bytes.writeFrame(.settings, stream: 0, message: Settings())
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: GatedService.wait.path))
        bytes.writeFrame(.message, flags: .endStream, stream: 1, message: EchoMessage(text: "answered too late"))
        try await channel.writeInbound(bytes)
        for _ in 0..<1_000 where !gate.isWaiting {
            await loop.run()
            await Task.yield()
        }
        #expect(gate.isWaiting, "the handler started")

        // A HEADERS frame on an even stream is a connection error (SPEC.md §3.3, §8).
        var bad = ByteBuffer()
        bad.writeFrame(.headers, stream: 2, message: CallHeaders(method: GatedService.wait.path))
        try await channel.writeInbound(bad)
        await loop.run()
        #expect(!channel.isActive)

        gate.open()
        for _ in 0..<1_000 where handler.object != nil {
            await loop.run()
            await Task.yield()
        }
        #expect(handler.object == nil, "the handler outlived its connection")
        var written = ByteBuffer()
        while let chunk = try await channel.readOutbound(as: ByteBuffer.self) { written.writeImmutableBuffer(chunk) }
        var parser = FrameParser(maximumFrameSize: .max)
        parser.append(written)
        var types: [FrameType] = []
        while let frame = try parser.next() { types.append(frame.type) }
        #expect(types == [.settings, .goAway], "the connection error announced, the late answer not written")
    }
}

/// Opens once; a waiter is not woken by cancellation (as work past its last suspension point).
private final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

    var isWaiting: Bool { state.withLock { $0.waiter != nil } }

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.open = true
            defer { state.waiter = nil }
            return state.waiter
        }?.resume()
    }
}

private struct GatedService: RPCService {
    static let wait = Method<EchoMessage, EchoMessage>(service: "test.Gated", name: "Wait", kind: .unary)
    let gate: Gate

    func register(in router: inout RPCRouter) {
        router.unary(Self.wait, policy: .anyAuthenticated) { request, _ in
            await gate.wait()
            return request
        }
    }
}
