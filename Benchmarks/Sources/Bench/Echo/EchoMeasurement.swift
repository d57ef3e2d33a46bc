/// One implementation at one number of outstanding calls, over the measured window.
struct EchoMeasurement: Sendable {
    var implementation: Implementation
    var outstanding: Int
    var calls: Int
    var errors: Int
    var seconds: Double
    /// Latency percentiles, microseconds.
    var p50: Double
    var p99: Double
    /// CPU time per call in microseconds, client process and server process.
    var clientCPU: Double?
    var serverCPU: Double?

    var callsPerSecond: Double { Double(calls) / seconds }
}

/// The three echo implementations compared, in table order.
enum Implementation: String, CaseIterable, Sendable {
    case ours
    case grpc
    case floor

    var title: String {
        switch self {
        case .ours: "JCSkills protocol (RPCClient → RPCServer, EchoRPCService)"
        case .grpc: "grpc-swift 2.4.3 (HTTP/2 posix transport, raw-bytes serializer)"
        case .floor: "bare SwiftNIO + swift-nio-ssl framed echo (the floor)"
        }
    }
}

/// What every echo run shares.
struct EchoPlan: Sendable {
    var payloadBytes = 200
    var warmup: Duration = .seconds(1)
    var duration: Duration = .seconds(5)
    var outstanding: [Int] = [1, 16, 64]
}
