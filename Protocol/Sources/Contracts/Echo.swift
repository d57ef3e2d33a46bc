/// A diagnostic service for tests, benchmarks and operators checking a link: it returns what it
/// is sent, in each of the four call shapes. Servers register it only when asked to.
public enum EchoService {
    public static let name = "jcskills.Echo"
    public static let echo = Method<EchoMessage, EchoMessage>(service: name, name: "Echo", kind: .unary, isIdempotent: true)
    /// Answers one request with `count` copies of it, numbered from 0.
    public static let expand = Method<EchoMessage, EchoMessage>(service: name, name: "Expand", kind: .serverStreaming, isIdempotent: true)
    /// Answers a stream of requests with their payloads concatenated and the count.
    public static let collect = Method<EchoMessage, EchoMessage>(service: name, name: "Collect", kind: .clientStreaming)
    /// Answers each request as it arrives.
    public static let update = Method<EchoMessage, EchoMessage>(service: name, name: "Update", kind: .bidirectionalStreaming)
}

public struct EchoMessage: WireMessage, Hashable {
    public var payload: WireBytes = WireBytes()
    public var text: String = ""
    /// For `Expand`: how many responses; in responses: the sequence number.
    public var count: UInt32 = 0
    /// For tests: how long the handler waits before answering, in milliseconds.
    public var delayMilliseconds: UInt32 = 0

    public init() {}
    public init(payload: [UInt8] = [], text: String = "", count: UInt32 = 0, delayMilliseconds: UInt32 = 0) {
        self.payload = WireBytes(payload)
        self.text = text
        self.count = count
        self.delayMilliseconds = delayMilliseconds
    }

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "payload", &payload)
        try v.field(2, "text", &text)
        try v.field(3, "count", &count)
        try v.field(4, "delayMilliseconds", &delayMilliseconds)
    }
}
