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

    /// One-byte varints (most tags, lengths and enums) stay in line at the call site; the
    /// optimizer otherwise kept the whole loop as a call from the benchmark's module.
    @inlinable @inline(__always)
    mutating func readVarint() throws(WireError) -> UInt64 {
        guard cursor < end else { throw .truncated }
        let first = cursor.load(as: UInt8.self)
        if first < 0x80 {
            cursor += 1
            return UInt64(first)
        }
        return try readLongVarint()
    }

    @inlinable
    mutating func readLongVarint() throws(WireError) -> UInt64 {
        if end - cursor >= 10 {
            // All ten bytes a varint may take are there: no bounds check per byte.
            var result: UInt64 = 0
            for index in 0..<10 {
                let byte = cursor.load(fromByteOffset: index, as: UInt8.self)
                result |= UInt64(byte & 0x7F) << UInt64(7 * index)
                if byte < 0x80 {
                    if index == 9 && byte > 1 { throw .malformedVarint }
                    cursor += index + 1
                    return result
                }
            }
            throw .malformedVarint
        }
        var result: UInt64 = 0
        var shift: UInt64 = 0
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
    @inlinable @inline(__always)
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
        return try makeString(bytes, field: field)
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

    /// Reads a tag and returns it whole (`number << 3 | wire type`), checked: a field number
    /// other than 0, a wire type this protocol defines, a value below 2^32.
    @inlinable @inline(__always)
    mutating func readTag() throws(WireError) -> UInt32 {
        let tag = try readVarint()
        // Bit n of 0b10_0111 is set for the wire types 0, 1, 2 and 5.
        guard tag <= UInt64(UInt32.max), tag >> 3 != 0, (0b10_0111 as UInt8) >> (tag & 7) & 1 != 0 else {
            throw .invalidTag(tag)
        }
        return UInt32(truncatingIfNeeded: tag)
    }

    /// How many values of a repeated length-delimited field follow back to back from here (the
    /// one whose length prefix is next, then each one preceded by the same tag), so the list can
    /// be allocated once. Stops at the first other tag or anything malformed: decoding proper
    /// reports the error. Reads only bytes the decoder is about to read anyway.
    @inlinable
    func countRun(ofTag tag: UInt64) -> Int {
        var scout = self
        var count = 0
        while true {
            guard let length = try? scout.readVarint(), length <= UInt64(scout.remaining) else { return count }
            scout.cursor += Int(length)
            count += 1
            guard !scout.isAtEnd, let next = try? scout.readVarint(), next == tag else { return count }
        }
    }
}
