import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("A call the server ends while the client still sends", .timeLimit(.minutes(1)))
struct ServerEndsStreamTests {
    /// The client's next send once threw CANCELLED, "the call is no longer active", hiding
    /// the server's reason; it throws the server's status now, and so does the call.
    ///
    /// The client keeps sending until a send fails, rather than waiting a while for the
    /// server's TRAILERS: sends before they arrive succeed (or wait for credit the ended call
    /// never grants), and the first send after them must fail with the server's status.
    @Test func aSendAfterTheServerEndedTheCallThrowsTheServersStatus() async throws {
        try await withTestServer(services: [ProbeService(probe: Probe())]) { _, endpoint in
            try await withTestClient(endpoint, as: "training") { client in
                let sendFailure = SendFailure()
                let error = await #expect(throws: RPCError.self) {
                    _ = try await client.clientStreaming(ProbeService.refuseAfterOne) { writer in
                        var sent = 0
                        do {
                            while true {
                                try await writer.send(EchoMessage(text: "message \(sent)"))
                                sent += 1
                            }
                        } catch {
                            await sendFailure.set(error, after: sent)
                            throw error
                        }
                    }
                }
                #expect(error?.code == .failedPrecondition)
                #expect(error?.message == "one is enough")
                let (failure, sent) = await sendFailure.value
                #expect((failure as? RPCError)?.code == .failedPrecondition)
                #expect((failure as? RPCError)?.message == "one is enough")
                #expect(sent >= 1, "the server ended the call after its first request")
            }
        }
    }

    /// §5.4: a server may answer a client stream before its last request. Requests sent after
    /// that, or waiting for credit the server will not grant, cannot change the answer: the
    /// call returns the server's response. (A writer waiting for credit was once left waiting
    /// for ever, and with it the call.)
    @Test(arguments: [16, 16 * 1024])
    func aClientStreamAnsweredEarlyReturnsTheAnswer(requestBytes: Int) async throws {
        try await withTestServer(services: [ProbeService(probe: Probe())]) { _, endpoint in
            try await withTestClient(endpoint, as: "training") { client in
                let answer = try await client.clientStreaming(ProbeService.answerAfterOne) { writer in
                    // Far beyond the server's window: once the answer is in, a send ends the body.
                    for index in 0..<2_000 {
                        try await writer.send(EchoMessage(payload: Array(repeating: 1, count: requestBytes), text: "\(index)"))
                    }
                }
                #expect(answer.text == "took 0")
            }
        }
    }

    /// What the failing send threw, and how many sends had succeeded before it.
    actor SendFailure {
        var value: ((any Error)?, Int) = (nil, 0)
        func set(_ error: any Error, after sent: Int) { value = (error, sent) }
    }
}
