import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("A call the server ends while the client still sends")
struct ServerEndsStreamTests {
    /// The client's next send once threw CANCELLED, "the call is no longer active", hiding
    /// the server's reason; it throws the server's status now, and so does the call.
    @Test func aSendAfterTheServerEndedTheCallThrowsTheServersStatus() async throws {
        try await withTestServer(services: [ProbeService(probe: Probe())]) { _, endpoint in
            try await withTestClient(endpoint, as: "training") { client in
                let error = await #expect(throws: RPCError.self) {
                    _ = try await client.clientStreaming(ProbeService.refuseAfterOne) { writer in
                        try await writer.send(EchoMessage(text: "one"))
                        try await Task.sleep(for: .milliseconds(500))  // the server's TRAILERS arrive meanwhile
                        try await writer.send(EchoMessage(text: "two"))
                    }
                }
                #expect(error?.code == .failedPrecondition)
                #expect(error?.message == "one is enough")
            }
        }
    }
}
