import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// A call whose HEADERS were read in the usual form (Protocol/Sources/Frames/UsualCallHeaders.swift)
/// keeps its request id as a number and makes no metadata list (Sources/RPC/Core/ServerContext.swift):
/// its handler must still see what the call sent, as for a call read in full (SPEC.md §6.3).
@Suite("The usual call's context: the request id and metadata as sent (SPEC.md §6.3)", .timeLimit(.minutes(1)))
struct UsualCallContextTests {
    /// Answers with what its context says, one field a line.
    struct ContextProbe: RPCService {
        static let describe = Method<EchoMessage, EchoMessage>(service: "test.Context", name: "Describe", kind: .unary)

        func register(in router: inout RPCRouter) {
            router.unary(Self.describe, policy: .anyAuthenticated) { _, context in
                let metadata = context.metadata.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                return EchoMessage(text: [
                    context.requestID, metadata, context[metadata: MetadataKey.requestID] ?? "-",
                    context.acceptLanguage ?? "-", context.idempotencyKey ?? "-",
                    CallScope.current?.requestID ?? "-", CallScope.current?.requestIDValue.text ?? "-",
                ].joined(separator: "\n"))
            }
        }
    }

    private func describe(_ connection: ServerTestConnection, stream: UInt32, metadata: [MetadataEntry]) async throws -> [String] {
        var bytes = ByteBuffer()
        bytes.writeFrame(.headers, stream: stream, message: CallHeaders(method: ContextProbe.describe.path, metadata: metadata))
        bytes.writeFrame(.message, flags: .endStream, stream: stream, message: EchoMessage())
        try await connection.send(bytes)
        let frames = try await connection.frames(untilTrailersOf: stream)
        #expect(frames.last?.trailers?.status == .ok)
        let answer = try EchoMessage(buffer: try #require(frames.first { $0.type == .message }).payload)
        return answer.text.components(separatedBy: "\n")
    }

    @Test func theHandlerSeesWhatTheCallSent() async throws {
        let connection = try await ServerTestConnection.open(services: [ContextProbe()])
        let first = "0123456789abcdef", second = "00000000075bcd15"
        // The first call is read in full; the next ones to the same method in the usual form.
        #expect(try await describe(connection, stream: 1, metadata: [MetadataEntry(MetadataKey.requestID, first)])
                == [first, "request-id=\(first)", first, "-", "-", first, first])
        #expect(try await describe(connection, stream: 3, metadata: [MetadataEntry(MetadataKey.requestID, second)])
                == [second, "request-id=\(second)", second, "-", "-", second, second])
        // No id sent: the server makes one (16 lower-case hex digits), and the metadata stays empty.
        let made = try await describe(connection, stream: 5, metadata: [])
        #expect(made.count == 7 && made[1...4] == ["", "-", "-", "-"])
        #expect(made[0].utf8.count == 16)
        #expect(made[0].allSatisfy { $0.isHexDigit && !$0.isUppercase } && made[5] == made[0] && made[6] == made[0])
        // Other metadata: read in full, in the order sent.
        let language = MetadataEntry(MetadataKey.acceptLanguage, "zh")
        #expect(try await describe(connection, stream: 7, metadata: [language, MetadataEntry(MetadataKey.requestID, second)])
                == [second, "accept-language=zh,request-id=\(second)", second, "zh", "-", second, second])
        try await connection.close()
    }
}
