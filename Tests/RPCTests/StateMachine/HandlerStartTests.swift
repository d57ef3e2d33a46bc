import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Synchronization
import Testing

/// How a server connection starts a call's handler (Server/ServerConnectionHandler.swift,
/// docs/ARCHITECTURE.md "Server connection"): at once, inside the read that brought the call,
/// so that a handler that does not wait answers in that read's batch of frames; a handler that
/// waits goes on when it resumes, and the call's cancellation still reaches it.
@Suite("Handlers start inside the read that brought their call", .timeLimit(.minutes(1)))
struct HandlerStartTests {
    final class Probe: RPCService {
        static let answersAtOnce = Method<EchoMessage, EchoMessage>(service: "test.Start", name: "AnswersAtOnce", kind: .unary)
        static let waits = Method<EchoMessage, EchoMessage>(service: "test.Start", name: "Waits", kind: .unary)
        /// What each handler saw, in order: "started N", "answered N", "cancelled N".
        let events = Mutex<[String]>([])
        /// The handler of ``waits`` parks here until the test lets it go or its call is cancelled.
        let parked = Mutex<CheckedContinuation<Void, any Error>?>(nil)

        func register(in router: inout RPCRouter) {
            router.unary(Self.answersAtOnce, policy: .anyAuthenticated) { request, _ in
                self.events.withLock { $0.append("answered \(request.count)") }
                return request
            }
            router.unary(Self.waits, policy: .anyAuthenticated) { request, _ in
                self.events.withLock { $0.append("started \(request.count)") }
                do {
                    try await withTaskCancellationHandler {
                        try await withCheckedThrowingContinuation { continuation in
                            self.parked.withLock { $0 = continuation }
                        }
                    } onCancel: {
                        self.parked.withLock { $0.take() }?.resume(throwing: CancellationError())
                    }
                } catch {
                    self.events.withLock { $0.append("cancelled \(request.count)") }
                    throw error
                }
                self.events.withLock { $0.append("answered \(request.count)") }
                return request
            }
        }

        func release() -> Bool {
            guard let continuation = parked.withLock({ $0.take() }) else { return false }
            continuation.resume()
            return true
        }
    }

    private func call(_ method: Method<EchoMessage, EchoMessage>, stream: UInt32, count: UInt32) -> ByteBuffer {
        var bytes = ByteBuffer()
        bytes.writeFrame(.headers, stream: stream, message: CallHeaders(method: method.path))
        bytes.writeFrame(.message, flags: .endStream, stream: stream, message: EchoMessage(text: "start", count: count))
        return bytes
    }

    private func inOneRead(_ first: ByteBuffer, _ second: ByteBuffer) -> ByteBuffer {
        var bytes = first
        bytes.writeImmutableBuffer(second)
        return bytes
    }

    /// Two calls in one read, each answered without waiting: both answers are written and flushed
    /// before the read returns, in one write, with nothing left for the loop to run.
    @Test func handlersThatDoNotWaitAnswerInTheReadThatBroughtTheirCalls() async throws {
        let probe = Probe()
        let connection = try await ServerTestConnection.open(services: [probe])
        try await connection.send(inOneRead(call(Probe.answersAtOnce, stream: 1, count: 1), call(Probe.answersAtOnce, stream: 3, count: 3)))

        let writes = try await connection.writesSoFar()
        #expect(writes.count == 1)
        let frames = try writes.flatMap(ServerTestConnection.frames(in:))
        #expect(frames.filter { $0.type == .trailers }.map(\.streamID) == [1, 3])
        #expect(frames.filter { $0.type == .trailers }.allSatisfy { $0.trailers?.status == .ok })
        #expect(probe.events.withLock { $0 } == ["answered 1", "answered 3"])
        try await connection.close()
    }

    /// A handler that waits has started (and run up to its wait) by the time the read returns;
    /// its answer follows when it resumes, and a call behind it is not held up meanwhile.
    @Test func aHandlerThatWaitsAnswersWhenItResumesWithoutHoldingUpTheNext() async throws {
        let probe = Probe()
        let connection = try await ServerTestConnection.open(services: [probe])
        try await connection.send(inOneRead(call(Probe.waits, stream: 1, count: 1), call(Probe.answersAtOnce, stream: 3, count: 3)))

        let first = try await connection.writesSoFar().flatMap(ServerTestConnection.frames(in:))
        #expect(first.filter { $0.type == .trailers }.map(\.streamID) == [3])
        #expect(probe.events.withLock { $0 } == ["started 1", "answered 3"])

        #expect(probe.release())
        let rest = try await connection.frames(untilTrailersOf: 1)
        #expect(rest.last?.trailers?.status == .ok)
        #expect(probe.events.withLock { $0 } == ["started 1", "answered 3", "answered 1"])
        try await connection.close()
    }

    /// The caller's CANCEL reaches a handler that started at once and is waiting: its task is the
    /// one the connection cancels.
    @Test func aCancelReachesAHandlerStartedAtOnce() async throws {
        let probe = Probe()
        let connection = try await ServerTestConnection.open(services: [probe])
        try await connection.send(call(Probe.waits, stream: 1, count: 7))
        #expect(probe.events.withLock { $0 } == ["started 7"])

        var cancel = ByteBuffer()
        cancel.writeFrame(.cancel, stream: 1, message: CancelReason(code: .cancelled, message: "the client cancelled the call"))
        try await connection.send(cancel)
        _ = try await connection.frames { _ in probe.events.withLock { $0.count == 2 } }
        #expect(probe.events.withLock { $0 } == ["started 7", "cancelled 7"])
        #expect(!probe.release())
        try await connection.close()
    }
}
