@testable import JCSkillsProtocol
import NIOCore
import Testing

/// Protocol/Sources/Frames/UsualCallHeaders.swift: the usual call's HEADERS, written and read
/// without strings, must be the general ``CallHeaders`` exactly — the same bytes out, and in,
/// nothing accepted that the general decoder refuses or reads differently (SPEC.md §3.2.2, §6.3).
@Suite("The usual call's HEADERS: the same bytes and meaning as the general form (SPEC.md §3.2.2, §6.3)")
struct UsualCallHeadersTests {
    static let method = "jcskills.Registry/LookUpPerson"

    private func payload(_ headers: CallHeaders) -> ByteBuffer { ByteBuffer.encoding(headers) }

    /// What the fast reader must give for `bytes`: the general decoding, when that decodes to
    /// `method` with no metadata or a lone request id of 16 lower-case hex digits; else nil.
    private func expected(_ bytes: ByteBuffer, method: String, limits: WireLimits = .standard) -> CallHeaders? {
        guard let general = try? CallHeaders(buffer: bytes, limits: limits), general.method == method else { return nil }
        switch general.metadata.count {
        case 0: return general
        case 1:
            let entry = general.metadata[0]
            let isHex = entry.value.utf8.count == 16 && entry.value.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            return entry.key == MetadataKey.requestID && isHex ? general : nil
        default: return nil
        }
    }

    @Test func theFrameIsTheGeneralFormsByteForByte() {
        var random = SeededGenerator(seed: 11)
        let timeouts: [UInt64] = [0, 1, 127, 128, 5_000_000, .max]
        for index in 0..<500 {
            let method = index == 0 ? "" : String(repeating: "m", count: Int.random(in: 1...300, using: &random))
            let id: UInt64? = index % 5 == 0 ? nil : random.next()
            let usual = UsualCallHeaders(method: method, timeoutMicroseconds: timeouts[index % timeouts.count], requestID: id)
            var fast = ByteBuffer()
            fast.writeHeadersFrame(stream: 7, usual)
            var general = ByteBuffer()
            general.writeFrame(.headers, stream: 7, message: usual.callHeaders)
            #expect(fast == general, "\(usual)")
            #expect(usual.encodedSize == usual.callHeaders.encodedSize())
        }
    }

    @Test func theSpecExamplesRequestIDReadsAsItsNumber() throws {
        // SPEC.md §5.2's example: request-id 00000000075bcd15 (123456789).
        let headers = CallHeaders(method: "jcskills.Health/Check", timeoutMicroseconds: 5_000_000,
                                  metadata: [MetadataEntry(MetadataKey.requestID, "00000000075bcd15")])
        let read = try #require(UsualCallHeaders.read(payload(headers), method: "jcskills.Health/Check", limits: .standard))
        #expect(read == UsualCallHeaders(method: "jcskills.Health/Check", timeoutMicroseconds: 5_000_000, requestID: 123_456_789))
        #expect(UsualCallHeaders.text(123_456_789) == "00000000075bcd15")
        #expect(UsualCallHeaders.requestIDKey.description == MetadataKey.requestID)
    }

    /// The id's 16 digits read eight at a time: every number's text reads back as it, and a text
    /// with any byte but 0–9 and a–f at any place is no id.
    @Test func requestIDsReadBackAndNothingElseReads() {
        var random = SeededGenerator(seed: 3)
        for value in [0, 1, .max, 0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210] + (0..<2_000).map({ _ in random.next() }) {
            let text = Array(UsualCallHeaders.text(value).utf8)
            #expect(text.withUnsafeBytes { UsualCallHeaders.parseRequestID($0) } == value)
        }
        let valid = Set(Array("0123456789abcdef".utf8))
        var text = Array(UsualCallHeaders.text(0x0123_4567_89ab_cdef).utf8)
        for place in 0..<16 {
            let kept = text[place]
            for byte in UInt8.min...UInt8.max {
                text[place] = byte
                let read = text.withUnsafeBytes { UsualCallHeaders.parseRequestID($0) }
                #expect((read != nil) == valid.contains(byte), "byte \(byte) at \(place)")
                if let read { #expect(UsualCallHeaders.text(read) == String(decoding: text, as: UTF8.self)) }
            }
            text[place] = kept
        }
        #expect(Array("0123456789abcde".utf8).withUnsafeBytes { UsualCallHeaders.parseRequestID($0) } == nil)
        #expect(Array("0123456789abcdef0".utf8).withUnsafeBytes { UsualCallHeaders.parseRequestID($0) } == nil)
    }

    /// Everything else goes to the general decoder: another method, other metadata, an id that
    /// is not 16 lower-case hex digits, a second id, an unknown field, limits allowing no entry.
    @Test func anythingButTheUsualShapeIsLeftToTheGeneralDecoder() {
        let id = MetadataEntry(MetadataKey.requestID, "0123456789abcdef")
        let others: [CallHeaders] = [
            CallHeaders(method: "jcskills.Registry/LookUpPersons", metadata: [id]),
            CallHeaders(method: "jcskills.Registry/LookUpPerso", metadata: [id]),
            CallHeaders(method: Self.method, metadata: [MetadataEntry(MetadataKey.acceptLanguage, "zh")]),
            CallHeaders(method: Self.method, metadata: [id, MetadataEntry(MetadataKey.idempotencyKey, "k")]),
            CallHeaders(method: Self.method, metadata: [MetadataEntry(MetadataKey.requestID, "0123456789ABCDEF")]),
            CallHeaders(method: Self.method, metadata: [MetadataEntry(MetadataKey.requestID, "0123456789abcde")]),
            CallHeaders(method: Self.method, metadata: [MetadataEntry(MetadataKey.requestID, "req-42")]),
            CallHeaders(method: Self.method, metadata: [id, id]),
            CallHeaders(method: Self.method, metadata: [MetadataEntry("request-i", "0123456789abcdef")]),
            CallHeaders(method: "", metadata: [id]),
        ]
        for headers in others {
            #expect(UsualCallHeaders.read(payload(headers), method: Self.method, limits: .standard) == nil, "\(headers)")
        }
        var unknownField = payload(CallHeaders(method: Self.method, metadata: [id]))
        unknownField.writeBytes([4 << 3 | 0, 1])
        #expect(UsualCallHeaders.read(unknownField, method: Self.method, limits: .standard) == nil)
        let usual = payload(CallHeaders(method: Self.method, metadata: [id]))
        #expect(UsualCallHeaders.read(usual, method: Self.method, limits: .standard) != nil)
        #expect(UsualCallHeaders.read(usual, method: Self.method, limits: WireLimits(maximumDepth: 32, maximumListLength: 0)) == nil)
        #expect(UsualCallHeaders.read(usual, method: Self.method, limits: WireLimits(maximumDepth: 0)) == nil)
    }

    /// Randomized: usual encodings, fields repeated and reordered, then cut, bytes changed,
    /// inserted and removed. The fast reader accepts only what the general decoder reads as the
    /// usual shape, reading the same values from it, and every usual encoding as written.
    @Test func agreesWithTheGeneralDecoderOnMangledInput() {
        var random = SeededGenerator(seed: 29)
        var accepted = 0
        var refused = 0
        for _ in 0..<20_000 {
            var bytes = [UInt8](buffer: payload(CallHeaders(
                method: Self.method, timeoutMicroseconds: UInt64.random(in: 0...10_000_000, using: &random),
                metadata: Bool.random(using: &random) ? [MetadataEntry(MetadataKey.requestID, UsualCallHeaders.text(random.next()))] : [])))
            let repeated = Int.random(in: 0..<4, using: &random) == 0
            if repeated {
                // A field again, as a peer may send: the general decoder keeps the last value.
                let extra = [UInt8](buffer: payload(CallHeaders(
                    method: Bool.random(using: &random) ? Self.method : "x", timeoutMicroseconds: UInt64.random(in: 0...9, using: &random))))
                bytes = Bool.random(using: &random) ? bytes + extra : extra + bytes
            }
            let mangled = Int.random(in: 0...2, using: &random)
            for _ in 0..<mangled where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
                default: bytes.removeSubrange(at...)
                }
            }
            let buffer = ByteBuffer(bytes: bytes)
            let fast = UsualCallHeaders.read(buffer, method: Self.method, limits: .standard)
            let general = expected(buffer, method: Self.method)
            if let fast {
                #expect(fast.callHeaders == general, "\(bytes)")
            } else if mangled == 0 && !repeated {
                Issue.record("a usual encoding was refused: \(bytes)")
            }
            if fast == nil { refused += 1 } else { accepted += 1 }
        }
        // Both outcomes well represented: the test exercises the reader, not only its refusals.
        #expect(accepted > 5_000 && refused > 2_000, "accepted \(accepted), refused \(refused)")
    }
}
