import JCSkillsProtocol

/// A W3C Trace Context `traceparent` value (Protocol/SPEC.md §6.4): which trace a call
/// belongs to and which span made it.
///
/// Parsed by the rules of the W3C recommendation rather than handed to the tracer as received,
/// so that every tracer sees the same verdict: a value this type rejects is ignored, never an
/// error, and one from a later version is read by its first four fields and passed on as
/// version 00.
public struct TraceParent: Hashable, Sendable, CustomStringConvertible {
    /// 16 bytes, not all zero.
    public let traceID: [UInt8]
    /// 8 bytes, not all zero: the caller's span.
    public let parentID: [UInt8]
    /// Bit 0 is `sampled`; the other bits are kept as received.
    public let flags: UInt8

    public static let sampledFlag: UInt8 = 0x01

    /// nil when either id has the wrong length or is all zeros.
    public init?(traceID: [UInt8], parentID: [UInt8], flags: UInt8) {
        guard traceID.count == 16, parentID.count == 8,
              traceID.contains(where: { $0 != 0 }), parentID.contains(where: { $0 != 0 })
        else { return nil }
        self.traceID = traceID
        self.parentID = parentID
        self.flags = flags
    }

    /// Reads `version-traceid-parentid-flags`; nil when malformed.
    ///
    /// Version 00 is exactly 55 characters. A higher version (but not `ff`, which is invalid)
    /// may be longer, and the part after the flags must then start with `-`: a receiver that
    /// knows an older version reads what it knows and ignores the rest.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 55, let version = Self.hexByte(bytes[0], bytes[1]), version != 0xff,
              bytes[2] == UInt8(ascii: "-"), bytes[35] == UInt8(ascii: "-"), bytes[52] == UInt8(ascii: "-"),
              let traceID = Self.hexBytes(bytes[3..<35]), let parentID = Self.hexBytes(bytes[36..<52]),
              let flags = Self.hexByte(bytes[53], bytes[54])
        else { return nil }
        if version == 0 {
            guard bytes.count == 55 else { return nil }
        } else if bytes.count > 55, bytes[55] != UInt8(ascii: "-") {
            return nil
        }
        self.init(traceID: traceID, parentID: parentID, flags: flags)
    }

    public var isSampled: Bool { flags & Self.sampledFlag != 0 }

    /// Version 00, lower-case hex: the only form this runtime sends.
    public var description: String {
        "00-\(Self.hex(traceID))-\(Self.hex(parentID))-\(Self.hex([flags]))"
    }

    /// The trace id as 32 lower-case hex digits, as tracing back ends show it.
    public var traceIDHex: String { Self.hex(traceID) }
    /// The parent span id as 16 lower-case hex digits.
    public var parentIDHex: String { Self.hex(parentID) }

    // W3C allows lower-case hex only: `00-ABC…` is malformed, not a different spelling.
    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func hexByte(_ high: UInt8, _ low: UInt8) -> UInt8? {
        guard let high = nibble(high), let low = nibble(low) else { return nil }
        return high << 4 | low
    }

    private static func hexBytes(_ digits: ArraySlice<UInt8>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = digits.startIndex
        while index < digits.endIndex {
            guard let byte = hexByte(digits[index], digits[index + 1]) else { return nil }
            bytes.append(byte)
            index += 2
        }
        return bytes
    }

    static func hex(_ bytes: [UInt8]) -> String { lowercaseHex(bytes) }
}
