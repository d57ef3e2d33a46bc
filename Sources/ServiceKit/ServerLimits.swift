import JCSkillsRPC
import NIOCore

/// The RPC server's limits by the names the config file's `rpc:` section and the
/// `--rpc-limit NAME=VALUE` flag use. Each name sets one field of ``ServerConfiguration``; what
/// is not named keeps the default documented there and in SECURITY.md.
public typealias ServerLimit = NamedSetting<ServerConfiguration>

extension NamedSetting where Target == ServerConfiguration {
    public static var all: [ServerLimit] {
        [
            .number("max_connections", unit: "connections", \.maximumConnections),
            .number("max_calls", unit: "calls", \.maximumCalls),
            ServerLimit(name: "max_calls_per_connection", unit: "calls",
                        apply: { $0.maximumConcurrentStreams = UInt32(clamping: $1) }, current: { Int($0.maximumConcurrentStreams) }),
            ServerLimit(name: "max_message_bytes", unit: "bytes",
                        apply: { $0.maximumMessageSize = UInt32(clamping: $1) }, current: { Int($0.maximumMessageSize) }),
            .number("max_buffered_bytes_per_connection", unit: "bytes", \.maximumBufferedBytesPerConnection),
            .number("max_buffered_bytes", unit: "bytes", \.maximumBufferedBytes),
            .number("outbound_high_watermark_bytes", unit: "bytes", \.outboundHighWatermark),
            seconds("handshake_timeout_s", \.handshakeTimeout),
            seconds("idle_timeout_s", \.idleTimeout),
            seconds("request_timeout_s", \.requestTimeout),
            seconds("call_idle_timeout_s", \.callIdleTimeout),
        ]
    }

    private static func seconds(_ name: String, _ field: WritableKeyPath<ServerConfiguration, TimeAmount> & Sendable) -> ServerLimit {
        ServerLimit(name: name, unit: "seconds",
                    apply: { $0[keyPath: field] = .seconds(Int64($1)) },
                    current: { Int($0[keyPath: field].nanoseconds / 1_000_000_000) })
    }

    /// Sets the named limits on `configuration`; an unknown name or a value below 1 is an error.
    public static func apply(_ values: [String: Int], to configuration: inout ServerConfiguration, source: String) throws {
        try apply(values, from: all, to: &configuration, source: source)
    }

    /// Parses `NAME=VALUE` as the `--rpc-limit` flag takes it.
    static func parse(_ text: String) throws -> (String, Int) {
        try parse(text, flag: "--rpc-limit", example: "max_connections=500")
    }
}
