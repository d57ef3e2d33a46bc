/// Adds up the exact encoded size of a message's fields.
public struct WireSizer: WireFieldVisitor {
    public var size = 0
    @inlinable public init() {}

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T) {
        if !value.isWireDefault { size += tagSize(number) + value.wireSize() }
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T?) {
        if let value { size += tagSize(number) + value.wireSize() }
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout [T]) {
        guard !value.isEmpty else { return }
        if T.wireType == .lengthDelimited {
            size += value.count * tagSize(number)
            for element in value { size += element.wireSize() }
        } else {
            let payload = packedSize(value)
            size += tagSize(number) + varintSize(UInt64(payload)) + payload
        }
    }
}

@inlinable
func packedSize<T: WireValue>(_ values: [T]) -> Int {
    switch T.wireType {
    case .fixed32: return values.count * 4
    case .fixed64: return values.count * 8
    default:
        var total = 0
        for element in values { total += element.wireSize() }
        return total
    }
}

/// Writes a message's fields through a ``WireWriter`` sized by ``WireSizer``.
public struct WireEncoder: WireFieldVisitor {
    public var writer: WireWriter
    @inlinable public init(writer: WireWriter) { self.writer = writer }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T) {
        guard !value.isWireDefault else { return }
        writer.writeTag(number, T.wireType)
        value.write(to: &writer)
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T?) {
        guard let value else { return }
        writer.writeTag(number, T.wireType)
        value.write(to: &writer)
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout [T]) {
        guard !value.isEmpty else { return }
        if T.wireType == .lengthDelimited {
            for element in value {
                writer.writeTag(number, .lengthDelimited)
                element.write(to: &writer)
            }
        } else {
            writer.writeTag(number, .lengthDelimited)
            writer.writeVarint(UInt64(packedSize(value)))
            for element in value { element.write(to: &writer) }
        }
    }
}
