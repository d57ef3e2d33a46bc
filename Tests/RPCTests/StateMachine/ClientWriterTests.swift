import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// A client's request writer under back-pressure (Protocol/SPEC.md §9): a `send` past the
/// server's window waits, and whatever ends the wait — credit, the caller's cancellation, the
/// server's answer — ends it exactly once, so no caller is left suspended.
@Suite("Client writer: waiting for credit and what ends the wait (SPEC.md §6.2, §9)", .timeLimit(.minutes(1)))
struct ClientWriterTests {
    /// A server that grants 100 bytes of credit per stream.
    private func connection() async throws -> ClientTestConnection {
        var settings = Settings()
        settings.initialWindowSize = 100
        return try await ClientTestConnection.open(serverSettings: settings)
    }

    /// A request of 240 bytes and more: it cannot go out in the 100 bytes of credit.
    private let large = EchoMessage(payload: Array(repeating: 7, count: 240))

    /// Opens a `kind` call and starts a send of a request larger than the window; returns once
    /// the window's worth has been written (so the send waits for the rest).
    private func waitingWriter(_ connection: ClientTestConnection, _ kind: CallKind, inbound: InboundMessages? = nil)
        async throws -> (call: ClientStream, answer: EventLoopFuture<ByteBuffer>, writer: Task<Void, any Error>) {
        let call = ClientStream()
        let answer = try await connection.start(kind, call: call, inbound: inbound)
        #expect(try await connection.writtenFrames().map(\.type) == [.headers])
        let writer = connection.send(large, on: call)
        var written: [Frame] = []
        for _ in 0..<1_000 where written.isEmpty {
            await connection.loop.run()
            written = try await connection.writtenFrames()
            await Task.yield()
        }
        #expect(written.map(\.type) == [.message] && written.first?.flags == .more && written.first?.payload.readableBytes == 100)
        return (call, answer, writer)
    }

    private func trailers(_ stream: UInt32, _ code: StatusCode, message: String = "", response: EchoMessage? = nil) -> ByteBuffer {
        var bytes = ByteBuffer()
        if let response { bytes.writeFrame(.message, stream: stream, message: response) }
        bytes.writeFrame(.trailers, stream: stream, message: Trailers(code: code, message: message))
        return bytes
    }

    /// The writer's wait ended without an error: the call has its outcome, the message is
    /// dropped. Bounded: a writer left waiting never ends on its own.
    private func expectReleased(_ writer: Task<Void, any Error>) async throws {
        let released = try #require(await TimeLimit.run(.seconds(10)) { try await writer.value },
                                    "the writer is still waiting after the call ended")
        #expect(throws: Never.self) { try released.get() }
    }

    /// §9: the server's WINDOW_UPDATE lets the rest of the request out, with the writer
    /// resumed; its next send goes out at once while credit lasts.
    @Test func creditResumesTheWaitingWriter() async throws {
        let connection = try await connection()
        let (call, _, writer) = try await waitingWriter(connection, .clientStreaming)
        var update = ByteBuffer()
        update.writeFrame(.windowUpdate, stream: 1, payload: ByteBuffer(integer: UInt32(1_000)))
        try await connection.receive(update)
        try await writer.value
        let rest = try await connection.writtenFrames()
        #expect(rest.map(\.type) == [.message] && rest[0].flags == [])
        #expect(rest[0].payload.readableBytes == large.encodedSize() - 100)
        try await connection.send(EchoMessage(text: "small"), on: call).value
        #expect(try await connection.writtenFrames().map(\.type) == [.message])
        try await connection.close()
    }

    /// §6.2: a caller that gives up while its writer waits tells the server (CANCEL), and the
    /// writer's wait ends with CANCELLED.
    @Test func cancellingTheCallEndsTheWait() async throws {
        let connection = try await connection()
        let (call, answer, writer) = try await waitingWriter(connection, .clientStreaming)
        try await connection.onLoop { $0.cancel(call) }
        await #expect(throws: RPCError.self) { try await writer.value }
        do {
            try await writer.value
        } catch let error as RPCError {
            #expect(error.code == .cancelled)
        }
        await #expect(throws: (any Error).self) { _ = try await answer.get() }
        let cancel = try await connection.writtenFrames()
        #expect(cancel.map(\.type) == [.cancel] && cancel[0].streamID == 1)
        try await connection.close()
    }

    /// §8: the server ends the call with an error while the writer waits: the writer gets the
    /// server's status, not a CANCELLED nobody asked for.
    @Test func theServersErrorEndsTheWait() async throws {
        let connection = try await connection()
        let (_, answer, writer) = try await waitingWriter(connection, .clientStreaming)
        try await connection.receive(trailers(1, .failedPrecondition, message: "no more"))
        await #expect(throws: RPCError(.failedPrecondition, "no more")) { try await writer.value }
        await #expect(throws: (any Error).self) { _ = try await answer.get() }
        try await connection.close()
    }

    /// §5.4: a client-streaming call the server answers (OK, with its response) before it has
    /// taken every request: the caller gets the response, and the writer waiting for credit
    /// the server will never grant is released rather than left suspended for ever.
    @Test func aClientStreamAnsweredEarlyReleasesTheWriter() async throws {
        let connection = try await connection()
        let (_, answer, writer) = try await waitingWriter(connection, .clientStreaming)
        try await connection.receive(trailers(1, .ok, response: EchoMessage(text: "enough")))
        #expect(try EchoMessage(buffer: try await answer.get()).text == "enough")
        try await expectReleased(writer)
        try await connection.close()
    }

    /// §5.5: the same for a bidirectional call: the responses end cleanly and the waiting
    /// writer is released.
    @Test func aBidirectionalCallEndedByTheServerReleasesTheWriter() async throws {
        let connection = try await connection()
        let inbound = InboundMessages { _ in }
        let (_, _, writer) = try await waitingWriter(connection, .bidirectionalStreaming, inbound: inbound)
        try await connection.receive(trailers(1, .ok, response: EchoMessage(text: "last")))
        #expect(try await inbound.next().map { try EchoMessage(buffer: $0).text } == "last")
        #expect(try await inbound.next() == nil)
        try await expectReleased(writer)
        try await connection.close()
    }

    /// After the server's OK a later send returns at once and writes nothing: the call has
    /// its outcome. After an error, a later send throws the server's status.
    @Test func aSendAfterTheCallEndedIsDroppedOrFails() async throws {
        let connection = try await connection()
        let (call, _, writer) = try await waitingWriter(connection, .bidirectionalStreaming, inbound: InboundMessages { _ in })
        try await connection.receive(trailers(1, .ok))
        try await expectReleased(writer)
        try await connection.send(EchoMessage(text: "late"), on: call).value
        #expect(try await connection.writtenFrames().isEmpty)

        let failed = ClientStream()
        _ = try await connection.start(.bidirectionalStreaming, call: failed, inbound: InboundMessages { _ in })
        #expect(try await connection.writtenFrames().map(\.type) == [.headers])
        try await connection.receive(trailers(failed.streamID, .resourceExhausted, message: "full"))
        await #expect(throws: RPCError(.resourceExhausted, "full")) {
            try await connection.send(EchoMessage(text: "late"), on: failed).value
        }
        try await connection.close()
    }
}
