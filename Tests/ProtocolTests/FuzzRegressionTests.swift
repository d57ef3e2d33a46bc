import JCSkillsProtocol
import NIOCore
import Testing

/// Inputs the fuzzers (Fuzz/, scripts/fuzz) stopped at, fed through the code path they took.
/// Each is also kept in Fuzz/crashes/TARGET/. Findings in the CSV readers are in
/// DomainTests/FuzzRegressionTests.swift; the server connection's (its handler outliving the
/// connection) in RPCTests/HandlerLifetimeTests.swift.
@Suite("Fuzz regressions: frames and codec")
struct FuzzRegressionTests {
    /// fuzz-codec, Fuzz/crashes/fuzz-codec/settings-explicit-zero: a Settings whose
    /// maximumFrameSize is sent as an explicit 0. It decodes as 0, is then left out of the
    /// encoding (0 is the wire default) and so reads back as 65,536: the value changes in a round
    /// trip. SPEC.md §2.3 makes 0 mean the default, so after one round trip it must settle, and
    /// `normalized` must give the default at once.
    @Test func settingsWithAnExplicitZeroSettleAfterOneRoundTrip() throws {
        let input = [UInt8](hex: "10004200")
        let first = try Settings(wireBytes: input)
        #expect(first.maximumFrameSize == 0)
        #expect(first.normalized.maximumFrameSize == Settings.defaultMaximumFrameSize)
        let second = try Settings(wireBytes: first.wireBytes())
        #expect(second.maximumFrameSize == Settings.defaultMaximumFrameSize)
        #expect(second.normalized == first.normalized)
        let third = try Settings(wireBytes: second.wireBytes())
        #expect(third == second)
        #expect(third.wireBytes() == second.wireBytes())
    }

    /// The same for every field of Settings, and for CancelReason, whose code defaults to
    /// CANCELLED, and SignedCertificateBody, whose format defaults to the current layout.
    @Test func messagesWhoseDefaultsAreNotZeroSettleAfterOneRoundTrip() throws {
        for field in UInt8(1)...7 {
            let input = [field << 3, 0]
            let once = try Settings(wireBytes: Settings(wireBytes: input).wireBytes())
            #expect(try Settings(wireBytes: once.wireBytes()) == once, "field \(field)")
            #expect(once.normalized == Settings().normalized, "field \(field)")
        }
        let cancel = try CancelReason(wireBytes: [0x08, 0x00])
        #expect(cancel.status == .cancelled)  // an explicit 0 is never OK
        let settled = try CancelReason(wireBytes: cancel.wireBytes())
        #expect(settled.status == .cancelled)
        #expect(try CancelReason(wireBytes: settled.wireBytes()) == settled)
        let body = try SignedCertificateBody(wireBytes: [0x0A, 0x00])
        let settledBody = try SignedCertificateBody(wireBytes: body.wireBytes())
        #expect(settledBody.format == SignedCertificateBody.currentFormat)
        #expect(try SignedCertificateBody(wireBytes: settledBody.wireBytes()) == settledBody)
    }

    /// An explicit 0 in `protocolVersion` (another encoder may write it) reads as the default,
    /// 1, like every other SETTINGS field (SPEC.md §2.3): the reference server once refused
    /// the connection, as the fuzzers found. Any other version stays as sent, to be refused.
    @Test func settingsWithAnExplicitZeroVersionReadAsVersionOne() throws {
        let explicitZero = try Settings(wireBytes: [0x08, 0x00])
        #expect(explicitZero.protocolVersion == 0)
        #expect(explicitZero.normalized.protocolVersion == ConnectionPreface.protocolVersion)
        #expect(try Settings(wireBytes: [0x08, 0x02]).normalized.protocolVersion == 2)
    }

    /// fuzz-frames, Fuzz/crashes/fuzz-frames/settings-explicit-zero: a SETTINGS frame whose
    /// payload sends maximumMetadataSize as 0, cut into frames whole and byte by byte.
    @Test func settingsFrameWithAnExplicitZero() throws {
        let input = [UInt8](hex: "01000000000000020000000000003000")
        let stream = Array(input.dropFirst(4))  // the harness's four control bytes
        var whole = FrameParser(maximumFrameSize: Settings.defaultMaximumFrameSize)
        whole.append(ByteBuffer(bytes: stream))
        let frame = try #require(try whole.next())
        #expect(try whole.next() == nil)
        #expect(whole.bufferedBytes == 0)
        var split = FrameParser(maximumFrameSize: Settings.defaultMaximumFrameSize)
        var frames: [Frame] = []
        for byte in stream {
            split.append(ByteBuffer(bytes: [byte]))
            #expect(split.bufferedBytes <= Int(Settings.defaultMaximumFrameSize) + FrameHeader.size + 1)
            while let next = try split.next() { frames.append(next) }
        }
        #expect(frames == [frame])
        #expect(frame.type == .settings && frame.streamID == 0)
        let settings = try Settings(buffer: frame.payload)
        #expect(settings.maximumMetadataSize == 0)
        #expect(settings.normalized.maximumMetadataSize == Settings.defaultMaximumMetadataSize)
        let settled = try Settings(buffer: ByteBuffer.encoding(settings))
        #expect(try Settings(buffer: ByteBuffer.encoding(settled)) == settled)
    }
}
