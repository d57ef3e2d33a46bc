/// Why bytes could not be decoded as a message. Every malformed input ends in one of these,
/// never in a crash (SPEC.md §4.7).
public enum WireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input ended inside a tag, varint or length-delimited value.
    case truncated
    /// A varint longer than ten bytes, or one that overflows its field's type.
    case malformedVarint
    /// A tag with field number 0 or a wire type this version does not define (3, 4, 6, 7).
    case invalidTag(UInt64)
    /// A known field arrived with a different wire type than it is declared with.
    case wireTypeMismatch(field: UInt32, expected: WireType, found: WireType)
    /// A string field that is not valid UTF-8.
    case invalidUTF8(field: UInt32)
    /// Nested messages deeper than ``WireLimits/maximumDepth``.
    case nestingTooDeep(limit: Int)
    /// A repeated field with more elements than ``WireLimits/maximumListLength``.
    case listTooLong(field: UInt32, limit: Int)
    /// A length prefix larger than the bytes left, or a message over the size limit.
    case lengthOutOfRange(field: UInt32)

    public var description: String {
        switch self {
        case .truncated: "input ends in the middle of a field"
        case .malformedVarint: "malformed varint"
        case .invalidTag(let tag): "invalid tag \(tag)"
        case .wireTypeMismatch(let field, let expected, let found):
            "field \(field) has wire type \(found.rawValue), expected \(expected.rawValue)"
        case .invalidUTF8(let field): "field \(field) is not valid UTF-8"
        case .nestingTooDeep(let limit): "messages nested deeper than \(limit)"
        case .listTooLong(let field, let limit): "field \(field) has more than \(limit) elements"
        case .lengthOutOfRange(let field): "field \(field) has a length beyond the input"
        }
    }
}

/// Bounds a decoder enforces against a hostile or broken peer.
public struct WireLimits: Sendable, Hashable {
    /// Nested messages deeper than this are refused. Default 32.
    public var maximumDepth: Int
    /// A repeated field with more elements than this is refused. Default 1,000,000.
    public var maximumListLength: Int

    public init(maximumDepth: Int = 32, maximumListLength: Int = 1_000_000) {
        self.maximumDepth = maximumDepth
        self.maximumListLength = maximumListLength
    }

    public static let standard = WireLimits()
}
