import NIOCore

/// Cuts frames out of a byte stream. Feed it whatever arrives; it returns complete frames
/// and keeps partial ones. A frame longer than `maximumFrameSize` is an error before any of
/// its payload is buffered, so a peer cannot make the receiver allocate what it announces.
public struct FrameParser: Sendable {
    public var maximumFrameSize: UInt32
    @usableFromInline var buffer: ByteBuffer?

    public init(maximumFrameSize: UInt32) {
        self.maximumFrameSize = maximumFrameSize
    }

    /// Appends received bytes.
    @inlinable
    public mutating func append(_ bytes: ByteBuffer) {
        if buffer == nil || buffer!.readableBytes == 0 {
            buffer = bytes
        } else {
            var incoming = bytes
            buffer!.writeBuffer(&incoming)
        }
    }

    /// The next complete frame, or nil when more bytes are needed.
    @inlinable
    public mutating func next() throws(FrameError) -> Frame? {
        guard var bytes = buffer, bytes.readableBytes >= FrameHeader.size else { return nil }
        let start = bytes.readerIndex
        let length = bytes.getInteger(at: start, as: UInt32.self)!
        guard length <= maximumFrameSize else {
            throw .frameTooLarge(length: length, limit: maximumFrameSize)
        }
        guard bytes.readableBytes >= FrameHeader.size + Int(length) else { return nil }
        let type = bytes.getInteger(at: start + 4, as: UInt8.self)!
        let flags = bytes.getInteger(at: start + 5, as: UInt8.self)!
        let stream = bytes.getInteger(at: start + 6, as: UInt32.self)!
        let payload = bytes.getSlice(at: start + FrameHeader.size, length: Int(length))!
        bytes.moveReaderIndex(forwardBy: FrameHeader.size + Int(length))
        // Release the storage once everything in it has been parsed.
        buffer = bytes.readableBytes == 0 ? nil : bytes
        return Frame(type: FrameType(rawValue: type), flags: FrameFlags(rawValue: flags), streamID: stream, payload: payload)
    }

    /// Bytes received but not yet part of a complete frame.
    public var bufferedBytes: Int { buffer?.readableBytes ?? 0 }
}
