import JCSkillsLoad
import JCSkillsProtocol
@testable import JCSkillsRPC
import JCSkillsTestSupport
import NIOCore
import Synchronization
import Testing

/// The cases SPEC.md once left open or stated two ways, as settled there: each test names the
/// section that now says what a server does.
@Suite("Rules settled in SPEC.md: PING, flags, unopened streams, stream ids, empty client streams, fragment credit", .timeLimit(.minutes(1)))
struct SettledRuleTests {
    /// The GOAWAY a server sent before closing, decoded.
    private func goAway(from peer: FramePeer) async throws -> GoAway? {
        guard let frame = try await peer.waitFor({ $0.type == .goAway }) else { return nil }
        return try GoAway(buffer: frame.payload)
    }

    private func send(_ peer: FramePeer, _ type: FrameType, flags: FrameFlags = [], stream: UInt32, payload: [UInt8] = []) async throws {
        var frame = ByteBuffer()
        frame.writeFrame(type, flags: flags, stream: stream, payload: ByteBuffer(bytes: payload))
        try await peer.send(frame)
    }

    /// §3.2.6: the answer carries the same 8 bytes; any other length, or a stream other than 0,
    /// is a connection error.
    @Test func aPingIsEightBytesOnStreamZero() async throws {
        try await withTestServer(services: []) { _, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
            try await send(peer, .ping, stream: 0, payload: bytes)
            let ack = try await peer.waitFor({ $0.type == .ping })
            #expect(ack?.flags.contains(.ack) == true)
            #expect(ack.map { Array($0.payload.readableBytesView) } == bytes)
            await peer.close()

            for (stream, payload) in [(UInt32(0), [UInt8](repeating: 9, count: 4)), (0, [UInt8](repeating: 9, count: 12)), (1, bytes)] {
                let offender = try await FramePeer.connect(to: endpoint)
                try await send(offender, .ping, stream: stream, payload: payload)
                let refusal = try await goAway(from: offender)
                #expect(refusal?.status == .internal, "PING of \(payload.count) bytes on stream \(stream)")
                #expect(refusal?.message.contains("PING") == true)
                #expect(await offender.closedByServer())
                await offender.close()
            }
        }
    }

    /// §3.2.3: END_STREAM marks the last frame of the last message, so MORE beside it is a
    /// contradiction the server does not guess about.
    @Test func aMessageWithEndStreamAndMoreIsAConnectionError() async throws {
        try await withTestServer(services: [EchoRPCService()]) { _, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            try await peer.open(stream: 1, EchoService.collect.path)
            try await peer.sendMessage(stream: 1, size: 10, more: true, end: true)
            let refusal = try await goAway(from: peer)
            #expect(refusal?.status == .internal)
            #expect(refusal?.message.contains("END_STREAM and MORE") == true)
            #expect(refusal?.lastStreamID == 1)
            #expect(await peer.closedByServer())
            await peer.close()
        }
    }

    /// §3.3: END_STREAM for a stream above every one opened is a violation, like a MESSAGE
    /// there; for a stream that was opened and has finished it is a late frame, ignored.
    @Test func endStreamOnAStreamNeverOpenedIsAConnectionError() async throws {
        try await withTestServer(services: [EchoRPCService()]) { _, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            try await peer.open(stream: 1, EchoService.echo.path)
            try await send(peer, .message, flags: .endStream, stream: 1, payload: EchoMessage(text: "a").wireBytes())
            #expect(try await peer.trailers(stream: 1)?.status == .ok)
            try await send(peer, .endStream, stream: 1)  // late: ignored
            try await peer.open(stream: 3, EchoService.echo.path)
            try await send(peer, .message, flags: .endStream, stream: 3, payload: EchoMessage(text: "b").wireBytes())
            #expect(try await peer.trailers(stream: 3)?.status == .ok)

            try await send(peer, .endStream, stream: 7)
            let refusal = try await goAway(from: peer)
            #expect(refusal?.status == .internal)
            #expect(refusal?.message.contains("END_STREAM on unopened stream 7") == true)
            #expect(await peer.closedByServer())
            await peer.close()
        }
    }

    /// §2.3: a SETTINGS frame on a stream other than 0 is named for what it is.
    @Test func settingsOnAStreamIsNamedAsSuch() async throws {
        try await withTestServer(services: []) { _, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            try await send(peer, .settings, stream: 3)
            let refusal = try await goAway(from: peer)
            #expect(refusal?.status == .internal)
            #expect(refusal?.message.contains("SETTINGS on stream 3") == true)
            await peer.close()
        }
    }

    /// §3.3: 2^32 − 1 is the largest stream id, and a server takes a call on it.
    @Test func theLargestStreamIdCarriesACall() async throws {
        try await withTestServer(services: []) { _, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            try await peer.open(stream: UInt32.max, HealthService.check.path)
            try await send(peer, .message, flags: .endStream, stream: UInt32.max)
            #expect(try await peer.trailers(stream: UInt32.max)?.status == .ok)
            let response = try #require(try await peer.waitFor({ $0.type == .message && $0.streamID == UInt32.max }))
            #expect(try HealthCheckResponse(buffer: response.payload).status == .serving)
            await peer.close()
        }
    }

    /// §5.4: a client-streaming call with no request at all is a valid call; the handler sees
    /// an empty stream and answers.
    @Test func aClientStreamWithoutRequestsReachesItsHandler() async throws {
        try await withTestServer(services: [EchoRPCService()]) { _, endpoint in
            let peer = try await FramePeer.connect(to: endpoint)
            try await peer.open(stream: 1, EchoService.collect.path)
            try await send(peer, .endStream, stream: 1)
            #expect(try await peer.trailers(stream: 1)?.status == .ok)
            let response = try #require(try await peer.waitFor({ $0.type == .message && $0.streamID == 1 }))
            #expect(try EchoMessage(buffer: response.payload).count == 0)
            await peer.close()

            try await withTestClient(endpoint, as: "admin") { client in
                let combined = try await client.clientStreaming(EchoService.collect) { _ in }
                #expect(combined.count == 0)
            }
        }
    }

    /// §9: a fragment's credit goes back at once only while no whole message waits unread;
    /// otherwise it waits with them and goes back when the last of them is taken.
    @Test func fragmentCreditIsHeldWhileWholeMessagesWaitUnread() async throws {
        let granted = Mutex<[Int]>([])
        let inbound = InboundMessages { credit in granted.withLock { $0.append(credit) } }
        inbound.fragmentArrived(credit: 100)
        #expect(granted.withLock { $0 } == [100], "nothing unread: at once")
        inbound.deliver(ByteBuffer(bytes: [1]), credit: 50)
        inbound.deliver(ByteBuffer(bytes: [2]), credit: 60)
        inbound.fragmentArrived(credit: 70)
        inbound.fragmentArrived(credit: 80)
        #expect(granted.withLock { $0 } == [100], "two messages unread: the fragments' credit is held")
        _ = try await inbound.next()
        #expect(granted.withLock { $0 } == [100, 50])
        _ = try await inbound.next()
        #expect(granted.withLock { $0 } == [100, 50, 60 + 70 + 80], "the last unread message taken: the held credit with it")
        inbound.fragmentArrived(credit: 5)
        #expect(granted.withLock { $0 } == [100, 50, 210, 5])
    }
}
