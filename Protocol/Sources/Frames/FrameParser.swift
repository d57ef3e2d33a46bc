import NIOCore

/// Cuts frames out of a byte stream. Feed it whatever arrives; it returns complete frames
/// and keeps partial ones. A frame longer than `maximumFrameSize` is an error before any of
/// its payload is buffered, so a peer cannot make the receiver allocate what it announces.
///
/// What it holds is bounded by design: the bytes already cut into frames are dropped before
/// new ones are appended, so the storage never exceeds about twice the unparsed remainder
/// (at most one frame) plus the newest read — however the peer splits its frames.
public struct FrameParser: Sendable {
    public var maximumFrameSize: UInt32
    @usableFromInline var buffer: ByteBuffer?

    public init(maximumFrameSize: UInt32) {
        self.maximumFrameSize = maximumFrameSize
    }

    /// Appends received bytes.
    @inlinable
    public mutating func append(_ bytes: ByteBuffer) {
        guard var held = buffer, held.readableBytes > 0 else {
            buffer = bytes
            return
        }
        buffer = nil  // one reference to the storage, so compacting it need not copy
        // Without this, a peer whose every read ends mid-frame keeps the buffer from ever
        // emptying: parsed bytes stay in front of the reader index and the storage grows
        // with everything the connection ever sent, until the 32-bit index overflows.
        // Compacting once the parsed part is at least as large as the rest is amortised O(1).
        if held.readerIndex >= held.readableBytes {
            held.discardReadBytes()
        }
        var incoming = bytes
        held.writeBuffer(&incoming)
        buffer = held
    }

    /// The next complete frame, or nil when more bytes are needed.
    @inlinable
    public mutating func next() throws(FrameError) -> Frame? {
        guard var bytes = buffer, bytes.readableBytes >= FrameHeader.size else { return nil }
        // The header's four fields in one look at the bytes, not four: each look checks the
        // storage for overlapping access, which cost more than the reading.
        let (length, type, flags, stream) = bytes.withUnsafeReadableBytes { header in
            (UInt32(bigEndian: header.loadUnaligned(as: UInt32.self)), header[4], header[5],
             UInt32(bigEndian: header.loadUnaligned(fromByteOffset: 6, as: UInt32.self)))
        }
        guard length <= maximumFrameSize else {
            throw .frameTooLarge(length: length, limit: maximumFrameSize)
        }
        guard bytes.readableBytes >= FrameHeader.size + Int(length) else { return nil }
        let payload = bytes.getSlice(at: bytes.readerIndex + FrameHeader.size, length: Int(length))!
        bytes.moveReaderIndex(forwardBy: FrameHeader.size + Int(length))
        // Release the storage once everything in it has been parsed.
        buffer = bytes.readableBytes == 0 ? nil : bytes
        return Frame(type: FrameType(rawValue: type), flags: FrameFlags(rawValue: flags), streamID: stream, payload: payload)
    }

    /// Bytes received but not yet part of a complete frame.
    public var bufferedBytes: Int { buffer?.readableBytes ?? 0 }

    /// The memory the parser keeps: its buffer's storage, parsed bytes included.
    public var retainedBytes: Int { buffer?.capacity ?? 0 }
}
