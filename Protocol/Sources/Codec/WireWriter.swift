/// Writes a message into memory whose size was computed beforehand.
///
/// Encoding is two passes over a message's fields: ``WireSizer`` adds up the exact size, then
/// this writer fills a buffer of that size through a raw cursor. Measured on this project's
/// machine (docs/ANCHORS.md §3), per-field `ByteBuffer` writes cost six times as much as this.
///
/// The per-byte helpers are `@inline(__always)`: the benchmark and the RPC runtime call the
/// encoder from other modules, where the optimizer otherwise left `writeVarint` and
/// `writeByte` as calls (a profile put a fifth of encode time in those calls). Inlined, a tag
/// with a constant field number folds to one constant byte store.
public struct WireWriter {
    @usableFromInline var cursor: UnsafeMutableRawPointer
    @usableFromInline let end: UnsafeMutableRawPointer

    @inlinable
    public init(_ buffer: UnsafeMutableRawBufferPointer) {
        self.cursor = buffer.baseAddress!
        self.end = buffer.baseAddress! + buffer.count
    }

    /// Bytes written so far relative to `start`.
    @inlinable
    func written(from start: UnsafeMutableRawPointer) -> Int { cursor - start }

    @inlinable @inline(__always)
    mutating func writeByte(_ byte: UInt8) {
        assert(cursor < end)
        cursor.storeBytes(of: byte, as: UInt8.self)
        cursor += 1
    }

    @inlinable @inline(__always)
    mutating func writeVarint(_ value: UInt64) {
        // Most varints here (tags, lengths, enums) are one byte: keep that case in line.
        if value < 0x80 {
            writeByte(UInt8(truncatingIfNeeded: value))
        } else {
            writeLongVarint(value)
        }
    }

    @inlinable
    mutating func writeLongVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            writeByte(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        writeByte(UInt8(truncatingIfNeeded: value))
    }

    @inlinable @inline(__always)
    mutating func writeTag(_ number: UInt32, _ type: WireType) {
        writeVarint(UInt64(number) << 3 | UInt64(type.rawValue))
    }

    @inlinable
    mutating func writeFixed32(_ value: UInt32) {
        assert(end - cursor >= 4)
        cursor.storeBytes(of: value.littleEndian, as: UInt32.self)
        cursor += 4
    }

    @inlinable
    mutating func writeFixed64(_ value: UInt64) {
        assert(end - cursor >= 8)
        cursor.storeBytes(of: value.littleEndian, as: UInt64.self)
        cursor += 8
    }

    @inlinable @inline(__always)
    mutating func writeRaw(_ base: UnsafeRawPointer, count: Int) {
        assert(end - cursor >= count)
        if count > 32 {
            cursor.copyMemory(from: base, byteCount: count)
        } else if count >= 8 {
            copyShort(from: base, count: count)
        } else {
            for offset in 0..<count {
                cursor.storeBytes(of: base.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self)
            }
        }
        cursor += count
    }

    /// Copies 8 to 32 bytes with word moves, the last word overlapping the one before it.
    /// Most strings in messages are this short (IDs, names, phone numbers, occupations), and
    /// a `memcpy` call for each was a fifth of the benchmark record's encode time.
    @inlinable @inline(__always)
    func copyShort(from base: UnsafeRawPointer, count: Int) {
        @inline(__always) func move(_ offset: Int) {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            cursor.storeBytes(of: word, toByteOffset: offset, as: UInt64.self)
        }
        move(0)
        if count > 16 { move(8) }
        if count > 24 { move(16) }
        move(count - 8)
    }

    @inlinable
    mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        writeRaw(base, count: bytes.count)
    }

    @inlinable @inline(__always)
    mutating func writeString(_ string: String) {
        // `utf8.withContiguousStorageIfAvailable` reads a native string in place (small strings
        // are spilled to the stack); `withUTF8` would need a mutable copy of the string, which
        // costs a retain and a release per field.
        let written: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            writeVarint(UInt64(utf8.count))
            if let base = utf8.baseAddress { writeRaw(base, count: utf8.count) }
        }
        if written == nil {
            // Only a bridged (non-native) string has no contiguous UTF-8; never on Linux.
            let utf8 = Array(string.utf8)
            writeVarint(UInt64(utf8.count))
            utf8.withUnsafeBytes { writeRaw($0) }
        }
    }
}
