/// The payload of a SETTINGS frame: the limits the sender will enforce on what it receives.
/// A field left out means the default below (SPEC.md §2.3).
public struct Settings: WireMessage, Hashable {
    /// Must be ``ConnectionPreface/protocolVersion``.
    public var protocolVersion: UInt32 = ConnectionPreface.protocolVersion
    /// Largest frame payload the sender accepts. Default 65,536; at least 16,384.
    public var maximumFrameSize: UInt32 = Settings.defaultMaximumFrameSize
    /// Calls the sender will run at once on this connection. Default 100.
    public var maximumConcurrentStreams: UInt32 = Settings.defaultMaximumConcurrentStreams
    /// Flow-control credit each new stream starts with, in message bytes. Default 65,536.
    public var initialWindowSize: UInt32 = Settings.defaultInitialWindowSize
    /// Largest whole message the sender accepts. Default 4 MiB.
    public var maximumMessageSize: UInt32 = Settings.defaultMaximumMessageSize
    /// Largest HEADERS or TRAILERS payload the sender accepts. Default 16,384.
    public var maximumMetadataSize: UInt32 = Settings.defaultMaximumMetadataSize
    /// The sender closes connections idle (no calls) for this long. 0 = never. Informational.
    public var idleTimeoutMilliseconds: UInt32 = 0

    public static let defaultMaximumFrameSize: UInt32 = 65_536
    public static let minimumMaximumFrameSize: UInt32 = 16_384
    public static let defaultMaximumConcurrentStreams: UInt32 = 100
    public static let defaultInitialWindowSize: UInt32 = 65_536
    public static let defaultMaximumMessageSize: UInt32 = 4 << 20
    public static let defaultMaximumMetadataSize: UInt32 = 16_384

    public init() {}

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "protocolVersion", &protocolVersion)
        try v.field(2, "maximumFrameSize", &maximumFrameSize)
        try v.field(3, "maximumConcurrentStreams", &maximumConcurrentStreams)
        try v.field(4, "initialWindowSize", &initialWindowSize)
        try v.field(5, "maximumMessageSize", &maximumMessageSize)
        try v.field(6, "maximumMetadataSize", &maximumMetadataSize)
        try v.field(7, "idleTimeoutMilliseconds", &idleTimeoutMilliseconds)
    }
}

// `init()` starts every field at its protocol default, so a field absent from the payload
// decodes as that default. Zero is never sent (zero is the codec's skip value), so setting a
// field to 0 in Swift also means "the default"; `normalized` makes that explicit.
extension Settings {
    /// These settings with every zero replaced by the protocol default.
    public var normalized: Settings {
        var s = self
        // SPEC.md §2.3: 0, written out or left out, means the default — for the version too.
        if s.protocolVersion == 0 { s.protocolVersion = ConnectionPreface.protocolVersion }
        if s.maximumFrameSize == 0 { s.maximumFrameSize = Self.defaultMaximumFrameSize }
        if s.maximumConcurrentStreams == 0 { s.maximumConcurrentStreams = Self.defaultMaximumConcurrentStreams }
        if s.initialWindowSize == 0 { s.initialWindowSize = Self.defaultInitialWindowSize }
        if s.maximumMessageSize == 0 { s.maximumMessageSize = Self.defaultMaximumMessageSize }
        if s.maximumMetadataSize == 0 { s.maximumMetadataSize = Self.defaultMaximumMetadataSize }
        s.maximumFrameSize = max(s.maximumFrameSize, Self.minimumMaximumFrameSize)
        return s
    }

    /// The settings a peer is assumed to have until its SETTINGS frame arrives.
    public static let protocolDefaults = Settings()
}

extension MetadataEntry: WireMessage {
    public init() { self.init("", "") }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "key", &key)
        try v.field(2, "value", &value)
    }
}

/// The payload of a HEADERS frame: which method, by when, and the call's metadata.
public struct CallHeaders: WireMessage, Hashable {
    /// `"<service>/<method>"`, e.g. `"jcskills.Health/Check"`.
    public var method: String = ""
    /// Time the caller will wait, in microseconds from when the frame is sent. 0 = no deadline.
    public var timeoutMicroseconds: UInt64 = 0
    public var metadata: [MetadataEntry] = []

    public init() {}
    public init(method: String, timeoutMicroseconds: UInt64 = 0, metadata: [MetadataEntry] = []) {
        self.method = method
        self.timeoutMicroseconds = timeoutMicroseconds
        self.metadata = metadata
    }

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "method", &method)
        try v.field(2, "timeoutMicroseconds", &timeoutMicroseconds)
        try v.field(3, "metadata", &metadata)
    }
}

/// The payload of a TRAILERS frame: the call's outcome.
public struct Trailers: WireMessage, Hashable {
    public var code: UInt32 = 0
    public var message: String = ""
    public var metadata: [MetadataEntry] = []

    public init() {}
    public init(code: StatusCode, message: String = "", metadata: [MetadataEntry] = []) {
        self.code = code.rawValue
        self.message = message
        self.metadata = metadata
    }

    public var status: StatusCode { StatusCode(rawValue: code) }

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
        try v.field(2, "message", &message)
        try v.field(3, "metadata", &metadata)
    }
}

/// The payload of a CANCEL frame: why the sender abandons the stream.
public struct CancelReason: WireMessage, Hashable {
    public var code: UInt32 = StatusCode.cancelled.rawValue
    public var message: String = ""

    public init() {}
    public init(code: StatusCode, message: String = "") {
        self.code = code.rawValue
        self.message = message
    }

    /// The code as a status; an explicit 0 (OK, which a CANCEL cannot mean, SPEC.md §3.2.5)
    /// reads as CANCELLED: a call cancelled with "0" once ended as if it had succeeded.
    public var status: StatusCode { code == 0 ? .cancelled : StatusCode(rawValue: code) }

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
        try v.field(2, "message", &message)
    }
}

/// The payload of a GOAWAY frame.
public struct GoAway: WireMessage, Hashable {
    /// The highest stream id the sender has processed or will process. Calls above it were not
    /// started and are safe to retry elsewhere.
    public var lastStreamID: UInt32 = 0
    /// OK for a graceful shutdown; an error code for a protocol violation.
    public var code: UInt32 = 0
    public var message: String = ""

    public init() {}
    public init(lastStreamID: UInt32, code: StatusCode, message: String = "") {
        self.lastStreamID = lastStreamID
        self.code = code.rawValue
        self.message = message
    }

    public var status: StatusCode { StatusCode(rawValue: code) }

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "lastStreamID", &lastStreamID)
        try v.field(2, "code", &code)
        try v.field(3, "message", &message)
    }
}
