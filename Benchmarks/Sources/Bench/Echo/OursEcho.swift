import JCSkillsExecutors
import JCSkillsProtocol
import JCSkillsRPC
import NIOCore
import NIOPosix

/// Our protocol: `RPCClient` → `RPCServer` with `EchoRPCService`, as a service would run it,
/// one event-loop thread per process.
enum OursEcho {
    static func serve(pki: BenchPKI) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let files = TLSFiles(certificateChain: pki.certificate("server"), privateKey: pki.key("server"), trustRoots: pki.ca)
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, tls: files, serverName: "bench")
        let server = RPCServer(configuration: configuration, services: [EchoRPCService()], group: group)
        async let running: Void = server.run()
        let address = try await server.listeningAddress()
        ServerProcess.announce(port: address.port!)
        try await running
    }

    static func measure(port: Int, pki: BenchPKI, serverPID: Int32, plan: EchoPlan) async throws -> [EchoMeasurement] {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var configuration = ClientConfiguration(
            tls: TLSFiles(certificateChain: pki.certificate("client"), privateKey: pki.key("client"), trustRoots: pki.ca))
        configuration.maximumAttempts = 1
        let client = try RPCClient(endpoints: [Endpoint(host: "127.0.0.1", port: port)], configuration: configuration, group: group)
        // The callers run on the connection's event loop, as `jcskills-load` and a service's
        // handlers do: no thread hop per call that the protocol itself does not need.
        let executor = EventLoopTaskExecutor(group.next())
        let message = EchoMessage(payload: Array(repeating: 0x5A, count: plan.payloadBytes))
        _ = try await client.unary(EchoService.echo, message)
        var results: [EchoMeasurement] = []
        for outstanding in plan.outstanding {
            results.append(await AsyncClosedLoop.measure(
                .ours, outstanding: outstanding, plan: plan, serverPID: serverPID, executor: executor
            ) {
                let response = try await client.unary(EchoService.echo, message)
                precondition(response.payload.bytes.count == plan.payloadBytes)
            })
        }
        await client.close()
        try await group.shutdownGracefully()
        return results
    }
}
