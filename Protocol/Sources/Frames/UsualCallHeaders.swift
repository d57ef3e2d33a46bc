import NIOCore

/// The HEADERS payload of the usual call: a method, a timeout, and for metadata at most a
/// request id of 16 lower-case hex digits (SPEC.md §6.3) — what this runtime's clients send on
/// nearly every call. The same bytes as the ``CallHeaders`` with that one metadata entry, but written
/// and read without making a string or a list: the method path, the id's text and the metadata
/// list were three of a server's six allocations a call, and the id's text and the list two of
/// a client's (BENCHMARKS.md, "CPU per call").
public struct UsualCallHeaders: Hashable, Sendable {
    public var method: String
    /// Microseconds; 0 = no deadline.
    public var timeoutMicroseconds: UInt64
    /// The request id's number; nil when the call sends none.
    public var requestID: UInt64?

    public init(method: String, timeoutMicroseconds: UInt64, requestID: UInt64?) {
        self.method = method
        self.timeoutMicroseconds = timeoutMicroseconds
        self.requestID = requestID
    }

    /// The same headers in the general form, which encodes to the same bytes.
    public var callHeaders: CallHeaders {
        CallHeaders(method: method, timeoutMicroseconds: timeoutMicroseconds,
                    metadata: requestID.map { [MetadataEntry(MetadataKey.requestID, Self.text($0))] } ?? [])
    }

    /// Sixteen lower-case hex digits, most significant first, written straight into the string.
    public static func text(_ requestID: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            writeDigits(requestID, into: UnsafeMutableRawBufferPointer(buffer))
            return 16
        }
    }

    /// The number 16 lower-case hex digits spell; nil for anything else (upper case included:
    /// its text would not survive the round trip through the number).
    public static func parseRequestID(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count == 16 else { return nil }
        // Eight digits at a time, without a branch per digit: digits and letters come at
        // random, and a branch on which each is was mispredicted half the time (the parse was
        // 3 % of the server's time a call, digit by digit).
        guard let high = parseEightDigits(bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
              let low = parseEightDigits(bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) else { return nil }
        return high << 32 | low
    }

    /// Eight ASCII bytes as loaded from memory (the first digit in the lowest byte): the number
    /// they spell if each is 0–9 or a–f.
    @inline(__always)
    static func parseEightDigits(_ word: UInt64) -> UInt64? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops = ones &* 0x80
        let littleEndian = UInt64(littleEndian: word)
        // Below 0x80, byte + (0x80 - n) sets the byte's top bit exactly when byte >= n, and
        // carries into no other byte.
        func atLeast(_ n: UInt64) -> UInt64 { (littleEndian &+ ones &* (0x80 - n)) & tops }
        let digits = atLeast(0x30) & ~atLeast(0x3A)
        let letters = atLeast(0x61) & ~atLeast(0x67)
        guard littleEndian & tops == 0, digits | letters == tops else { return nil }
        // A digit's value is its low nibble; a letter's, its low nibble + 9 (bit 6 marks letters).
        let nibbles = (littleEndian & (ones &* 0x0F)) &+ ((littleEndian >> 6) & ones) &* 9
        // Gather the nibbles, first digit most significant.
        var packed = nibbles.byteSwapped
        packed = (packed | packed >> 4) & 0x00FF_00FF_00FF_00FF
        packed = (packed | packed >> 8) & 0x0000_FFFF_0000_FFFF
        return (packed | packed >> 16) & 0xFFFF_FFFF
    }

    static func writeDigits(_ value: UInt64, into digits: UnsafeMutableRawBufferPointer) {
        for index in 0..<16 {
            let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
            digits[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
        }
    }

    /// ``MetadataKey/requestID``'s bytes, for writing and comparing in place (a comparison
    /// through `String.UTF8View` was a twentieth of the server's time a call).
    static let requestIDKey: StaticString = "request-id"

    /// The entry as ``MetadataEntry`` encodes it: key (field 1) "request-id", value (field 2) the digits.
    static let entrySize = 2 + 10 + 2 + 16

    /// The encoded size, as ``WireMessage/encodedSize()`` gives it for ``callHeaders``.
    public var encodedSize: Int {
        let path = method.utf8.count
        return (path == 0 ? 0 : 1 + varintSize(UInt64(path)) + path)
            + (timeoutMicroseconds == 0 ? 0 : 1 + varintSize(timeoutMicroseconds))
            + (requestID == nil ? 0 : 2 + Self.entrySize)
    }

    /// Writes the fields as ``CallHeaders`` does: defaults left out, in field order.
    func writeFields(to writer: inout WireWriter) {
        if !method.isEmpty {
            writer.writeByte(1 << 3 | 2)
            writer.writeString(method)
        }
        if timeoutMicroseconds != 0 {
            writer.writeByte(2 << 3 | 0)
            writer.writeVarint(timeoutMicroseconds)
        }
        guard let requestID else { return }
        writer.writeByte(3 << 3 | 2)
        writer.writeByte(UInt8(Self.entrySize))
        writer.writeByte(1 << 3 | 2)
        writer.writeByte(UInt8(Self.requestIDKey.utf8CodeUnitCount))
        writer.writeRaw(Self.requestIDKey.utf8Start, count: Self.requestIDKey.utf8CodeUnitCount)
        writer.writeByte(2 << 3 | 2)
        writer.writeByte(16)
        Self.writeDigits(requestID, into: UnsafeMutableRawBufferPointer(start: writer.cursor, count: 16))
        writer.cursor += 16
    }
}

extension ByteBuffer {
    /// Writes a HEADERS frame carrying the usual call's headers.
    public mutating func writeHeadersFrame(stream: UInt32, _ headers: UsualCallHeaders) {
        writeFrame(.headers, stream: stream, encodedSize: headers.encodedSize) { headers.writeFields(to: &$0) }
    }
}

extension UsualCallHeaders {
    /// `payload` read as the usual call's HEADERS naming `method`; nil for anything else —
    /// another method, other metadata, an unknown field, a request id not of 16 lower-case hex
    /// digits, anything malformed — which the general ``CallHeaders`` decoder then reads, or
    /// refuses. So this accepts only what that decoder accepts, and means the same by it
    /// (checked against it in Tests/ProtocolTests/UsualCallHeadersTests.swift): the method is
    /// compared byte for byte with one already known, so it needs no UTF-8 check; hex digits
    /// are ASCII; a field given twice means its last value, as there.
    public static func read(_ payload: ByteBuffer, method: String, limits: WireLimits) -> UsualCallHeaders? {
        // The entry is a nested message in a list: refused by the general decoder under limits
        // that allow neither.
        guard limits.maximumDepth >= 1, limits.maximumListLength >= 1 else { return nil }
        var path = method
        return path.withUTF8 { expected in
            payload.withUnsafeReadableBytes { bytes -> UsualCallHeaders? in
                var reader = WireReader(bytes)
                var named = false
                var received = UsualCallHeaders(method: method, timeoutMicroseconds: 0, requestID: nil)
                while !reader.isAtEnd {
                    guard let tag = try? reader.readTag() else { return nil }
                    switch tag {
                    case 1 << 3 | 2:
                        guard let given = try? reader.readLengthDelimited(field: 1),
                              bytesEqual(given, UnsafeRawBufferPointer(expected)) else { return nil }
                        named = true
                    case 2 << 3 | 0:
                        guard let timeout = try? reader.readVarint() else { return nil }
                        received.timeoutMicroseconds = timeout
                    case 3 << 3 | 2:
                        guard received.requestID == nil, let entry = try? reader.readLengthDelimited(field: 3),
                              let id = requestID(inEntry: entry) else { return nil }
                        received.requestID = id
                    default:
                        return nil
                    }
                }
                return named ? received : nil
            }
        }
    }

    /// The id of a `request-id` entry whose value is 16 lower-case hex digits; nil for any other entry.
    private static func requestID(inEntry bytes: UnsafeRawBufferPointer) -> UInt64? {
        var reader = WireReader(bytes)
        var keyed = false
        var id: UInt64?
        while !reader.isAtEnd {
            guard let tag = try? reader.readTag(), tag == 1 << 3 | 2 || tag == 2 << 3 | 2,
                  let field = try? reader.readLengthDelimited(field: tag >> 3) else { return nil }
            if tag >> 3 == 1 {
                let key = UnsafeRawBufferPointer(start: requestIDKey.utf8Start, count: requestIDKey.utf8CodeUnitCount)
                guard bytesEqual(field, key) else { return nil }
                keyed = true
            } else {
                guard let value = parseRequestID(field) else { return nil }
                id = value
            }
        }
        return keyed ? id : nil
    }
}

/// Whether two byte ranges hold the same bytes, eight at a time.
@inline(__always)
private func bytesEqual(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    var offset = 0
    while offset + 8 <= a.count {
        guard a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
        offset += 8
    }
    while offset < a.count {
        guard a[offset] == b[offset] else { return false }
        offset += 1
    }
    return true
}
