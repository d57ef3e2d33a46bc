import JCSkillsProtocol
import Testing

/// The codec rejects invalid UTF-8 by detecting the standard library's repairs instead of
/// validating twice (Codec/StringDecoding.swift). That argument rests on how repairs change
/// lengths and bytes, so it is checked here against an independent validator on every one- and
/// two-byte input and on many random longer ones, biased towards the hard cases: truncated
/// four-byte sequences (their repair keeps the length) and the edges of each lead byte's range.
@Suite("String fields: UTF-8 validation (SPEC.md §4.2)")
struct StringValidationTests {
    /// RFC 3629 / Unicode table 3-7, written out byte by byte.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = continuation(1) ? 2 : 0
            case 0xE0: length = continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
            case 0xE1...0xEC, 0xEE...0xEF: length = continuation(1) && continuation(2) ? 3 : 0
            case 0xED: length = continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
            case 0xF0: length = continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
            case 0xF1...0xF3: length = continuation(1) && continuation(2) && continuation(3) ? 4 : 0
            case 0xF4: length = continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
            default: length = 0
            }
            guard length > 0 else { return false }
            index += length
        }
        return true
    }

    /// Decodes `bytes` as the string field 8 of ``Scalars`` and checks the verdict and the text.
    static func check(_ bytes: [UInt8]) {
        let encoded: [UInt8] = [0x42] + WireScan.encodeVarint(UInt64(bytes.count)) + bytes
        let valid = isValidUTF8(bytes)
        do throws(WireError) {
            let decoded = try Scalars(wireBytes: encoded)
            #expect(valid, "accepted invalid UTF-8 \(bytes.hex)")
            #expect(Array(decoded.text.utf8) == bytes, "changed \(bytes.hex)")
        } catch {
            #expect(!valid, "rejected valid UTF-8 \(bytes.hex): \(error)")
            #expect(error == .invalidUTF8(field: 8), "\(bytes.hex): \(error)")
        }
    }

    @Test func everyInputOfOneAndTwoBytes() {
        for first in 0...255 {
            Self.check([UInt8(first)])
            for second in 0...255 { Self.check([UInt8(first), UInt8(second)]) }
        }
    }

    @Test func randomInputsAroundTheEdges() {
        var random = RandomValues(seed: 42)
        // Bytes at and next to every boundary of table 3-7, and whole valid characters.
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                              0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFE, 0xFF]
        let characters: [[UInt8]] = ["a", "é", "晋", "城", "\u{FFFD}", "\u{10FFFF}", "😀", "\u{0}"].map { Array($0.utf8) }
        for _ in 0..<200_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.int(1...8) {
                switch random.int(0...9) {
                case 0...3: bytes += characters[random.int(0...characters.count - 1)]
                case 4...5: bytes += characters[random.int(0...characters.count - 1)].dropLast(random.int(1...2))
                case 6...8: bytes.append(edges[random.int(0...edges.count - 1)])
                default: bytes.append(UInt8(random.int(0...255)))
                }
            }
            Self.check(bytes)
        }
    }

    /// Longer text takes the eight-bytes-at-a-time paths; a bad byte anywhere must still count.
    @Test func longTextWithOneBadSpot() {
        let text = Array("起重装卸机械操作 Jincheng 家政服务养老护理 😀 14052419900101123X".utf8)
        Self.check(text)
        for position in 0..<text.count {
            for bad: [UInt8] in [[0xFF], [0x80], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
                Self.check(Array(text[..<position]) + bad + Array(text[position...]))
                Self.check(Array(text[..<position]) + bad)
            }
        }
    }
}
