/// How a field's value is laid out after its tag. The numbers are part of the wire format
/// (Protocol/SPEC.md §4): a reader uses them to skip fields it does not know.
public enum WireType: UInt8, Sendable {
    /// An unsigned LEB128 varint (bool, enum, unsigned and zig-zag signed integers).
    case varint = 0
    /// Eight bytes, little-endian (Double, fixed 64-bit integers).
    case fixed64 = 1
    /// A varint byte count followed by that many bytes (strings, bytes, nested messages, packed lists).
    case lengthDelimited = 2
    /// Four bytes, little-endian (Float, fixed 32-bit integers).
    case fixed32 = 5
}

/// Field numbers are 1 ... 2^29 - 1, so that a tag (`number << 3 | wireType`) fits a 32-bit varint.
public let maximumFieldNumber: UInt32 = (1 << 29) - 1

@inlinable
func varintSize(_ value: UInt64) -> Int {
    // 1 + floor(log128(value)); `| 1` makes zero take one byte.
    (64 - (value | 1).leadingZeroBitCount + 6) / 7
}

@inlinable
func tagSize(_ number: UInt32) -> Int { varintSize(UInt64(number) << 3) }

@inlinable
func zigZag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }

@inlinable
func unZigZag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }
