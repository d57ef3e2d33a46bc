/// Reads fields from a contiguous byte range, checking every length against what is left.
public struct WireReader {
    @usableFromInline var cursor: UnsafeRawPointer
    @usableFromInline var end: UnsafeRawPointer

    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer) {
        // An empty buffer may have no base address; any non-nil pointer with end == cursor reads nothing.
        let base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 0x1)!
        self.cursor = base
        self.end = base + bytes.count
    }

    @inlinable
    var isAtEnd: Bool { cursor >= end }

    @inlinable
    var remaining: Int { end - cursor }

    @inlinable
    mutating func readVarint() throws(WireError) -> UInt64 {
        // Fast path: one byte.
        guard cursor < end else { throw .truncated }
        let first = cursor.load(as: UInt8.self)
        cursor += 1
        if first < 0x80 { return UInt64(first) }
        var result = UInt64(first & 0x7F)
        var shift: UInt64 = 7
        while true {
            guard cursor < end else { throw .truncated }
            let byte = cursor.load(as: UInt8.self)
            cursor += 1
            if shift == 63 && byte > 1 { throw .malformedVarint }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            if shift > 63 { throw .malformedVarint }
        }
    }

    @inlinable
    mutating func readFixed32() throws(WireError) -> UInt32 {
        guard remaining >= 4 else { throw .truncated }
        let value = cursor.loadUnaligned(as: UInt32.self)
        cursor += 4
        return UInt32(littleEndian: value)
    }

    @inlinable
    mutating func readFixed64() throws(WireError) -> UInt64 {
        guard remaining >= 8 else { throw .truncated }
        let value = cursor.loadUnaligned(as: UInt64.self)
        cursor += 8
        return UInt64(littleEndian: value)
    }

    /// Reads a length prefix and returns the bytes it covers, advancing past them.
    @inlinable
    mutating func readLengthDelimited(field: UInt32) throws(WireError) -> UnsafeRawBufferPointer {
        let length = try readVarint()
        guard length <= UInt64(remaining) else { throw .lengthOutOfRange(field: field) }
        let slice = UnsafeRawBufferPointer(start: cursor, count: Int(length))
        cursor += Int(length)
        return slice
    }

    @inlinable
    mutating func readString(field: UInt32) throws(WireError) -> String {
        let bytes = try readLengthDelimited(field: field)
        guard isValidUTF8(bytes) else { throw .invalidUTF8(field: field) }
        return String(decoding: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }

    /// Skips one value of the given wire type (an unknown field).
    @inlinable
    mutating func skip(_ type: WireType, field: UInt32) throws(WireError) {
        switch type {
        case .varint: _ = try readVarint()
        case .fixed64:
            guard remaining >= 8 else { throw .truncated }
            cursor += 8
        case .fixed32:
            guard remaining >= 4 else { throw .truncated }
            cursor += 4
        case .lengthDelimited: _ = try readLengthDelimited(field: field)
        }
    }

    /// Reads a tag; returns the field number and wire type.
    @inlinable
    mutating func readTag() throws(WireError) -> (number: UInt32, type: WireType) {
        let tag = try readVarint()
        guard tag <= UInt64(UInt32.max), let type = WireType(rawValue: UInt8(tag & 7)), tag >> 3 != 0 else {
            throw .invalidTag(tag)
        }
        return (UInt32(tag >> 3), type)
    }
}
