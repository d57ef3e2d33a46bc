import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import NIOEmbedded
import Testing

/// What the client keeps for one call's caller (Client/ClientStream.swift): a failure reaches
/// everyone who waits on the call — the one waiting for the answer, the reader of a response
/// stream, a writer waiting for credit — once.
@Suite("Client stream: a failure ends every wait on the call", .timeLimit(.minutes(1)))
struct ClientStreamTests {
    /// Every waiter gets the failure: the answer's waiter the `CallFailure` (so the retry logic
    /// sees whether the server saw the call), the reader and the writer its RPC error.
    @Test func aFailureReachesEveryWaiter() async throws {
        let loop = EmbeddedEventLoop()
        let answer = loop.makePromise(of: ByteBuffer.self)
        let inbound = InboundMessages { _ in }
        let stream = ClientStream(responseWaiter: .promise(answer), inbound: inbound)
        let failure = CallFailure(error: RPCError(.unavailable, "connection lost"), notProcessed: true)
        // A writer waits for credit; the failure comes while it waits.
        var writerError: (any Error)?
        do {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
                stream.writerWaiter = continuation
                stream.fail(failure)
            }
        } catch {
            writerError = error
        }
        #expect(writerError as? RPCError == failure.error)
        do {
            _ = try await answer.futureResult.get()
            Issue.record("the answer's waiter was not failed")
        } catch let caught as CallFailure {
            #expect(caught.error == failure.error && caught.notProcessed)
        }
        await #expect(throws: failure.error) { _ = try await inbound.next() }
        #expect(stream.responseWaiter == nil && stream.writerWaiter == nil)
    }

    /// A second failure (the connection closing after a deadline already failed the call)
    /// changes nothing: the reader keeps the first reason.
    @Test func onlyTheFirstFailureCounts() async throws {
        let inbound = InboundMessages { _ in }
        let stream = ClientStream(responseWaiter: nil, inbound: inbound)
        stream.fail(CallFailure(error: RPCError(.deadlineExceeded, "deadline"), notProcessed: false))
        stream.fail(CallFailure(error: RPCError(.unavailable, "closed"), notProcessed: false))
        await #expect(throws: RPCError(.deadlineExceeded, "deadline")) { _ = try await inbound.next() }
    }

    /// Who waits for a single answer, a task or a promise, gets the answer or the error.
    @Test func aResponseSinkDeliversToATaskOrAPromise() async throws {
        let response = ByteBuffer(bytes: [1, 2, 3])
        let taken = try await withUnsafeThrowingContinuation { ResponseSink.continuation($0).succeed(response) }
        #expect(taken == response)
        let loop = EmbeddedEventLoop()
        let promise = loop.makePromise(of: ByteBuffer.self)
        ResponseSink.promise(promise).fail(RPCError(.internal, "x"))
        await #expect(throws: RPCError(.internal, "x")) { _ = try await promise.futureResult.get() }
    }
}
