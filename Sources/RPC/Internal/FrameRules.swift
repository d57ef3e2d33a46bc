import JCSkillsProtocol

/// Rules of SPEC.md §3.2 that a frame's header and length alone decide, the same at the client
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
}
