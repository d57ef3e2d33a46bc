import JCSkillsProtocol

/// Rules of Protocol/SPEC.md §2.3 and §3.2 that a frame alone decides, the same at the client
/// and the server: breaking one is a connection error.
enum FrameRules {
    /// §3.2.6: a PING is on stream 0 and carries exactly 8 bytes.
    static func checkPing(_ frame: Frame) throws(FrameError) {
        guard frame.streamID == 0 else { throw .unexpectedFrame("PING on stream \(frame.streamID)") }
        guard frame.payload.readableBytes == 8 else {
            throw .malformedPayload(.ping, "payload must be 8 bytes, got \(frame.payload.readableBytes)")
        }
    }

    /// §3.2.3: END_STREAM ends the last message, so it cannot come with MORE.
    static func checkMessageFlags(_ frame: Frame) throws(FrameError) {
        if frame.flags.contains(.endStream) && frame.flags.contains(.more) {
            throw .unexpectedFrame("MESSAGE with both END_STREAM and MORE")
        }
    }

    /// §3.2.8: the credit of a WINDOW_UPDATE, whose payload is exactly 4 bytes.
    static func windowUpdateCredit(_ frame: Frame) throws(FrameError) -> UInt32 {
        guard frame.payload.readableBytes == 4, let credit = frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt32.self) else {
            throw .malformedPayload(.windowUpdate, "payload must be 4 bytes")
        }
        return credit
    }

    /// §2.3: a SETTINGS payload, zeros read as the defaults.
    static func settings(_ frame: Frame) throws(FrameError) -> Settings {
        do {
            return try Settings(buffer: frame.payload).normalized
        } catch {
            throw .malformedPayload(.settings, "\(error)")
        }
    }
}
