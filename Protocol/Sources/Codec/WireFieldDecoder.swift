/// Reads fields in the order the message declares them.
///
/// An encoder following SPEC.md writes fields in declaration order, so one pass over the
/// declaration decodes a message. Fields out of order are picked up by further passes; fields
/// the message does not declare are skipped (SPEC.md §4.6).
///
/// The tag read ahead is kept raw (`number << 3 | wire type`), so that a field whose tag is the
/// expected one — nearly always — costs one compare against a constant, and the wire type is
/// looked at only on the way to an error (or a packed list).
public struct WireFieldDecoder: WireFieldVisitor {
    @usableFromInline var reader: WireReader
    @usableFromInline var context: DecodeContext
    /// The tag read ahead of its value; 0 (never a valid tag) at the end of the input.
    @usableFromInline var pendingTag: UInt32 = 0
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
    var pendingNumber: UInt32 { pendingTag >> 3 }

    @inlinable
    var pendingType: WireType { WireType(rawValue: UInt8(truncatingIfNeeded: pendingTag & 7))! }

    @inlinable @inline(__always)
    mutating func advance() throws(WireError) {
        pendingTag = reader.isAtEnd ? 0 : try reader.readTag()
    }

    @inlinable
    mutating func skipPending() throws(WireError) {
        guard pendingTag != 0 else { return }
        try reader.skip(pendingType, field: pendingNumber)
        try advance()
    }

    @inlinable @inline(__always)
    mutating func note(_ number: UInt32) {
        if number < 64 { declared |= 1 << UInt64(number) }
    }

    @inlinable @inline(__always)
    static func tag<T: WireValue>(_ number: UInt32, _ type: T.Type) -> UInt32 {
        number << 3 | UInt32(T.wireType.rawValue)
    }

    /// The pending tag has this field's number but not its wire type.
    @inlinable
    func mismatch<T: WireValue>(_ number: UInt32, _ type: T.Type) -> WireError {
        .wireTypeMismatch(field: number, expected: T.wireType, found: pendingType)
    }

    /// In line in each message's `visitFields`: most fields are singular, and a call per field
    /// (the decoder's state kept in memory across it) measured about 5 % of decoding a record.
    @inlinable @inline(__always)
    public mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T) throws(WireError) {
        note(number)
        let expected = Self.tag(number, T.self)
        while pendingTag == expected {
            value = try T.read(from: &reader, field: number, context: &context)
            progressed = true
            try advance()
        }
        if pendingNumber == number { throw mismatch(number, T.self) }
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T?) throws(WireError) {
        note(number)
        let expected = Self.tag(number, T.self)
        while pendingTag == expected {
            value = try T.read(from: &reader, field: number, context: &context)
            progressed = true
            try advance()
        }
        if pendingNumber == number { throw mismatch(number, T.self) }
    }

    @inlinable
    public mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout [T]) throws(WireError) {
        note(number)
        let expected = Self.tag(number, T.self)
        let packed = number << 3 | UInt32(WireType.lengthDelimited.rawValue)
        let limit = context.limits.maximumListLength
        while pendingNumber == number {
            if pendingTag == expected {
                guard value.count < limit else { throw .listTooLong(field: number, limit: limit) }
                if T.wireType == .lengthDelimited, value.isEmpty {
                    // Strings, bytes and messages come one tagged value each: count the run
                    // ahead and allocate the list once instead of growing it (growing cost a
                    // tenth of the benchmark record's decode time).
                    value.reserveCapacity(min(reader.countRun(ofTag: UInt64(expected)), limit))
                }
                value.append(try T.read(from: &reader, field: number, context: &context))
            } else if pendingTag == packed {
                // Packed scalars: one length-delimited run of values without tags.
                let bytes = try reader.readLengthDelimited(field: number)
                var packed = WireReader(bytes)
                while !packed.isAtEnd {
                    guard value.count < limit else { throw .listTooLong(field: number, limit: limit) }
                    value.append(try T.read(from: &packed, field: number, context: &context))
                }
            } else {
                throw mismatch(number, T.self)
            }
            progressed = true
            try advance()
        }
    }
}
