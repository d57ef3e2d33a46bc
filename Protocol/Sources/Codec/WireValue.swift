/// A type that can be the value of a message field: scalars, strings, bytes, enums and
/// nested messages. Each conformance fixes the field's wire type and its encoding.
///
/// The defaults follow the "skip what is default" rule: a singular field equal to its
/// ``wireDefault`` is not written, and a missing field decodes as ``wireDefault``.
public protocol WireValue: Sendable {
    static var wireType: WireType { get }
    /// The value a missing field decodes to.
    static var wireDefault: Self { get }
    /// Whether this value is the default and may be left out of the encoding.
    var isWireDefault: Bool { get }
    /// Bytes this value takes after its tag (for length-delimited values, including the length).
    func wireSize() -> Int
    func write(to writer: inout WireWriter)
    static func read(from reader: inout WireReader, field: UInt32, context: inout DecodeContext) throws(WireError) -> Self
}

/// State a decode carries down into nested messages.
public struct DecodeContext {
    public let limits: WireLimits
    @usableFromInline var depth: Int

    @inlinable
    public init(limits: WireLimits) {
        self.limits = limits
        self.depth = 0
    }
}

/// Scalars whose encoding is a single varint.
public protocol WireVarintValue: WireValue {
    var varintValue: UInt64 { get }
    static func fromVarint(_ raw: UInt64) throws(WireError) -> Self
}

extension WireVarintValue {
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public func wireSize() -> Int { varintSize(varintValue) }
    @inlinable public func write(to writer: inout WireWriter) { writer.writeVarint(varintValue) }
    @inlinable
    public static func read(from reader: inout WireReader, field: UInt32, context: inout DecodeContext) throws(WireError) -> Self {
        try fromVarint(reader.readVarint())
    }
}

extension Bool: WireVarintValue {
    @inlinable public static var wireDefault: Bool { false }
    @inlinable public var isWireDefault: Bool { !self }
    @inlinable public var varintValue: UInt64 { self ? 1 : 0 }
    @inlinable public static func fromVarint(_ raw: UInt64) throws(WireError) -> Bool { raw != 0 }
}

extension UInt32: WireVarintValue {
    @inlinable public static var wireDefault: UInt32 { 0 }
    @inlinable public var isWireDefault: Bool { self == 0 }
    @inlinable public var varintValue: UInt64 { UInt64(self) }
    @inlinable public static func fromVarint(_ raw: UInt64) throws(WireError) -> UInt32 {
        guard let value = UInt32(exactly: raw) else { throw .malformedVarint }
        return value
    }
}

extension UInt64: WireVarintValue {
    @inlinable public static var wireDefault: UInt64 { 0 }
    @inlinable public var isWireDefault: Bool { self == 0 }
    @inlinable public var varintValue: UInt64 { self }
    @inlinable public static func fromVarint(_ raw: UInt64) throws(WireError) -> UInt64 { raw }
}

/// Signed integers are zig-zag encoded so that small negative numbers stay short.
extension Int32: WireVarintValue {
    @inlinable public static var wireDefault: Int32 { 0 }
    @inlinable public var isWireDefault: Bool { self == 0 }
    @inlinable public var varintValue: UInt64 { zigZag(Int64(self)) }
    @inlinable public static func fromVarint(_ raw: UInt64) throws(WireError) -> Int32 {
        guard let value = Int32(exactly: unZigZag(raw)) else { throw .malformedVarint }
        return value
    }
}

extension Int64: WireVarintValue {
    @inlinable public static var wireDefault: Int64 { 0 }
    @inlinable public var isWireDefault: Bool { self == 0 }
    @inlinable public var varintValue: UInt64 { zigZag(self) }
    @inlinable public static func fromVarint(_ raw: UInt64) throws(WireError) -> Int64 { unZigZag(raw) }
}

extension Int: WireVarintValue {
    @inlinable public static var wireDefault: Int { 0 }
    @inlinable public var isWireDefault: Bool { self == 0 }
    @inlinable public var varintValue: UInt64 { zigZag(Int64(self)) }
    @inlinable public static func fromVarint(_ raw: UInt64) throws(WireError) -> Int {
        guard let value = Int(exactly: unZigZag(raw)) else { throw .malformedVarint }
        return value
    }
}

extension Double: WireValue {
    @inlinable public static var wireType: WireType { .fixed64 }
    @inlinable public static var wireDefault: Double { 0 }
    /// Negative zero is written: it is not the default bit pattern.
    @inlinable public var isWireDefault: Bool { bitPattern == 0 }
    @inlinable public func wireSize() -> Int { 8 }
    @inlinable public func write(to writer: inout WireWriter) { writer.writeFixed64(bitPattern) }
    @inlinable
    public static func read(from reader: inout WireReader, field: UInt32, context: inout DecodeContext) throws(WireError) -> Double {
        Double(bitPattern: try reader.readFixed64())
    }
}

extension Float: WireValue {
    @inlinable public static var wireType: WireType { .fixed32 }
    @inlinable public static var wireDefault: Float { 0 }
    @inlinable public var isWireDefault: Bool { bitPattern == 0 }
    @inlinable public func wireSize() -> Int { 4 }
    @inlinable public func write(to writer: inout WireWriter) { writer.writeFixed32(bitPattern) }
    @inlinable
    public static func read(from reader: inout WireReader, field: UInt32, context: inout DecodeContext) throws(WireError) -> Float {
        Float(bitPattern: try reader.readFixed32())
    }
}

extension String: WireValue {
    @inlinable public static var wireType: WireType { .lengthDelimited }
    @inlinable public static var wireDefault: String { "" }
    @inlinable public var isWireDefault: Bool { isEmpty }
    @inlinable public func wireSize() -> Int {
        let count = utf8.count
        return varintSize(UInt64(count)) + count
    }
    @inlinable public func write(to writer: inout WireWriter) { writer.writeString(self) }
    @inlinable
    public static func read(from reader: inout WireReader, field: UInt32, context: inout DecodeContext) throws(WireError) -> String {
        try reader.readString(field: field)
    }
}

/// Opaque bytes (a signature, a hash, a nested payload kept encoded).
public struct WireBytes: WireValue, Hashable {
    public var bytes: [UInt8]
    @inlinable public init(_ bytes: [UInt8] = []) { self.bytes = bytes }

    @inlinable public static var wireType: WireType { .lengthDelimited }
    @inlinable public static var wireDefault: WireBytes { WireBytes() }
    @inlinable public var isWireDefault: Bool { bytes.isEmpty }
    @inlinable public func wireSize() -> Int {
        varintSize(UInt64(bytes.count)) + bytes.count
    }
    @inlinable public func write(to writer: inout WireWriter) {
        writer.writeVarint(UInt64(bytes.count))
        bytes.withUnsafeBytes { writer.writeRaw($0) }
    }
    @inlinable
    public static func read(from reader: inout WireReader, field: UInt32, context: inout DecodeContext) throws(WireError) -> WireBytes {
        WireBytes(Array(try reader.readLengthDelimited(field: field)))
    }
}

/// An enumeration on the wire: a 32-bit value, kept even when this version does not know it,
/// so a newer peer's value survives a round trip through an older service.
///
/// Declare one as a struct with static constants:
/// ```swift
/// public struct Gender: WireEnum { public var rawValue: Int32; public init(rawValue: Int32) { self.rawValue = rawValue }
///     public static let unspecified = Gender(rawValue: 0), male = Gender(rawValue: 1), female = Gender(rawValue: 2)
///     public static var namedValues: [(value: Gender, name: String)] { [(.unspecified, "unspecified"), (.male, "male"), (.female, "female")] } }
/// ```
public protocol WireEnum: WireVarintValue, RawRepresentable, Hashable where RawValue == Int32 {
    init(rawValue: Int32)
    /// Every value this version knows, each with the name the contract gives it. The constants
    /// themselves cannot be enumerated, so each enum lists them once more here; the contract
    /// test (Tests/ContractTests) records them, and the versioning rules (SPEC.md §14.1) say
    /// how a value is added or retired.
    static var namedValues: [(value: Self, name: String)] { get }
}

extension WireEnum {
    @inlinable public static var wireDefault: Self { Self(rawValue: 0) }
    @inlinable public var isWireDefault: Bool { rawValue == 0 }
    /// Enum values are written as plain (not zig-zag) varints of their 32-bit two's complement.
    @inlinable public var varintValue: UInt64 { UInt64(UInt32(bitPattern: rawValue)) }
    @inlinable public static func fromVarint(_ raw: UInt64) throws(WireError) -> Self {
        Self(rawValue: Int32(bitPattern: UInt32(truncatingIfNeeded: raw)))
    }
}
