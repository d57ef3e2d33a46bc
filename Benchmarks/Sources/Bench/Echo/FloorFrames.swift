import NIOCore

/// The floor's frame: `u32 length, u32 id, payload` (length counts the payload only).
enum FloorFrames {
    static let headerBytes = 8

    /// Reads every whole frame in `buffer`, calling `body(id, payload length)`; leaves a partial
    /// frame in place for the next read.
    static func forEachFrame(in buffer: inout ByteBuffer, _ body: (UInt32, Int) -> Void) {
        while buffer.readableBytes >= headerBytes {
            let start = buffer.readerIndex
            guard let length = buffer.getInteger(at: start, as: UInt32.self),
                  let id = buffer.getInteger(at: start + 4, as: UInt32.self),
                  buffer.readableBytes >= headerBytes + Int(length)
            else { return }
            buffer.moveReaderIndex(forwardBy: headerBytes + Int(length))
            body(id, Int(length))
        }
    }

    static func write(id: UInt32, payload: [UInt8], to buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt32(payload.count))
        buffer.writeInteger(id)
        buffer.writeBytes(payload)
    }
}
