import JCSkillsProtocol

/// The echo service (``EchoService``): a link check for operators and the workload of the
/// protocol benchmarks. Every server can carry it; by default only the `admin` role may call it.
public struct EchoRPCService: RPCService {
    public let policy: AccessPolicy

    public init(policy: AccessPolicy = .only(.role("admin"))) {
        self.policy = policy
    }

    public func register(in router: inout RPCRouter) {
        router.unary(EchoService.echo, policy: policy) { request, _ in
            request.delayMilliseconds > 0 ? nil : request
        } otherwise: { request, _ in
            try await Self.delay(request)
            return request
        }
        router.serverStreaming(EchoService.expand, policy: policy) { request, writer, _ in
            var response = request
            for index in 0..<request.count {
                try await Self.delay(request)
                response.count = index
                try await writer.send(response)
            }
        }
        router.clientStreaming(EchoService.collect, policy: policy) { requests, _ in
            var combined = EchoMessage()
            for try await request in requests {
                try await Self.delay(request)
                combined.payload.bytes += request.payload.bytes
                combined.text += request.text
                combined.count += 1
            }
            return combined
        }
        router.bidirectionalStreaming(EchoService.update, policy: policy) { requests, writer, _ in
            for try await request in requests {
                try await Self.delay(request)
                try await writer.send(request)
            }
        }
    }

    private static func delay(_ request: EchoMessage) async throws {
        if request.delayMilliseconds > 0 {
            try await Task.sleep(for: .milliseconds(Int(request.delayMilliseconds)))
        }
    }
}
