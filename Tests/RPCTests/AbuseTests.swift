import JCSkillsLoad
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import Synchronization
import Testing

/// What a peer holding a valid city certificate could once make a server hold without bound,
/// each now bounded by a limit in `ServerConfiguration` (SECURITY.md, "Limits").
@Suite("Abusive peers meet the server's limits (SPEC.md §8)", .timeLimit(.minutes(1)))
struct AbuseTests {
    /// A write as a future, to be awaited under a bound (the `async` `writeAndFlush` cannot be).
    private static func startWrite(_ bytes: ByteBuffer, on channel: any Channel) -> EventLoopFuture<Void> {
        channel.writeAndFlush(bytes)
    }

    private func expectStillServing(_ endpoint: Endpoint) async throws {
        try await withTestClient(endpoint, as: "gateway") { client in
            let health = try await client.unary(HealthService.check, HealthCheckRequest())
            #expect(health.status == .serving)
        }
    }

    /// PINGs sent by a peer that never reads their answers: the server once read on and
    /// queued every answer (1 GiB of PINGs held 1.1–1.5 GiB). Now it stops reading once its
    /// writes wait, so the peer's own writes stall after a few socket buffers' worth.
    @Test func aPeerThatNeverReadsIsThrottled() async throws {
        try await withTestServer(services: []) { _, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            try await peer.stopReading()
            var pings = ByteBuffer()
            for _ in 0..<(64 * 1024 / 18) {
                pings.writeFrame(.ping, stream: 0, payload: ByteBuffer(repeating: 1, count: 8))
            }
            let ceiling = 160 << 20
            var accepted = 0
            var stalled = false
            let started = ContinuousClock.now
            while accepted < ceiling, ContinuousClock.now - started < .seconds(50) {
                // Awaits the write itself. A write still pending after 2 s is the stall this test
                // looks for (the server stopped reading): a slow machine could only make a write
                // look stalled early, which the byte count below still checks.
                // `TimeLimit`, not a task group: a pending write does not end when cancelled.
                let write = Self.startWrite(pings, on: peer.channel)
                guard let written = await TimeLimit.run(.seconds(2), { try await write.get() }) else {
                    stalled = true
                    break
                }
                try written.get()
                accepted += pings.readableBytes
            }
            #expect(stalled, "the server took \(accepted >> 20) MiB of PINGs from a peer that reads nothing")
            #expect(accepted < 96 << 20)
            print("a peer that never reads: the server stopped taking PINGs after \(accepted >> 20) MiB")
            await peer.close()
            try await expectStillServing(endpoint)
        }
    }

    /// 100 streams each holding an unfinished 4 MiB message once held 415 MiB for one
    /// connection. The connection's budget now fails the call that would pass it.
    @Test func unfinishedMessagesAreBoundedPerConnection() async throws {
        let limit = 1 << 20
        try await withTestServer(services: [EchoRPCService()], configure: { $0.maximumBufferedBytesPerConnection = limit }) { server, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            let streams = (0..<8).map { UInt32(2 * $0 + 1) }
            for stream in streams {
                try await peer.open(stream: stream, EchoService.echo.path)
                for _ in 0..<4 { try await peer.sendMessage(stream: stream, size: 60_000, more: true) }
            }
            // 8 × 240 KB against 1 MiB: the fifth stream and those after it cannot fit.
            let ended = try await peer.endedStreams(streams) { $0.count >= 3 }
            #expect(ended.values.allSatisfy { $0 == .resourceExhausted }, "\(ended)")
            #expect(ended.count >= 3, "refused \(ended.keys.sorted())")
            #expect(server.bufferedBytes <= limit)
            await peer.close()
            try await waitUntil { server.bufferedBytes == 0 }
            try await expectStillServing(endpoint)
        }
    }

    /// The same, for all connections together.
    @Test func unfinishedMessagesAreBoundedServerWide() async throws {
        let limit = 1 << 20
        try await withTestServer(services: [EchoRPCService()], configure: { $0.maximumBufferedBytes = limit }) { server, endpoint in
            let first = try await FramePeer.connect(to: endpoint)
            let second = try await FramePeer.connect(to: endpoint)
            for peer in [first, second] {
                try await peer.open(stream: 1, EchoService.echo.path)
                for _ in 0..<10 { try await peer.sendMessage(stream: 1, size: 60_000, more: true) }
            }
            // The two connections run on different event loops: either may be the one refused.
            // Whichever it is, its TRAILERS are awaited; the other call's wait is then cancelled.
            let refused = await withTaskGroup(of: StatusCode?.self) { group in
                for peer in [first, second] {
                    group.addTask { try? await peer.trailers(stream: 1, within: .seconds(30))?.status }
                }
                defer { group.cancelAll() }
                for await status in group where status != nil { return status }
                return nil
            }
            #expect(refused == .resourceExhausted)
            #expect(server.bufferedBytes <= limit)
            await first.close()
            await second.close()
            try await waitUntil { server.bufferedBytes == 0 }
        }
    }

    /// Connections beyond the limit are closed as they arrive; the ones already open and,
    /// once one leaves, a new one are served.
    @Test func connectionsBeyondTheLimitAreClosed() async throws {
        try await withTestServer(services: [], configure: { $0.maximumConnections = 3 }) { server, endpoint in
            var peers: [FramePeer] = []
            for _ in 0..<3 { peers.append(try await FramePeer.connect(to: endpoint)) }
            await #expect(throws: (any Error).self) { _ = try await FramePeer.connect(to: endpoint) }
            await peers.removeFirst().close()
            try await waitUntil { server.connectionCount == 2 }
            try await expectStillServing(endpoint)
            for peer in peers { await peer.close() }
        }
    }

    /// A call opened and never given its request once held its stream forever.
    @Test func aRequestThatNeverArrivesEndsTheCall() async throws {
        try await withTestServer(services: [EchoRPCService()], configure: { $0.requestTimeout = .milliseconds(300) }) { server, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            try await peer.open(stream: 1, EchoService.echo.path)
            let trailers = try await peer.trailers(stream: 1, within: .seconds(5))
            #expect(trailers?.status == .deadlineExceeded)
            #expect(server.runningCalls == 0)
            await peer.close()
        }
    }

    /// A streaming call without a deadline on which nothing moves ends, and its handler with it.
    @Test func aQuietCallWithoutDeadlineEnds() async throws {
        try await withTestServer(services: [EchoRPCService()], configure: { $0.callIdleTimeout = .milliseconds(400) }) { server, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            try await peer.open(stream: 1, EchoService.collect.path)
            var message = ByteBuffer()
            message.writeFrame(.message, stream: 1, message: EchoMessage(text: "one"))
            try await peer.send(message)
            let trailers = try await peer.trailers(stream: 1, within: .seconds(5))
            #expect(trailers?.status == .deadlineExceeded)
            try await waitUntil { server.runningCalls == 0 }
            // A call with a deadline is left to its deadline.
            try await peer.open(stream: 3, EchoService.collect.path, deadline: 30_000_000)
            #expect(try await peer.trailers(stream: 3, within: .seconds(2)) == nil)
            await peer.close()
        }
    }

    /// Calls beyond the server-wide limit are refused, whichever connection they come on.
    @Test func callsBeyondTheServerLimitAreRefused() async throws {
        try await withTestServer(services: [EchoRPCService()], configure: { $0.maximumCalls = 2 }) { server, endpoint in
            let first = try await FramePeer.connect(to: endpoint)
            let second = try await FramePeer.connect(to: endpoint)
            try await first.open(stream: 1, EchoService.collect.path)
            try await second.open(stream: 1, EchoService.collect.path)
            try await waitUntil { server.runningCalls == 2 }
            try await second.open(stream: 3, EchoService.collect.path)
            #expect(try await second.trailers(stream: 3)?.status == .resourceExhausted)
            await first.close()
            try await waitUntil { server.runningCalls == 1 }
            try await second.open(stream: 5, EchoService.collect.path)
            #expect(try await second.trailers(stream: 5, within: .milliseconds(500)) == nil)
            await second.close()
        }
    }
}

/// Request ids as the server's auditor receives them.
final class RequestIDAuditor: AccessAuditor {
    private let ids = Mutex<[String?]>([])
    func denied(principal: Principal, method: String, requestID: String?, reason: String) {
        ids.withLock { $0.append(requestID) }
    }
    var recorded: [String?] { ids.withLock { $0 } }
}

extension AbuseTests {
    /// A 15 KB request id once went as it was into every log line and audit row of the call:
    /// 20,000 refused calls added 378 MiB to the append-only audit table.
    @Test func anOversizedRequestIDIsReplaced() async throws {
        let auditor = RequestIDAuditor()
        try await withTestServer(services: [ProbeService(probe: Probe())], auditor: auditor) { _, endpoint in
            try await withTestClient(endpoint, as: "training") { client in
                for id in [String(repeating: "x", count: 15_000), "line\nbreak", "abc-123"] {
                    _ = try? await client.unary(ProbeService.adminOnly, EchoMessage(), options: CallOptions(requestID: id))
                }
            }
        }
        #expect(auditor.recorded == [nil, nil, "abc-123"])
    }
}
