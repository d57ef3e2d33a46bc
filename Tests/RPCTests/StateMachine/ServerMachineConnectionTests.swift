import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// The connection's start and framing at the server, byte by byte: SPEC.md §2.2, §2.3, §3.1.
@Suite("Server machine: preface, SETTINGS, framing (SPEC.md §2.2, §2.3, §3.1)", .timeLimit(.minutes(1)))
struct ServerMachineConnectionTests {
    typealias H = ServerMachineHarness

    private func expectGoAway(_ h: inout H, _ code: StatusCode, containing text: String, lastStreamID: UInt32 = 0,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let goAway = H.goAway(in: h.takeFrames())
        #expect(goAway?.status == code, sourceLocation: sourceLocation)
        #expect(goAway?.message.contains(text) == true, "\(goAway?.message ?? "no GOAWAY")", sourceLocation: sourceLocation)
        #expect(goAway?.lastStreamID == lastStreamID, sourceLocation: sourceLocation)
        #expect(h.takeActions() == ["protocol error", "close"], sourceLocation: sourceLocation)
        #expect(h.machine.closed, sourceLocation: sourceLocation)
    }

    /// §2.3: the server's SETTINGS goes first, at once; the reference configuration's is the
    /// `settings_server` vector of Protocol/vectors/frames.txt.
    @Test func theServersSettingsAreTheVectorAndGoAtOnce() {
        var h = H()
        h.start()
        #expect(h.takeBytes() == hex("00000019 00 00 00000000 08011080800418642080801028808080023080800138e0a712"))
    }

    /// §2.2: the preface and the SETTINGS after it are read in any split; neither is answered.
    @Test func thePrefaceIsMatchedByteByByte() {
        var h = H()
        h.receiveByteByByte(ConnectionPreface.bytes + hex("00000015 00 00 00000000 080110808004186420808010288080800230808001"))
        #expect(h.takeActions() == ["settings received"])
        #expect(h.takeBytes().isEmpty)
        #expect(!h.machine.closed)
        #expect(h.machine.peerSettings?.initialWindowSize == 262_144)
    }

    /// §2.2: at the first byte that differs the server closes, without GOAWAY (the peer may not
    /// speak the protocol).
    @Test(arguments: ["GET / HTTP/1.1\r\n", "JCS/2\r\n\n", "JCS/1\r\n\r", "\u{16}\u{03}\u{01}"])
    func aWrongPrefaceClosesWithoutGoAway(_ bytes: String) {
        var h = H()
        h.receive(Array(bytes.utf8))
        #expect(h.takeActions() == ["protocol error", "close"])
        #expect(h.takeBytes().isEmpty)
        #expect(h.machine.closed)
    }

    /// §2.2: a preface that starts right and goes wrong in a later read.
    @Test func aPrefaceThatGoesWrongInALaterReadCloses() {
        var h = H()
        h.receive(Array("JCS/".utf8))
        #expect(h.takeActions().isEmpty)
        h.receive(Array("2\r\n\n".utf8))
        #expect(h.takeActions() == ["protocol error", "close"])
        #expect(h.takeBytes().isEmpty)
    }

    /// §2.3: any frame but SETTINGS first is a connection error (GOAWAY INTERNAL naming it),
    /// an unknown type too.
    @Test(arguments: [FrameType.headers, .message, .ping, .windowUpdate, FrameType(rawValue: 0x42)])
    func aFrameBeforeSettingsIsAConnectionError(_ type: FrameType) {
        var h = H()
        h.receive(ConnectionPreface.bytes)
        h.send(type, stream: type == .ping ? 0 : 1, payload: type == .ping ? [UInt8](repeating: 0, count: 8) : [])
        expectGoAway(&h, .internal, containing: "\(type) before SETTINGS")
    }

    /// §2.3: a second SETTINGS is a connection error.
    @Test func aSecondSettingsIsAConnectionError() {
        var h = H.connected()
        h.receive(H.frame(.settings, stream: 0, message: Settings()))
        expectGoAway(&h, .internal, containing: "a second SETTINGS")
    }

    /// §2.3: SETTINGS on a stream other than 0 is a connection error, named as such.
    @Test func settingsOnAStreamIsAConnectionError() {
        var h = H()
        h.receive(ConnectionPreface.bytes)
        h.send(.settings, stream: 3)
        expectGoAway(&h, .internal, containing: "SETTINGS on stream 3")
    }

    /// §2.3, §4.7: a SETTINGS payload that does not decode is a connection error.
    @Test func undecodableSettingsAreAConnectionError() {
        var h = H()
        h.receive(ConnectionPreface.bytes)
        h.send(.settings, stream: 0, payload: [0x08])  // field 1, its varint missing
        expectGoAway(&h, .internal, containing: "malformed SETTINGS")
    }

    /// §2.3: a protocolVersion other than 1 is refused; 0 written out means 1, like every field.
    @Test func protocolVersionOtherThanOneIsRefusedAndZeroMeansOne() {
        var h = H()
        h.receive(ConnectionPreface.bytes)
        h.send(.settings, stream: 0, payload: [0x08, 0x02])
        expectGoAway(&h, .internal, containing: "protocol version 2")

        var zero = H()
        zero.receive(ConnectionPreface.bytes)
        zero.send(.settings, stream: 0, payload: [0x08, 0x00, 0x10, 0x00])
        #expect(zero.takeActions() == ["settings received"])
        #expect(zero.machine.peerSettings?.protocolVersion == 1)
        #expect(zero.machine.peerSettings?.maximumFrameSize == Settings.defaultMaximumFrameSize)
    }

    /// §2.3: a maximumFrameSize below 16,384 is read as 16,384.
    @Test func aFrameSizeBelowTheMinimumIsReadAsTheMinimum() {
        var settings = Settings()
        settings.maximumFrameSize = 1_000
        let h = H.connected(settings: settings)
        #expect(h.machine.peerMaximumFrameSize == 16_384)
    }

    /// §3.1: a frame longer than maximumFrameSize is refused from its 10 header bytes alone,
    /// with GOAWAY RESOURCE_EXHAUSTED; its payload is never waited for.
    @Test func anOversizedFrameIsRefusedFromItsHeader() {
        var h = H.connected()
        h.receive(hex("00010001 02 00 00000001"))
        expectGoAway(&h, .resourceExhausted, containing: "65537")
        #expect(h.machine.parser.bufferedBytes == 10)
    }

    /// §3.1: a frame of exactly maximumFrameSize is taken (here of a type the server ignores).
    @Test func aFrameOfExactlyTheLimitIsTaken() {
        var h = H.connected()
        h.send(FrameType(rawValue: 0x42), stream: 1, payload: [UInt8](repeating: 7, count: 65_536))
        #expect(h.takeActions().isEmpty)
        #expect(!h.machine.closed)
    }

    /// §3.1: after SETTINGS, frame types the receiver does not know are ignored whatever their
    /// stream, flags and payload.
    @Test func unknownFrameTypesAreIgnored() {
        var h = H.connected()
        for (type, stream) in [(UInt8(0x09), UInt32(0)), (0x7f, 7), (0xff, 2)] {
            h.send(FrameType(rawValue: type), flags: FrameFlags(rawValue: 0xff), stream: stream, payload: [1, 2, 3])
        }
        #expect(h.takeBytes().isEmpty)
        #expect(h.takeActions().isEmpty)
        h.open(1)
        h.message(1, size: 2, flags: .endStream)
        #expect(h.takeActions() == ["start 1 request 2"])
    }

    /// §3.1: flag bits not defined for a type are ignored.
    @Test func undefinedFlagBitsAreIgnored() {
        var h = H.connected()
        h.open(1, flags: FrameFlags(rawValue: 0x80))
        h.message(1, size: 3, flags: FrameFlags(rawValue: 0x81))  // END_STREAM and an undefined bit
        #expect(h.takeActions() == ["start 1 request 3"])
    }

    /// §3.1: several frames in one read, and the same frames one byte per read, do the same.
    @Test func framesAreReassembledWhateverTheSplit() {
        var bytes = H.frame(.headers, stream: 1, message: CallHeaders(method: "t.T/Unary"))
        var message = H.frame(.message, flags: .endStream, stream: 1, payload: H.payload(300))
        var ping = H.frame(.ping, stream: 0, payload: [1, 2, 3, 4, 5, 6, 7, 8])
        bytes.writeBuffer(&message)
        bytes.writeBuffer(&ping)
        let all = Array(bytes.readableBytesView)

        var together = H.connected()
        together.receive(all)
        var apart = H.connected()
        apart.receiveByteByByte(all)
        for var h in [together, apart] {
            #expect(h.takeActions() == ["start 1 request 300"])
            #expect(h.takeBytes() == hex("00000008 05 01 00000000 0102030405060708"))
        }
    }

    /// §3.1: after a connection error nothing more is read.
    @Test func nothingIsReadAfterAConnectionError() {
        var h = H.connected()
        h.send(.trailers, stream: 1)
        _ = h.takeFrames()
        _ = h.takeActions()
        h.open(1)
        h.send(.ping, stream: 0, payload: [UInt8](repeating: 0, count: 8))
        #expect(h.takeBytes().isEmpty)
        #expect(h.takeActions().isEmpty)
    }
}
