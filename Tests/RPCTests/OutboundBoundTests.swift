import JCSkillsLoad
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import Testing

/// What a server holds *to send* to a peer that does not read: once outside every limit (the
/// soak's slow readers held about 2 GiB), now bounded by the socket's watermark and the
/// connection's and the server's budgets (SECURITY.md, "Limits").
@Suite("Responses a peer never reads are bounded (SPEC.md §8, §9)", .timeLimit(.minutes(1)))
struct OutboundBoundTests {
    /// A peer may grant a window of 2 GiB and then read nothing. The handler's writes once went
    /// straight into the connection's outbound buffer for as long as it had responses; now a
    /// handler waits while the socket is backed up, whatever the window.
    @Test func aHugeWindowDoesNotLetWritesPileUp() async throws {
        let probe = Probe()
        try await withTestServer(services: [ProbeService(probe: probe)]) { server, endpoint in
            var settings = Settings()
            settings.initialWindowSize = UInt32(Int32.max)
            let peer = try await FramePeer.connect(to: endpoint, tls: TestPKI.shared.files("admin"), settings: settings)
            try await peer.stopReading()
            let messageBytes = 32 << 10
            let count = 4_000  // 125 MiB if nothing held the writer back
            var call = ByteBuffer()
            call.writeFrame(.headers, stream: 1, message: CallHeaders(method: ProbeService.flood.path))
            call.writeFrame(.message, flags: .endStream, stream: 1,
                            message: EchoMessage(payload: [UInt8](repeating: 7, count: messageBytes), count: UInt32(count)))
            try await peer.send(call)
            // The writer is held once a response waits for the socket: the server counts it as
            // buffered (SPEC.md §9), so the test waits for that rather than for the count to
            // look still for a while. A server that let writes pile up never holds its writer.
            try await waitUntil { server.bufferedBytes > 0 }
            let sent = probe.count
            #expect(sent > 0)
            #expect(sent < count / 2, "the handler wrote \(sent) of \(count) messages (\((sent * messageBytes) >> 20) MiB) to a peer that reads nothing")
            print("a peer with a 2 GiB window that reads nothing: the handler was held after \(sent) messages (\((sent * messageBytes) >> 20) MiB)")
            await peer.close()
            try await waitUntil { server.runningCalls == 0 && server.bufferedBytes == 0 }
        }
    }

    /// Responses waiting for credit the peer never grants count against the connection's
    /// budget: the call that would pass it ends with RESOURCE_EXHAUSTED (and lets its request
    /// go). They were once in no budget: 100 such calls per connection, each holding its
    /// request and a response of up to 4 MiB.
    @Test func responsesWaitingForCreditAreBoundedPerConnection() async throws {
        let limit = 2 << 20
        try await withTestServer(services: [EchoRPCService()], configure: { $0.maximumBufferedBytesPerConnection = limit }) { server, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            let payload = [UInt8](repeating: 1, count: 200_000)  // beyond the default 64 KiB window
            let calls = 20
            for index in 0..<calls {
                try await peer.send(Self.expandCall(stream: UInt32(2 * index + 1), payload: payload))
            }
            // Each call holds one 200 KB response: 2 MiB takes ten.
            let ended = try await peer.endedStreams((0..<calls).map { UInt32(2 * $0 + 1) }) { ended in
                ended.values.filter { $0 == .resourceExhausted }.count >= calls - 11
            }
            let exhausted = ended.values.filter { $0 == .resourceExhausted }.count
            #expect(exhausted >= calls - 11, "\(exhausted) of \(calls) calls were ended")
            #expect(server.bufferedBytes <= limit)
            #expect(server.bufferedBytes > limit / 2, "the calls still waiting hold \(server.bufferedBytes) bytes")
            await peer.close()
            try await waitUntil { server.runningCalls == 0 && server.bufferedBytes == 0 }
        }
    }

    /// A request of one frame is not charged: peers that fill the server-wide budget with
    /// large requests cannot refuse everyone's small calls (a soak run that charged every
    /// request saw the normal workload's calls fail with RESOURCE_EXHAUSTED).
    @Test func smallCallsAreServedWhileTheBudgetIsFull() async throws {
        let limit = 1 << 20
        try await withTestServer(services: [EchoRPCService()], configure: { $0.maximumBufferedBytes = limit }) { server, endpoint in
            let hog = try await FramePeer.connect(to: endpoint)
            let payload = [UInt8](repeating: 2, count: 300_000)
            for index in 0..<6 {  // 6 × 300 KB requests and their waiting responses against 1 MiB
                try await hog.send(Self.expandCall(stream: UInt32(2 * index + 1), payload: payload))
            }
            #expect(try await hog.trailers(stream: 11, within: .seconds(3))?.status == .resourceExhausted)
            #expect(server.bufferedBytes > limit / 2)
            try await withTestClient(endpoint, as: "admin") { client in
                for _ in 0..<20 {
                    let answer = try await client.unary(EchoService.echo, EchoMessage(payload: [UInt8](repeating: 3, count: 1_000), text: "small"))
                    #expect(answer.text == "small")
                }
            }
            await hog.close()
            try await waitUntil { server.runningCalls == 0 && server.bufferedBytes == 0 }
        }
    }

    /// An `Expand` call for 1,000 copies of `payload`, its request in fragments of 60,000
    /// bytes (below the frame limit): whole once its last fragment arrives.
    static func expandCall(stream: UInt32, payload: [UInt8]) -> ByteBuffer {
        var call = ByteBuffer()
        call.writeFrame(.headers, stream: stream, message: CallHeaders(method: EchoService.expand.path))
        var request = ByteBuffer.encoding(EchoMessage(payload: payload, count: 1_000))
        while request.readableBytes > 0 {
            let chunk = request.readSlice(length: min(60_000, request.readableBytes))!
            call.writeFrame(.message, flags: request.readableBytes > 0 ? .more : .endStream, stream: stream, payload: chunk)
        }
        return call
    }
}
