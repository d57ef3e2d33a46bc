import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// A server handler's response writer under back-pressure (Protocol/SPEC.md §9): a `send` past
/// the client's window waits for its WINDOW_UPDATE, and a client that cancels (§6.2) ends the
/// wait with CANCELLED, so the handler stops instead of waiting for ever.
@Suite("Server writer: waiting for the client's credit (SPEC.md §6.2, §9)", .timeLimit(.minutes(1)))
struct ServerWriterTests {
    /// Five responses of 200 bytes and more; the probe hears how the handler ended.
    final class Sender: RPCService {
        static let five = Method<EchoMessage, EchoMessage>(service: "test.Writer", name: "Five", kind: .serverStreaming)
        let probe = Probe()

        func register(in router: inout RPCRouter) {
            router.serverStreaming(Self.five, policy: .anyAuthenticated) { [probe] _, writer, _ in
                for index in 0..<5 {
                    do {
                        try await writer.send(EchoMessage(payload: Array(repeating: 5, count: 200), count: UInt32(index)))
                    } catch {
                        probe.record("send \(index) failed: \((error as? RPCError)?.code.name ?? "\(error)")")
                        throw error
                    }
                }
                probe.record("sent all")
            }
        }
    }

    /// A client granting 100 bytes of credit per stream, with a call to `Five` open on stream 1.
    private func call(_ sender: Sender) async throws -> ServerTestConnection {
        var settings = Settings()
        settings.initialWindowSize = 100
        let connection = try await ServerTestConnection.open(services: [sender], settings: settings)
        var bytes = ByteBuffer()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: Sender.five.path))
        bytes.writeFrame(.message, flags: .endStream, stream: 1, message: EchoMessage())
        try await connection.send(bytes)
        return connection
    }

    private func windowUpdate(_ credit: UInt32) -> ByteBuffer {
        var bytes = ByteBuffer()
        bytes.writeFrame(.windowUpdate, stream: 1, payload: ByteBuffer(integer: credit))
        return bytes
    }

    /// §9: the first response goes out as far as the credit allows and the handler waits;
    /// each grant lets exactly that much more out; enough credit lets the rest and the TRAILERS
    /// out, every byte once and in order.
    @Test func theHandlerWaitsForCreditAndGoesOnWithIt() async throws {
        let sender = Sender()
        let connection = try await call(sender)
        let first = try await connection.frames { !$0.isEmpty }
        #expect(first.map(\.payload.readableBytes) == [100] && first[0].flags == .more)
        try await connection.send(windowUpdate(50))
        let second = try await connection.frames { !$0.isEmpty }
        #expect(second.map(\.payload.readableBytes) == [50] && second[0].flags == .more)
        try await connection.send(windowUpdate(1_000_000))
        let rest = try await connection.frames(untilTrailersOf: 1)
        #expect(rest.last?.trailers?.status == .ok)
        var stream = first + second + rest.dropLast()
        var counts: [UInt32] = []
        var message: [UInt8] = []
        while !stream.isEmpty {
            let frame = stream.removeFirst()
            message += frame.payload.readableBytesView
            if !frame.flags.contains(.more) {
                counts.append(try EchoMessage(buffer: ByteBuffer(bytes: message)).count)
                message = []
            }
        }
        #expect(counts == [0, 1, 2, 3, 4])
        #expect(sender.probe.recorded == ["sent all"])
        try await connection.close()
    }

    /// §6.2: the client cancels while the handler waits for credit: the handler's `send` throws
    /// CANCELLED and nothing more is written for the call, not even TRAILERS.
    @Test func aCancelEndsTheWaitingHandler() async throws {
        let sender = Sender()
        let connection = try await call(sender)
        #expect(try await connection.frames { !$0.isEmpty }.map(\.type) == [.message])
        var cancel = ByteBuffer()
        cancel.writeFrame(.cancel, stream: 1, message: CancelReason(code: .cancelled, message: "gone"))
        try await connection.send(cancel)
        // The handler's task resumes on the connection's loop, which the test turns.
        let afterCancel = try await connection.frames { _ in !sender.probe.recorded.isEmpty }
        #expect(sender.probe.recorded == ["send 0 failed: CANCELLED"])
        #expect(afterCancel.isEmpty, "written after the CANCEL: \(afterCancel.map(\.type))")
        // The connection goes on: credit for the cancelled stream is ignored, a new call is served.
        try await connection.send(windowUpdate(1_000))
        var health = ByteBuffer()
        health.writeFrame(.headers, stream: 3, message: CallHeaders(method: HealthService.check.path))
        health.writeFrame(.message, flags: .endStream, stream: 3, message: HealthCheckRequest())
        try await connection.send(health)
        let frames = try await connection.frames(untilTrailersOf: 3)
        #expect(frames.allSatisfy { $0.streamID == 3 })
        #expect(frames.last?.trailers?.status == .ok)
        try await connection.close()
    }
}
