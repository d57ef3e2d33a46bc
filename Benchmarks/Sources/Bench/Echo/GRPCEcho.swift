import GRPCCore
import GRPCNIOTransportHTTP2
import NIOPosix

/// grpc-swift 2: GRPCCore over the HTTP/2 posix transport, unary echo of raw bytes (no
/// protobuf, so only the RPC stack is measured), mutual TLS, one event-loop thread per process.
enum GRPCEcho {
    static let method = MethodDescriptor(fullyQualifiedService: "jcskills.bench.Echo", method: "Echo")

    struct RawBytes: MessageSerializer, MessageDeserializer {
        func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }
        func deserialize<Bytes: GRPCContiguousBytes>(_ bytes: Bytes) throws -> [UInt8] {
            bytes.withUnsafeBytes { Array($0) }
        }
    }

    struct EchoService: RegistrableRPCService {
        func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
            router.registerHandler(forMethod: GRPCEcho.method, deserializer: RawBytes(), serializer: RawBytes()) { request, _ in
                let single = try await ServerRequest(stream: request)
                return StreamingServerResponse(single: ServerResponse(message: single.message))
            }
        }
    }

    static func serve(pki: BenchPKI) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let transport = HTTP2ServerTransport.Posix(
            address: .ipv4(host: "127.0.0.1", port: 0),
            transportSecurity: .mTLS(
                certificateChain: [.file(path: pki.certificate("server"), format: .pem)],
                privateKey: .file(path: pki.key("server"), format: .pem)
            ) { tls in
                tls.trustRoots = .certificates([.file(path: pki.ca, format: .pem)])
            },
            eventLoopGroup: group)
        let server = GRPCServer(transport: transport, services: [EchoService()])
        async let running: Void = server.serve()
        guard let address = try await transport.listeningAddress.ipv4 else { throw BenchError("gRPC: no IPv4 address") }
        ServerProcess.announce(port: address.port)
        try await running
    }

    static func measure(port: Int, pki: BenchPKI, serverPID: Int32, plan: EchoPlan) async throws -> [EchoMeasurement] {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: "127.0.0.1", port: port),
            transportSecurity: .mTLS(
                certificateChain: [.file(path: pki.certificate("client"), format: .pem)],
                privateKey: .file(path: pki.key("client"), format: .pem)
            ) { tls in
                tls.trustRoots = .certificates([.file(path: pki.ca, format: .pem)])
            },
            eventLoopGroup: group)
        let client = GRPCClient(transport: transport)
        let payload = Array(repeating: UInt8(0x5A), count: plan.payloadBytes)
        let call: @Sendable () async throws -> Void = {
            let echoed = try await client.unary(
                request: ClientRequest(message: payload), descriptor: method,
                serializer: RawBytes(), deserializer: RawBytes(), options: .defaults
            ) { try $0.message }
            precondition(echoed.count == payload.count)
        }
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await client.runConnections() }
            try await call()
            var results: [EchoMeasurement] = []
            for outstanding in plan.outstanding {
                // Callers on the default executor, as gRPC's own examples and benchmarks use it
                // (docs/ANCHORS.md §1: moving them onto the NIO thread did not help).
                results.append(await AsyncClosedLoop.measure(
                    .grpc, outstanding: outstanding, plan: plan, serverPID: serverPID, executor: nil, call: call))
            }
            client.beginGracefulShutdown()
            try await tasks.waitForAll()
            try await group.shutdownGracefully()
            return results
        }
    }
}
