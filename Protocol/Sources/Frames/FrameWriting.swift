import NIOCore

extension ByteBuffer {
    @inlinable
    public mutating func writeFrameHeader(_ header: FrameHeader) {
        writeMultipleIntegers(header.length, header.type.rawValue, header.flags.rawValue, header.streamID)
    }

    /// Writes a whole frame whose payload is raw bytes.
    @inlinable
    public mutating func writeFrame(_ type: FrameType, flags: FrameFlags = [], stream: UInt32, payload: ByteBuffer) {
        writeFrameHeader(FrameHeader(length: UInt32(payload.readableBytes), type: type, flags: flags, streamID: stream))
        writeImmutableBuffer(payload)
    }

    /// Writes a whole frame whose payload is an encoded message, in one pass over fresh memory.
    @inlinable
    public mutating func writeFrame<M: WireMessage>(_ type: FrameType, flags: FrameFlags = [], stream: UInt32, message: M) {
        writeFrame(type, flags: flags, stream: stream, message: message, encodedSize: message.encodedSize())
    }

    /// The same, for a caller that already has the message's ``WireMessage/encodedSize()`` (the
    /// RPC runtime needs it for flow control first): the fields are then sized once, not twice.
    @inlinable
    public mutating func writeFrame<M: WireMessage>(
        _ type: FrameType, flags: FrameFlags = [], stream: UInt32, message: M, encodedSize size: Int
    ) {
        writeFrameHeader(FrameHeader(length: UInt32(size), type: type, flags: flags, streamID: stream))
        writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw in
            var writer = WireWriter(raw)
            message.writeFields(to: &writer)
            return size
        }
    }

    /// Encodes a message (no frame header) into this buffer.
    @inlinable
    public mutating func writeWireMessage<M: WireMessage>(_ message: M) {
        let size = message.encodedSize()
        writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw in
            var writer = WireWriter(raw)
            message.writeFields(to: &writer)
            return size
        }
    }
}

extension ByteBuffer {
    /// A new buffer holding a message's encoding.
    @inlinable
    public static func encoding<M: WireMessage>(_ message: M) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeWireMessage(message)
        return buffer
    }
}

extension WireMessage {
    /// Decodes a message from a buffer's readable bytes.
    @inlinable
    public init(buffer: ByteBuffer, limits: WireLimits = .standard) throws(WireError) {
        self.init()
        var context = DecodeContext(limits: limits)
        var failure: WireError?
        // `withUnsafeReadableBytes` is `rethrows`, which would widen the error to `any Error`;
        // the message is decoded in place rather than returned through a `Result`, which copied it.
        buffer.withUnsafeReadableBytes { raw in
            do throws(WireError) { try self.readFields(raw, context: &context) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
