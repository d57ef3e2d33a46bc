import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Synchronization
import Testing
@testable import JCSkillsLoad

/// Every abuser kind of `jcskills-load abuse` at once, two connections each, for three seconds
/// against an in-process server with small limits: the server's buffered bytes stay within its
/// budget, every kind gets to work, and a normal client gets its answers while
/// the abuse runs and after it. Gentle settings: the whole suite shares two cores.
@Suite("Abusers against a server with small limits")
struct AbuseRunTests {
    static let bufferLimit = 256 << 10

    @Test func theServerHoldsAgainstEveryKind() async throws {
        try await withTestServer(services: [EchoRPCService()], configure: { configuration in
            configuration.maximumConcurrentStreams = 16
            configuration.maximumBufferedBytesPerConnection = 64 << 10
            configuration.maximumBufferedBytes = Self.bufferLimit
            configuration.requestTimeout = .milliseconds(300)
            configuration.callIdleTimeout = .milliseconds(800)
        }) { server, endpoint in
            var plan = AbusePlan(
                endpoint: endpoint, tls: TestPKI.shared.files("admin"), kinds: AbuseKind.allCases,
                connections: 2 * AbuseKind.allCases.count, duration: .seconds(3))
            plan.settings.expandPayloadBytes = 64 << 10
            plan.settings.pingsPerWrite = 64
            plan.settings.pingInterval = .milliseconds(2)
            plan.settings.fragmentBytes = 4 << 10
            plan.settings.fragmentInterval = .milliseconds(5)
            plan.settings.trickleInterval = .milliseconds(5)
            plan.settings.reconnectDelay = .milliseconds(50)
            let abuse = plan

            let watch = Watch()
            let report = try await withTestClient(endpoint, as: "admin", configure: { $0.defaultTimeout = .seconds(5) }) { client in
                try await withThrowingTaskGroup(of: AbuseReport?.self) { group in
                    group.addTask { try await AbuseRun.run(abuse) }
                    group.addTask {
                        // A normal caller, and the budget, watched while the abuse runs.
                        let clock = ContinuousClock()
                        let end = clock.now + .milliseconds(3_200)
                        while clock.now < end {
                            let buffered = server.bufferedBytes
                            watch.peakBuffered.withLock { $0 = max($0, buffered) }
                            do {
                                _ = try await client.unary(EchoService.echo, EchoMessage(text: "still there?"))
                                watch.answers.withLock { $0.succeeded += 1 }
                            } catch {
                                watch.answers.withLock { $0.failed.append("\(error)") }
                            }
                            try await Task.sleep(for: .milliseconds(20))
                        }
                        return nil
                    }
                    var report: AbuseReport?
                    for try await result in group { report = report ?? result }
                    return report!
                }
            }
            #expect(watch.peakBuffered.withLock { $0 } <= Self.bufferLimit)
            let (succeeded, failed) = watch.answers.withLock { ($0.succeeded, $0.failed) }
            #expect(failed.isEmpty, "a normal caller failed during the abuse: \(failed.prefix(3))")
            #expect(succeeded >= 1)
            for kind in report.kinds {
                #expect(kind.established >= 1, "\(report.table())")
                switch kind.kind {
                case .unfinished:
                    #expect(kind.callsEnded["RESOURCE_EXHAUSTED", default: 0] > 0, "\(report.table())")
                case .idleStream:
                    break  // its timeouts need the connection up for 0.3 s: not certain on a busy machine
                case .slowReader, .pingFlood, .partialFrame:
                    #expect(kind.bytesSent > 0, "\(report.table())")
                }
            }
            // After: nothing is left held, and the server answers.
            let clock = ContinuousClock()
            let settled = clock.now + .seconds(5)
            while (server.bufferedBytes != 0 || server.runningCalls != 0 || server.connectionCount != 0), clock.now < settled {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(server.bufferedBytes == 0)
            #expect(server.runningCalls == 0)
            try await withTestClient(endpoint, as: "admin") { client in
                let answer = try await client.unary(EchoService.echo, EchoMessage(text: "after"))
                #expect(answer.text == "after")
            }
        }
    }

    @Test func kindsParse() throws {
        #expect(try AbuseKind.list("all").get() == AbuseKind.allCases)
        #expect(try AbuseKind.list("slow-reader, idle-stream").get() == [.slowReader, .idleStream])
        guard case .failure(let error) = AbuseKind.list("slow-reader,nap") else {
            Issue.record("an unknown kind parsed")
            return
        }
        #expect(error.description.contains("'nap'"))
    }
}

/// What the watching caller saw while the abuse ran.
private final class Watch: Sendable {
    let peakBuffered = Mutex(0)
    let answers = Mutex((succeeded: 0, failed: [String]()))
}
