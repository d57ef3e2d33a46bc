import JCSkillsProtocol
import JCSkillsRPC

/// Unary echo with a fixed payload: the protocol's own cost, against any service (every server
/// answers `jcskills.Echo` for the `admin` identity).
public struct EchoWorkload: Workload {
    public let name = "echo"
    public let payloadBytes: Int

    public init(payloadBytes: Int = 200) {
        self.payloadBytes = payloadBytes
    }

    public var label: String { "echo, \(payloadBytes)-byte payload" }

    public var operations: [LoadOperation] {
        let message = EchoMessage(payload: Array(repeating: 0x5A, count: payloadBytes))
        return [LoadOperation("echo") { client, _ in
            _ = try await client.unary(EchoService.echo, message)
        }]
    }
}
