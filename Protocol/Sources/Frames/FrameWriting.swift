import NIOCore

extension ByteBuffer {
    /// The header's ten bytes stored at once: `writeMultipleIntegers` packed a tuple and wrote
    /// it through two buffer accesses — measurable on every frame of every call (BENCHMARKS.md,
    /// "CPU per call").
    @inlinable
    public mutating func writeFrameHeader(_ header: FrameHeader) {
        writeWithUnsafeMutableBytes(minimumWritableBytes: FrameHeader.size) { raw in
            header.store(into: raw)
            return FrameHeader.size
        }
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
        writeFrame(type, flags: flags, stream: stream, encodedSize: size) { message.writeFields(to: &$0) }
    }

    /// The same, for a payload `writeFields` writes: exactly `size` bytes. For a message the
    /// caller holds without knowing its type, which as `any WireMessage` would be boxed.
    @inlinable
    public mutating func writeFrame(
        _ type: FrameType, flags: FrameFlags = [], stream: UInt32, encodedSize size: Int, fields writeFields: (inout WireWriter) -> Void
    ) {
        // Header and fields in one pass over the buffer's memory.
        writeWithUnsafeMutableBytes(minimumWritableBytes: FrameHeader.size + size) { raw in
            FrameHeader(length: UInt32(size), type: type, flags: flags, streamID: stream).store(into: raw)
            var writer = WireWriter(UnsafeMutableRawBufferPointer(rebasing: raw[FrameHeader.size...]))
            writeFields(&writer)
            return FrameHeader.size + size
        }
    }

    /// Encodes a message (no frame header) into this buffer.
    @inlinable
    public mutating func writeWireMessage<M: WireMessage>(_ message: M) {
        writeWireMessage(encodedSize: message.encodedSize()) { message.writeFields(to: &$0) }
    }

    /// Writes the `size` bytes `writeFields` writes (a message's fields, no frame header).
    @inlinable
    public mutating func writeWireMessage(encodedSize size: Int, fields writeFields: (inout WireWriter) -> Void) {
        writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw in
            var writer = WireWriter(raw)
            writeFields(&writer)
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

extension FrameHeader {
    /// Stores the ten bytes (Protocol/SPEC.md §3.1: big-endian length and stream id) at the start
    /// of `raw`, which holds at least ``size`` bytes.
    @inlinable
    func store(into raw: UnsafeMutableRawBufferPointer) {
        raw.storeBytes(of: length.bigEndian, toByteOffset: 0, as: UInt32.self)
        raw.storeBytes(of: type.rawValue, toByteOffset: 4, as: UInt8.self)
        raw.storeBytes(of: flags.rawValue, toByteOffset: 5, as: UInt8.self)
        raw.storeBytes(of: streamID.bigEndian, toByteOffset: 6, as: UInt32.self)
    }
}
