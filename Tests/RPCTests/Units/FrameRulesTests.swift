import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// The rules a frame alone decides (`FrameRules`, the same at both ends) and the control frames
/// both machines write in place (StateMachine/ControlFrames.swift), byte for byte.
@Suite("Frame rules and control frames (SPEC.md §2.3, §3.2.3, §3.2.6, §3.2.8, §3.2.9)", .timeLimit(.minutes(1)))
struct FrameRulesTests {
    private func frame(_ type: FrameType, flags: FrameFlags = [], stream: UInt32 = 0, _ payload: [UInt8]) -> Frame {
        Frame(type: type, flags: flags, streamID: stream, payload: ByteBuffer(bytes: payload))
    }

    /// §3.2.6: a PING is on stream 0 with exactly 8 bytes; 0, 7 and 9 bytes, or another stream,
    /// are violations, each named.
    @Test func aPingIsEightBytesOnStreamZero() throws {
        try FrameRules.checkPing(frame(.ping, [UInt8](repeating: 1, count: 8)))
        try FrameRules.checkPing(frame(.ping, flags: .ack, [UInt8](repeating: 0, count: 8)))
        for size in [0, 7, 9] {
            #expect(throws: FrameError.malformedPayload(.ping, "payload must be 8 bytes, got \(size)")) {
                try FrameRules.checkPing(frame(.ping, [UInt8](repeating: 1, count: size)))
            }
        }
        #expect(throws: FrameError.unexpectedFrame("PING on stream 1")) {
            try FrameRules.checkPing(frame(.ping, stream: 1, [UInt8](repeating: 1, count: 8)))
        }
    }

    /// §3.2.3: END_STREAM ends the last message, so it cannot come with MORE; each alone can.
    @Test func endStreamAndMoreExcludeEachOther() throws {
        for flags: FrameFlags in [[], .more, .endStream] {
            try FrameRules.checkMessageFlags(frame(.message, flags: flags, stream: 1, [1]))
        }
        #expect(throws: FrameError.self) { try FrameRules.checkMessageFlags(frame(.message, flags: [.more, .endStream], stream: 1, [1])) }
    }

    /// §3.2.8: the credit is the payload's 4 bytes, big-endian, read from where the payload
    /// starts (a frame's payload is a slice of a larger read); 3 or 5 bytes are violations.
    @Test func aWindowUpdateCarriesFourBigEndianBytes() throws {
        #expect(try FrameRules.windowUpdateCredit(frame(.windowUpdate, stream: 1, [0, 1, 0, 2])) == 65_538)
        #expect(try FrameRules.windowUpdateCredit(frame(.windowUpdate, stream: 1, [0xFF, 0xFF, 0xFF, 0xFF])) == UInt32.max)
        var read = ByteBuffer(bytes: [9, 9, 0, 0, 0, 5, 9])
        read.moveReaderIndex(forwardBy: 2)
        let payload = read.getSlice(at: read.readerIndex, length: 4)!
        #expect(try FrameRules.windowUpdateCredit(Frame(type: .windowUpdate, streamID: 1, payload: payload)) == 5)
        for size in [0, 3, 5] {
            #expect(throws: FrameError.malformedPayload(.windowUpdate, "payload must be 4 bytes")) {
                _ = try FrameRules.windowUpdateCredit(frame(.windowUpdate, stream: 1, [UInt8](repeating: 0, count: size)))
            }
        }
    }

    /// §2.3: SETTINGS fields left out or sent as 0 mean the defaults; a frame limit below the
    /// minimum is raised to it; a payload that does not decode is a violation.
    @Test func settingsAreReadWithTheirDefaults() throws {
        let empty = try FrameRules.settings(frame(.settings, []))
        #expect(empty == Settings.protocolDefaults)
        var small = Settings()
        small.maximumFrameSize = 1_024
        small.initialWindowSize = 7
        let read = try FrameRules.settings(Frame(type: .settings, streamID: 0, payload: .encoding(small)))
        #expect(read.maximumFrameSize == Settings.minimumMaximumFrameSize)
        #expect(read.initialWindowSize == 7)
        #expect(throws: FrameError.self) { _ = try FrameRules.settings(frame(.settings, [0xFF])) }
    }

    /// §3.2.8, §3.2.6, §3.2.9: the control frames written in place are the bytes the spec
    /// gives, and read back as the frames they claim to be.
    @Test func controlFramesAreWrittenByteForByte() throws {
        var out = ByteBuffer()
        out.writeWindowUpdate(stream: 3, credit: 65_536)
        out.writePing(0x0102_0304_0506_0708)
        out.writeEndStream(stream: 0x0102_0304)
        #expect(Array(out.readableBytesView) == hex("""
            00000004 07 00 00000003 00010000
            00000008 05 00 00000000 0102030405060708
            00000000 08 00 01020304
            """))
        let frames = try parsedFrames(out)
        #expect(frames.map(\.type) == [.windowUpdate, .ping, .endStream])
        #expect(try FrameRules.windowUpdateCredit(frames[0]) == 65_536)
        try FrameRules.checkPing(frames[1])
    }
}
