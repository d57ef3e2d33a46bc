import JCSkillsProtocol
import NIOCore

/// The small control frames both machines write, header and payload in place: no buffer for a
/// payload of 0, 4 or 8 bytes (Protocol/SPEC.md §3.2.6, §3.2.8, §3.2.9).
extension ByteBuffer {
    /// §3.2.8: `credit` bytes back to the peer on `stream`, a 4-byte big-endian payload.
    mutating func writeWindowUpdate(stream: UInt32, credit: Int) {
        writeFrameHeader(FrameHeader(length: 4, type: .windowUpdate, streamID: stream))
        writeInteger(UInt32(credit))
    }

    /// §3.2.6: a PING whose 8 bytes are `payload`.
    mutating func writePing(_ payload: UInt64) {
        writeFrameHeader(FrameHeader(length: 8, type: .ping, streamID: 0))
        writeInteger(payload)
    }

    /// §3.2.9: the client's half-close, an empty payload.
    mutating func writeEndStream(stream: UInt32) {
        writeFrameHeader(FrameHeader(length: 0, type: .endStream, streamID: stream))
    }
}
