import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Synchronization
import Testing

/// `RPCRouter` (Server/RPCRouter.swift): each of the four kinds of handler as the router wraps
/// it — decoding, the handler's errors as TRAILERS, the end of a stream — and the access policy
/// checked before any handler runs, on a server connection over NIO's testing channel.
@Suite("Router: handlers, their errors and policies on a channel (SPEC.md §5.2–§5.5, §8)", .timeLimit(.minutes(1)))
struct RouterChannelTests {
    struct Opaque: Error {}

    /// Methods shaped for these tests; `ran` records every handler that started.
    final class RouterProbe: RPCService {
        static let fails = Method<EchoMessage, EchoMessage>(service: "test.Router", name: "Fails", kind: .unary)
        static let twoThenNotFound = Method<EchoMessage, EchoMessage>(service: "test.Router", name: "TwoThenNotFound", kind: .serverStreaming)
        static let count = Method<EchoMessage, EchoMessage>(service: "test.Router", name: "Count", kind: .clientStreaming)
        static let mirror = Method<EchoMessage, EchoMessage>(service: "test.Router", name: "Mirror", kind: .bidirectionalStreaming)
        static let identifiedOnly = Method<EchoMessage, EchoMessage>(service: "test.Router", name: "IdentifiedOnly", kind: .unary)
        let ran = Mutex<[String]>([])

        func register(in router: inout RPCRouter) {
            router.unary(Self.fails, policy: .anyAuthenticated) { _, _ in
                self.ran.withLock { $0.append("fails") }
                throw Opaque()
            }
            router.serverStreaming(Self.twoThenNotFound, policy: .anyAuthenticated) { request, writer, _ in
                for index in 0..<2 { try await writer.send(EchoMessage(text: request.text, count: UInt32(index))) }
                throw RPCError(.notFound, "no third")
            }
            router.clientStreaming(Self.count, policy: .anyAuthenticated) { requests, _ in
                var count: UInt32 = 0
                for try await _ in requests { count += 1 }
                return EchoMessage(count: count)
            }
            router.bidirectionalStreaming(Self.mirror, policy: .anyAuthenticated) { requests, writer, _ in
                for try await request in requests { try await writer.send(EchoMessage(text: String(request.text.reversed()))) }
            }
            router.unary(Self.identifiedOnly, policy: .anyIdentified) { request, _ in
                self.ran.withLock { $0.append("identified") }
                return request
            }
        }
    }

    private func call(_ method: Method<EchoMessage, EchoMessage>, stream: UInt32 = 1, metadata: [MetadataEntry] = [],
                      _ requests: [EchoMessage], halfClose: Bool = true) -> ByteBuffer {
        var bytes = ByteBuffer()
        bytes.writeFrame(.headers, stream: stream, message: CallHeaders(method: method.path, metadata: metadata))
        for (index, request) in requests.enumerated() {
            bytes.writeFrame(.message, flags: halfClose && index == requests.count - 1 ? .endStream : [], stream: stream, message: request)
        }
        if halfClose && requests.isEmpty { bytes.writeFrame(.endStream, stream: stream, payload: ByteBuffer()) }
        return bytes
    }

    /// §8: an error that carries no status reaches the caller as INTERNAL with a generic
    /// message quoting the request id; what the error said stays in the server's log.
    @Test func anErrorWithoutAStatusIsInternalQuotingTheRequestID() async throws {
        let probe = RouterProbe()
        let connection = try await ServerTestConnection.open(services: [probe])
        try await connection.send(call(RouterProbe.fails, metadata: [MetadataEntry(MetadataKey.requestID, "req-42")], [EchoMessage(text: "x")]))
        let frames = try await connection.frames(untilTrailersOf: 1)
        #expect(frames.map(\.type) == [.trailers])
        #expect(frames.last?.trailers == Trailers(code: .internal, message: "internal error (request id req-42)"))
        #expect(probe.ran.withLock { $0 } == ["fails"])
        try await connection.close()
    }

    /// §8: a request that does not decode is INVALID_ARGUMENT, and the handler never runs.
    @Test func aRequestThatDoesNotDecodeIsInvalidArgument() async throws {
        let probe = RouterProbe()
        let connection = try await ServerTestConnection.open(services: [probe])
        var bytes = ByteBuffer()
        bytes.writeFrame(.headers, stream: 1, message: CallHeaders(method: RouterProbe.fails.path))
        bytes.writeFrame(.message, flags: .endStream, stream: 1, payload: ByteBuffer(bytes: [0xFF]))
        try await connection.send(bytes)
        let frames = try await connection.frames(untilTrailersOf: 1)
        #expect(frames.last?.trailers?.status == .invalidArgument)
        #expect(probe.ran.withLock { $0 }.isEmpty)
        try await connection.close()
    }

    /// §5.3, §8: a server stream's responses go out in order, and an error thrown after them
    /// ends the call with its own status and message.
    @Test func aServerStreamEndsWithTheHandlersError() async throws {
        let connection = try await ServerTestConnection.open(services: [RouterProbe()])
        try await connection.send(call(RouterProbe.twoThenNotFound, [EchoMessage(text: "s")]))
        let frames = try await connection.frames(untilTrailersOf: 1)
        #expect(frames.map(\.type) == [.message, .message, .trailers])
        #expect(try frames.dropLast().map { try EchoMessage(buffer: $0.payload).count } == [0, 1])
        #expect(frames.last?.trailers == Trailers(code: .notFound, message: "no third"))
        try await connection.close()
    }

    /// §5.4, §8: a client stream sees every request until the half-close — none at all is an
    /// empty stream, not an error — and one that does not decode ends the call with
    /// INVALID_ARGUMENT.
    @Test func aClientStreamCountsItsRequestsAndRefusesOneThatDoesNotDecode() async throws {
        let connection = try await ServerTestConnection.open(services: [RouterProbe()])
        try await connection.send(call(RouterProbe.count, stream: 1, Array(repeating: EchoMessage(text: "r"), count: 3)))
        try await connection.send(call(RouterProbe.count, stream: 3, []))
        var bytes = call(RouterProbe.count, stream: 5, [EchoMessage(text: "fine")], halfClose: false)
        bytes.writeFrame(.message, flags: .endStream, stream: 5, payload: ByteBuffer(bytes: [0xFF]))
        try await connection.send(bytes)
        let frames = try await connection.frames { frames in [1, 3, 5].allSatisfy { id in frames.contains { $0.trailers != nil && $0.streamID == id } } }
        // By stream: the two calls' handlers run side by side, and either may answer first.
        let answers = try frames.filter { $0.type == .message }.map { ($0.streamID, try EchoMessage(buffer: $0.payload).count) }
            .sorted { $0.0 < $1.0 }
        #expect(answers.map(\.0) == [1, 3] && answers.map(\.1) == [3, 0])
        #expect(frames.first { $0.streamID == 1 && $0.type == .trailers }?.trailers?.status == .ok)
        #expect(frames.first { $0.streamID == 5 && $0.type == .trailers }?.trailers?.status == .invalidArgument)
        try await connection.close()
    }

    /// §5.5: a bidirectional handler answers each request as it comes; its return after the
    /// half-close ends the call OK.
    @Test func aBidirectionalStreamAnswersEachRequest() async throws {
        let connection = try await ServerTestConnection.open(services: [RouterProbe()])
        try await connection.send(call(RouterProbe.mirror, [EchoMessage(text: "ab"), EchoMessage(text: "cde")]))
        let frames = try await connection.frames(untilTrailersOf: 1)
        #expect(try frames.filter { $0.type == .message }.map { try EchoMessage(buffer: $0.payload).text } == ["ba", "edc"])
        #expect(frames.last?.trailers?.status == .ok)
        try await connection.close()
    }

    /// §8: a policy that refuses the caller answers PERMISSION_DENIED before the handler runs;
    /// the connection goes on serving what the caller may call.
    @Test func aPolicyRefusalComesBeforeTheHandler() async throws {
        let probe = RouterProbe()
        let connection = try await ServerTestConnection.open(services: [probe])
        try await connection.send(call(RouterProbe.identifiedOnly, [EchoMessage(text: "x")]))
        let refused = try await connection.frames(untilTrailersOf: 1)
        #expect(refused.map(\.type) == [.trailers])
        #expect(refused.last?.trailers?.status == .permissionDenied)
        #expect(probe.ran.withLock { $0 }.isEmpty)
        try await connection.send(call(RouterProbe.mirror, stream: 3, [EchoMessage(text: "ok")]))
        #expect(try await connection.frames(untilTrailersOf: 3).last?.trailers?.status == .ok)
        try await connection.close()
    }

    /// What a server lists of its methods (health checks, the contracts of SPEC.md §14):
    /// every path once, sorted, with its kind and who may call it.
    @Test func theRouterListsItsMethodsSorted() {
        var router = RPCRouter()
        router.add(RouterProbe())
        router.add(EchoRPCService())
        #expect(router.paths == router.paths.sorted())
        #expect(router.paths.count == 5 + 4)
        #expect(router.descriptors.map(\.path) == router.paths)
        let mirror = router.descriptors.first { $0.path == "test.Router/Mirror" }
        #expect(mirror?.kind == .bidirectionalStreaming)
        #expect(mirror?.access == "any authenticated peer")
        #expect(router.descriptors.first { $0.path == "test.Router/IdentifiedOnly" }?.access == "any identified peer")
    }
}
