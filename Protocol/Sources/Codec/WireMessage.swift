/// A message of the wire protocol: a struct that lists its fields once, in ``visitFields(_:)``.
///
/// ```swift
/// public struct Person: WireMessage {
///     public var id = ""
///     public var occupations: [String] = []
///     public var county: Int32 = 0
///     public init() {}
///     @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
///         try v.field(1, "id", &id)
///         try v.field(2, "occupations", &occupations)
///         try v.field(3, "county", &county)
///     }
/// }
/// ```
/// That one list drives sizing, encoding and decoding (see ``WireSizer``, ``WireEncoder``,
/// ``WireFieldDecoder``). Field numbers are the contract: never reuse or renumber one; add new
/// fields with new numbers. Old readers skip fields they do not know; new readers give
/// missing fields their default (SPEC.md §4.6).
///
/// `visitFields` is `@inlinable` so that the modules that encode and decode a message specialize
/// it for their visitor; without it every field went through witness tables and runtime
/// metadata look-ups, five to nine times slower (BENCHMARKS.md note 10). `CodecInliningTests`
/// checks every message of this module.
public protocol WireMessage: WireValue {
    init()
    /// Visits every field with its number. Must visit the same fields in the same order every time.
    mutating func visitFields<V: WireFieldVisitor>(_ visitor: inout V) throws(WireError)
    /// Numbers of removed fields, never to be used again (SPEC.md §14.1). Recorded in the
    /// contract; the contract test fails if one is visited.
    static var reservedFieldNumbers: [UInt32] { get }
}

/// Walks a message's fields. The three overloads cover singular, optional (explicit
/// presence) and repeated fields of any ``WireValue``.
public protocol WireFieldVisitor {
    /// A singular field: left out of the encoding when it equals its default.
    ///
    /// `name` is the property's name, never on the wire: it is there so that the contract
    /// (Protocol/contracts.json) can be generated from the one field list. The coding visitors
    /// ignore it, and a `StaticString` costs nothing to pass.
    mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T) throws(WireError)
    /// An optional field: written whenever it is non-nil, even if it equals the default.
    mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T?) throws(WireError)
    /// A repeated field: scalars are packed into one length-delimited value; strings, bytes and
    /// messages are written one tagged value per element. Readers accept both forms for scalars.
    mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout [T]) throws(WireError)
}

extension WireMessage {
    public static var reservedFieldNumbers: [UInt32] { [] }
    @inlinable public static var wireType: WireType { .lengthDelimited }
    @inlinable public static var wireDefault: Self { Self() }
    /// A nested message field is always written when it is not optional.
    @inlinable public var isWireDefault: Bool { false }

    /// The encoded size of this message's fields, without any length prefix.
    @inlinable
    public func encodedSize() -> Int {
        var sizer = WireSizer()
        withReadOnlyFields { try! $0.visitFields(&sizer) }  // WireSizer never throws.
        return sizer.size
    }

    /// Lends the encoding visitors `inout` access without copying the message.
    ///
    /// `visitFields` is `mutating` so that one declaration serves decoding too. Encoding only
    /// reads, so instead of `var copy = self` (a retain and release per string and array field,
    /// measured at 10 % of encode time) the visitors get the value's own storage; they never
    /// write through it.
    @inlinable
    func withReadOnlyFields(_ body: (inout Self) -> Void) {
        withUnsafePointer(to: self) { pointer in
            body(&UnsafeMutablePointer(mutating: pointer).pointee)
        }
    }

    @inlinable
    public func wireSize() -> Int {
        let body = encodedSize()
        return varintSize(UInt64(body)) + body
    }

    @inlinable
    public func write(to writer: inout WireWriter) {
        writer.writeVarint(UInt64(encodedSize()))
        writeFields(to: &writer)
    }

    /// Writes the fields (no length prefix). The writer must have ``encodedSize()`` bytes of room.
    @inlinable
    public func writeFields(to writer: inout WireWriter) {
        var encoder = WireEncoder(writer: writer)
        withReadOnlyFields { try! $0.visitFields(&encoder) }  // WireEncoder never throws.
        writer = encoder.writer
    }

    @inlinable
    public static func read(from reader: inout WireReader, field: UInt32, context: inout DecodeContext) throws(WireError) -> Self {
        let bytes = try reader.readLengthDelimited(field: field)
        guard context.depth < context.limits.maximumDepth else { throw .nestingTooDeep(limit: context.limits.maximumDepth) }
        context.depth += 1
        defer { context.depth -= 1 }
        return try Self.decodeFields(bytes, context: &context)
    }

    @inlinable
    static func decodeFields(_ bytes: UnsafeRawBufferPointer, context: inout DecodeContext) throws(WireError) -> Self {
        var message = Self()
        try message.readFields(bytes, context: &context)
        return message
    }

    /// Decodes fields into a message that holds only defaults (`Self()`).
    @inlinable
    mutating func readFields(_ bytes: UnsafeRawBufferPointer, context: inout DecodeContext) throws(WireError) {
        var decoder = WireFieldDecoder(reader: WireReader(bytes), context: context)
        try decoder.advance()
        while decoder.pendingTag != 0 {
            // Field numbers below 64 that no pass has visited are unknown: skip without a pass.
            let number = decoder.pendingNumber
            if decoder.passes > 0, number < 64, decoder.declared & (1 << UInt64(number)) == 0 {
                try decoder.skipPending()
                continue
            }
            decoder.progressed = false
            try visitFields(&decoder)
            decoder.passes += 1
            if !decoder.progressed, decoder.pendingTag != 0 {
                try decoder.skipPending()  // unknown (or repeated out of order past its slot)
            }
        }
        context = decoder.context
    }

    // MARK: Entry points

    /// Decodes a message from its encoded fields.
    @inlinable
    public init(wireBytes bytes: UnsafeRawBufferPointer, limits: WireLimits = .standard) throws(WireError) {
        self.init()
        var context = DecodeContext(limits: limits)
        try readFields(bytes, context: &context)
    }

    @inlinable
    public init(wireBytes bytes: [UInt8], limits: WireLimits = .standard) throws(WireError) {
        self.init()
        var context = DecodeContext(limits: limits)
        var failure: WireError?
        // `withUnsafeBytes` is `rethrows`, which would widen the error to `any Error`; the
        // message is decoded in place rather than returned through a `Result`, which copied it.
        bytes.withUnsafeBytes { raw in
            do throws(WireError) { try self.readFields(raw, context: &context) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// The encoded fields as an array.
    @inlinable
    public func wireBytes() -> [UInt8] {
        let size = encodedSize()
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var writer = WireWriter(UnsafeMutableRawBufferPointer(buffer))
            writeFields(to: &writer)
            initialized = size
        }
    }
}
