import JCSkillsProtocol
import NIOCore

/// Every whole frame in `bytes`, in order: what a peer would read of what the code under test
/// wrote. Trailing bytes that do not make a whole frame are a test failure at the caller.
func parsedFrames(_ bytes: ByteBuffer) throws -> [Frame] {
    var parser = FrameParser(maximumFrameSize: .max)
    parser.append(bytes)
    var frames: [Frame] = []
    while let frame = try parser.next() { frames.append(frame) }
    return frames
}

/// The payload bytes of `frames`, joined: the message a receiver reassembles.
func joinedPayloads(_ frames: [Frame]) -> [UInt8] {
    frames.flatMap { Array($0.payload.readableBytesView) }
}

/// `count` bytes counting up from `start` (wrapping), so that a reordering or a lost byte shows.
func countingBytes(_ count: Int, from start: Int = 0) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: start + $0) }
}
