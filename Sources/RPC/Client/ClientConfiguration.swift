import JCSkillsProtocol
import NIOCore
import Tracing

/// How an ``RPCClient`` connects and retries. Defaults suit calls between services on one site.
public struct ClientConfiguration: Sendable {
    public var tls: TLSFiles
    /// Deadline for calls that set none and are not made from inside a handler. Default 30 s.
    public var defaultTimeout: Duration? = .seconds(30)
    /// TCP connect plus TLS handshake. Default 5 s.
    public var connectTimeout: TimeAmount = .seconds(5)
    /// Attempts per call for retryable failures (UNAVAILABLE or ABORTED on an idempotent call
    /// or one with an idempotency key, or any call that never reached a server). Default 3.
    public var maximumAttempts: Int = 3
    /// First reconnect delay after a failed connect; doubles per failure up to ``maximumBackoff``. Default 100 ms.
    public var initialBackoff: TimeAmount = .milliseconds(100)
    /// Default 10 s.
    public var maximumBackoff: TimeAmount = .seconds(10)
    /// Flow-control credit per stream for responses. Default 256 KiB.
    public var initialWindowSize: UInt32 = 256 * 1024
    /// Largest response message accepted. Default 4 MiB.
    public var maximumMessageSize: UInt32 = Settings.defaultMaximumMessageSize
    /// Largest frame accepted. Default 65,536.
    public var maximumFrameSize: UInt32 = Settings.defaultMaximumFrameSize
    public var wireLimits: WireLimits = .standard
    /// While calls are open and nothing has been read for this long, the client sends a PING.
    /// nil turns keepalive off. Default 30 s.
    public var keepaliveInterval: TimeAmount? = .seconds(30)
    /// A PING unanswered for this long means the peer is gone: the connection is closed and
    /// its calls fail with UNAVAILABLE. Default 10 s.
    public var keepaliveTimeout: TimeAmount = .seconds(10)
    /// Checked against the server certificate's `jcskills://` identity when set, e.g.
    /// `"jcskills://registry"`: a gateway must not send its questions to an impostor service.
    public var expectedServerIdentity: String?
    /// How often endpoints given as names are resolved again, so that replicas that came or
    /// went are found (``ReplicaSet``). Default 30 s.
    public var resolveInterval: TimeAmount = .seconds(30)
    /// Turns a name into the addresses to dial; nil, the default, asks the system (`getaddrinfo`:
    /// /etc/hosts, DNS). Another discovery mechanism, or a test, can supply its own.
    public var nameResolver: NameResolver?
    /// Sent with every call after the call's own (``CallOptions/metadata``): what a client says
    /// of all its calls, such as the language it reads (`accept-language`).
    public var metadata: [MetadataEntry] = []
    /// Gives every call a client span and sends its trace context as `traceparent`
    /// (Protocol/SPEC.md §6.4). nil, the default, traces nothing and costs nothing.
    public var tracer: (any Tracer)?

    public init(tls: TLSFiles) {
        self.tls = tls
    }

    var settings: Settings {
        var settings = Settings()
        settings.maximumFrameSize = maximumFrameSize
        settings.initialWindowSize = initialWindowSize
        settings.maximumMessageSize = maximumMessageSize
        return settings
    }
}

/// Where a service listens: `HOST:PORT`, `[IPv6]:PORT`.
public struct Endpoint: Hashable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT` or `[V6]:PORT`; nil when malformed.
    public init?(_ text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (1...65535).contains(port) else { return nil }
        self.init(host: String(host), port: port)
    }

    /// Parses a comma-separated list of endpoints.
    public static func list(_ text: String) -> [Endpoint]? {
        let parts = text.split(separator: ",").map { part in
            Endpoint(String(part.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()))
        }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.compactMap { $0 }
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
