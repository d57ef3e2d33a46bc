import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import NIOPosix
import Synchronization
import Testing

@Suite("TimeLimit: an answer by the limit, whatever the work does", .timeLimit(.minutes(1)))
struct TimeLimitTests {
    struct Refusal: Error, Equatable {}

    @Test
    func aValueOrAnErrorInTimeIsPassedOn() async throws {
        let value = await TimeLimit.run(.seconds(5)) { 42 }
        #expect(try value?.get() == 42)
        let error = await TimeLimit.run(.seconds(5)) { () async throws -> Int in throw Refusal() }
        guard case .failure(let failure)? = error else {
            Issue.record("expected the work's error, got \(String(describing: error))")
            return
        }
        #expect(failure as? Refusal == Refusal())
    }

    /// Inside a handler the work runs where the handler does — its connection's event loop —
    /// rather than on the shared pool, a thread switch there and one back for every call a
    /// gateway makes to its sources. Outside any handler it runs on the pool.
    @Test
    func insideAHandlerTheWorkRunsOnTheHandlersEventLoop() async throws {
        try await withTestServer(services: [WhereService()]) { _, endpoint in
            try await withTestClient(endpoint) { client in
                let answer = try await client.unary(WhereService.ask, EchoMessage())
                #expect(answer.text == "the handler's event loop", "\(answer.text)")
            }
        }
        let outside = await TimeLimit.run(.seconds(5)) { MultiThreadedEventLoopGroup.currentEventLoop == nil }
        #expect(try outside?.get() == true)
    }

    /// The work ignores cancellation and ends only when the test lets it: the answer (none)
    /// comes while it is still held, so the limit, not the work, decided when.
    @Test
    func workThatIgnoresCancellationDoesNotHoldTheAnswerBack() async throws {
        let release = Gate()
        let finished = Mutex(false)
        let result = await TimeLimit.run(.milliseconds(200)) { () async -> Int in
            await release.wait()
            finished.withLock { $0 = true }
            return 1
        }
        #expect(result == nil)
        #expect(finished.withLock { !$0 }, "the answer waited for the work")
        release.open()
    }
}

/// Answers where a ``TimeLimit``'s work ran, seen from the handler that started it.
private struct WhereService: RPCService {
    static let ask = Method<EchoMessage, EchoMessage>(service: "test.Where", name: "Ask", kind: .unary)

    func register(in router: inout RPCRouter) {
        router.unary(Self.ask, policy: .anyAuthenticated) { _, _ in
            guard let handlerLoop = MultiThreadedEventLoopGroup.currentEventLoop else {
                return EchoMessage(text: "the handler runs on no event loop")
            }
            let workLoop = await TimeLimit.run(.seconds(5)) { MultiThreadedEventLoopGroup.currentEventLoop }
            switch workLoop {
            case .success(let loop?)? where loop === handlerLoop: return EchoMessage(text: "the handler's event loop")
            case .success(let loop?)?: return EchoMessage(text: "another event loop: \(loop)")
            default: return EchoMessage(text: "no event loop: \(String(describing: workLoop))")
            }
        }
    }
}

@Suite("TimeLimit.runEach: every piece's result by one limit", .timeLimit(.minutes(1)))
struct TimeLimitEachTests {
    struct Refusal: Error {}

    @Test
    func eachPiecesValueOrErrorInItsPlace() async throws {
        let results = await TimeLimit.runEach(.seconds(5), count: 3) { index in
            if index == 1 { throw Refusal() }
            return index * 10
        }
        #expect(results.count == 3)
        #expect(try results[0]?.get() == 0)
        #expect(try results[2]?.get() == 20)
        guard case .failure(let error)? = results[1] else {
            Issue.record("expected the piece's error, got \(String(describing: results[1]))")
            return
        }
        #expect(error is Refusal)
        #expect(await TimeLimit.runEach(.seconds(5), count: 0) { $0 }.isEmpty)
    }

    /// One piece never ends until the test lets it: the others' results come by the limit,
    /// the held one's place is empty, and the answer did not wait for it.
    @Test
    func aPieceStillRunningAtTheLimitIsLeftEmptyAndTheOthersKept() async throws {
        let release = Gate()
        let finished = Mutex(false)
        let results = await TimeLimit.runEach(.milliseconds(300), count: 3) { index -> Int in
            guard index == 2 else { return index + 1 }
            await release.wait()
            finished.withLock { $0 = true }
            return 0
        }
        #expect(try results[0]?.get() == 1)
        #expect(try results[1]?.get() == 2)
        #expect(results[2] == nil)
        #expect(finished.withLock { !$0 }, "the answer waited for the held piece")
        release.open()
    }
}
