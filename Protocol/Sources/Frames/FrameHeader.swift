import NIOCore

/// The kind of a frame (SPEC.md §3). Receivers ignore frame types they do not know, so new
/// types can be added without a new protocol version.
public struct FrameType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The sender's limits. Exactly one, as the first frame each side sends; stream 0.
    public static let settings = FrameType(rawValue: 0x0)
    /// Opens a call: method, deadline, metadata. Client to server.
    public static let headers = FrameType(rawValue: 0x1)
    /// One message, or one fragment of a message (flag ``FrameFlags/more``).
    public static let message = FrameType(rawValue: 0x2)
    /// Ends a call with its status. Server to client.
    public static let trailers = FrameType(rawValue: 0x3)
    /// Abandons a call, either direction.
    public static let cancel = FrameType(rawValue: 0x4)
    /// Liveness check on stream 0; answered with the same payload and flag ``FrameFlags/ack``.
    public static let ping = FrameType(rawValue: 0x5)
    /// No new calls on this connection; calls above the given id were not processed.
    public static let goAway = FrameType(rawValue: 0x6)
    /// Returns flow-control credit for a stream.
    public static let windowUpdate = FrameType(rawValue: 0x7)
    /// The sender will send no more messages on this stream (half-close) — for when the last
    /// message already went without ``FrameFlags/endStream``.
    public static let endStream = FrameType(rawValue: 0x8)

    public var description: String {
        switch self {
        case .settings: "SETTINGS"
        case .headers: "HEADERS"
        case .message: "MESSAGE"
        case .trailers: "TRAILERS"
        case .cancel: "CANCEL"
        case .ping: "PING"
        case .goAway: "GOAWAY"
        case .windowUpdate: "WINDOW_UPDATE"
        case .endStream: "END_STREAM"
        default: "UNKNOWN(0x\(String(rawValue, radix: 16)))"
        }
    }
}

/// Per-type flag bits. Unknown bits are ignored by receivers and must be zero when sent.
public struct FrameFlags: OptionSet, Hashable, Sendable {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// HEADERS, MESSAGE: the sender half-closes after this frame.
    public static let endStream = FrameFlags(rawValue: 0x1)
    /// PING: this is the answer.
    public static let ack = FrameFlags(rawValue: 0x1)
    /// MESSAGE: the message continues in the next MESSAGE frame of the stream.
    public static let more = FrameFlags(rawValue: 0x2)
}

/// The fixed ten-byte header before every frame's payload:
/// `length: u32 BE | type: u8 | flags: u8 | stream: u32 BE`. `length` counts the payload only.
public struct FrameHeader: Hashable, Sendable {
    public static let size = 10

    public var length: UInt32
    public var type: FrameType
    public var flags: FrameFlags
    public var streamID: UInt32

    @inlinable
    public init(length: UInt32, type: FrameType, flags: FrameFlags = [], streamID: UInt32) {
        self.length = length
        self.type = type
        self.flags = flags
        self.streamID = streamID
    }
}

/// One frame: its header fields and its payload bytes.
public struct Frame: Hashable, Sendable {
    public var type: FrameType
    public var flags: FrameFlags
    public var streamID: UInt32
    public var payload: ByteBuffer

    @inlinable
    public init(type: FrameType, flags: FrameFlags = [], streamID: UInt32, payload: ByteBuffer = ByteBuffer()) {
        self.type = type
        self.flags = flags
        self.streamID = streamID
        self.payload = payload
    }
}

/// The eight bytes a client sends before its SETTINGS frame: `JCS/1\r\n\n`. A server that reads
/// anything else closes the connection (SPEC.md §2.2).
public enum ConnectionPreface {
    public static let bytes: [UInt8] = Array("JCS/1\r\n\n".utf8)
    /// The TLS ALPN protocol identifier both sides must negotiate.
    public static let alpn = "jcskills/1"
    /// The protocol version carried in SETTINGS.
    public static let protocolVersion: UInt32 = 1
}
