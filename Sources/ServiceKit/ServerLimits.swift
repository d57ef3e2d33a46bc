import JCSkillsRPC
import NIOCore

/// The RPC server's limits by the names the config file's `rpc:` section and the
/// `--rpc-limit NAME=VALUE` flag use. Each name sets one field of ``ServerConfiguration``; what
/// is not named keeps the default documented there and in SECURITY.md.
public struct ServerLimit: Sendable {
    public let name: String
    public let unit: String
    let apply: @Sendable (inout ServerConfiguration, Int) -> Void
    /// The limit's value in `configuration`, in ``unit``.
    public let current: @Sendable (ServerConfiguration) -> Int

    public static let all: [ServerLimit] = [
        ServerLimit(name: "max_connections", unit: "connections", apply: { $0.maximumConnections = $1 }, current: { $0.maximumConnections }),
        ServerLimit(name: "max_calls", unit: "calls", apply: { $0.maximumCalls = $1 }, current: { $0.maximumCalls }),
        ServerLimit(name: "max_calls_per_connection", unit: "calls",
                    apply: { $0.maximumConcurrentStreams = UInt32(clamping: $1) }, current: { Int($0.maximumConcurrentStreams) }),
        ServerLimit(name: "max_message_bytes", unit: "bytes",
                    apply: { $0.maximumMessageSize = UInt32(clamping: $1) }, current: { Int($0.maximumMessageSize) }),
        ServerLimit(name: "max_buffered_bytes_per_connection", unit: "bytes",
                    apply: { $0.maximumBufferedBytesPerConnection = $1 }, current: { $0.maximumBufferedBytesPerConnection }),
        ServerLimit(name: "max_buffered_bytes", unit: "bytes", apply: { $0.maximumBufferedBytes = $1 }, current: { $0.maximumBufferedBytes }),
        ServerLimit(name: "outbound_high_watermark_bytes", unit: "bytes",
                    apply: { $0.outboundHighWatermark = $1 }, current: { $0.outboundHighWatermark }),
        seconds("handshake_timeout_s", \.handshakeTimeout),
        seconds("idle_timeout_s", \.idleTimeout),
        seconds("request_timeout_s", \.requestTimeout),
        seconds("call_idle_timeout_s", \.callIdleTimeout),
    ]

    private static func seconds(_ name: String, _ field: WritableKeyPath<ServerConfiguration, TimeAmount> & Sendable) -> ServerLimit {
        ServerLimit(name: name, unit: "seconds",
                    apply: { $0[keyPath: field] = .seconds(Int64($1)) },
                    current: { Int($0[keyPath: field].nanoseconds / 1_000_000_000) })
    }

    /// Sets the named limits on `configuration`; an unknown name or a value below 1 is an error.
    public static func apply(_ values: [String: Int], to configuration: inout ServerConfiguration, source: String) throws {
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let limit = all.first(where: { $0.name == name }) else {
                throw ConfigurationError("\(source): unknown limit '\(name)'; known: \(all.map(\.name).joined(separator: ", "))")
            }
            guard value >= 1 else {
                throw ConfigurationError("\(source): \(name) must be at least 1 (\(limit.unit)), not \(value)")
            }
            limit.apply(&configuration, value)
        }
    }

    /// Parses `NAME=VALUE` as the `--rpc-limit` flag takes it.
    static func parse(_ text: String) throws -> (String, Int) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let value = Int(parts[1].replacingOccurrences(of: "_", with: "")) else {
            throw ConfigurationError("--rpc-limit \(text): expected NAME=NUMBER, e.g. max_connections=500")
        }
        return (parts[0], value)
    }
}
