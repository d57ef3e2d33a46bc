/// Adds up the exact encoded size of a message's fields.
public struct WireSizer: WireFieldVisitor {
    public var size = 0
    @inlinable public init() {}

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ value: inout T) {
        if !value.isWireDefault { size += tagSize(number) + value.wireSize() }
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ value: inout T?) {
        if let value { size += tagSize(number) + value.wireSize() }
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ value: inout [T]) {
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
    public mutating func field<T: WireValue>(_ number: UInt32, _ value: inout T) {
        guard !value.isWireDefault else { return }
        writer.writeTag(number, T.wireType)
        value.write(to: &writer)
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ value: inout T?) {
        guard let value else { return }
        writer.writeTag(number, T.wireType)
        value.write(to: &writer)
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ value: inout [T]) {
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

/// Reads fields in the order the message declares them.
///
/// An encoder following SPEC.md writes fields in declaration order, so one pass over the
/// declaration decodes a message. Fields out of order are picked up by further passes; fields
/// the message does not declare are skipped (SPEC.md §4.6).
public struct WireFieldDecoder: WireFieldVisitor {
    @usableFromInline var reader: WireReader
    @usableFromInline var context: DecodeContext
    /// The tag read ahead of its value; nil at the end of the input.
    @usableFromInline var pending: (number: UInt32, type: WireType)?
    @usableFromInline var progressed = false
    @usableFromInline var passes = 0
    /// Field numbers below 64 that the message declares, learnt on the first pass.
    @usableFromInline var declared: UInt64 = 0

    @inlinable
    init(reader: WireReader, context: DecodeContext) {
        self.reader = reader
        self.context = context
    }

    @inlinable
    mutating func advance() throws(WireError) {
        pending = reader.isAtEnd ? nil : try reader.readTag()
    }

    @inlinable
    mutating func skipPending() throws(WireError) {
        guard let tag = pending else { return }
        try reader.skip(tag.type, field: tag.number)
        try advance()
    }

    @inlinable
    mutating func note(_ number: UInt32) {
        if number < 64 { declared |= 1 << UInt64(number) }
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ value: inout T) throws(WireError) {
        note(number)
        while let tag = pending, tag.number == number {
            guard tag.type == T.wireType else {
                throw .wireTypeMismatch(field: number, expected: T.wireType, found: tag.type)
            }
            value = try T.read(from: &reader, field: number, context: &context)
            progressed = true
            try advance()
        }
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ value: inout T?) throws(WireError) {
        note(number)
        while let tag = pending, tag.number == number {
            guard tag.type == T.wireType else {
                throw .wireTypeMismatch(field: number, expected: T.wireType, found: tag.type)
            }
            value = try T.read(from: &reader, field: number, context: &context)
            progressed = true
            try advance()
        }
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ value: inout [T]) throws(WireError) {
        note(number)
        let limit = context.limits.maximumListLength
        while let tag = pending, tag.number == number {
            if tag.type == T.wireType {
                guard value.count < limit else { throw .listTooLong(field: number, limit: limit) }
                value.append(try T.read(from: &reader, field: number, context: &context))
            } else if tag.type == .lengthDelimited {
                // Packed scalars: one length-delimited run of values without tags.
                let bytes = try reader.readLengthDelimited(field: number)
                var packed = WireReader(bytes)
                while !packed.isAtEnd {
                    guard value.count < limit else { throw .listTooLong(field: number, limit: limit) }
                    value.append(try T.read(from: &packed, field: number, context: &context))
                }
            } else {
                throw .wireTypeMismatch(field: number, expected: T.wireType, found: tag.type)
            }
            progressed = true
            try advance()
        }
    }
}
