import JCSkillsProtocol
import Testing

/// The codec's rules of Protocol/SPEC.md §4.1, §4.3, §4.4 and §4.8, each checked with the
/// examples the specification itself gives, so that a reader of the spec can find the test
/// for each sentence.
@Suite("Codec rules, as Protocol/SPEC.md states them")
struct CodecSpecRuleTests {
    /// §4.3: unsigned LEB128, least significant group first, with the spec's two examples.
    @Test func varintsAreLittleEndianBase128() throws {
        var message = Scalars()
        message.u64 = 300
        #expect(message.wireBytes() == WireScan.tag(3, 0) + [0xAC, 0x02])
        message.u64 = .max
        #expect(message.wireBytes() == WireScan.tag(3, 0) + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        #expect(try Scalars(wireBytes: message.wireBytes()).u64 == .max)
    }

    /// §4.3: writers write the shortest form; readers accept longer ones within ten bytes.
    @Test func writersAreMinimalAndReadersAcceptPadding() throws {
        for value: UInt64 in [0, 1, 127, 128, 16_383, 16_384, 1 << 35, .max] {
            var message = Scalars()
            message.u64 = value
            let bytes = message.wireBytes()
            let expected = value == 0 ? 0 : WireScan.tag(3, 0).count + WireScan.encodeVarint(value).count
            #expect(bytes.count == expected, "\(value) written in \(bytes.count) bytes")
        }
        // 1 written in two, then in ten bytes (nine continuation groups of zero after it).
        #expect(try Scalars(wireBytes: WireScan.tag(2, 0) + [0x81, 0x00]).u32 == 1)
        #expect(try Scalars(wireBytes: WireScan.tag(2, 0) + [0x81] + Array(repeating: 0x80, count: 8) + [0x00]).u32 == 1)
    }

    /// §4.3: an eleventh byte, or a tenth above 1, is `malformedVarint`.
    @Test func varintsLongerThanTenBytesOrAboveSixtyFourBitsAreMalformed() {
        #expect(throws: WireError.malformedVarint) {
            try Scalars(wireBytes: WireScan.tag(3, 0) + Array(repeating: 0xFF, count: 9) + [0x02])
        }
        #expect(throws: WireError.malformedVarint) {
            try Scalars(wireBytes: WireScan.tag(3, 0) + Array(repeating: 0x80, count: 10) + [0x00])
        }
    }

    /// §4.4: the zig-zag table of the spec, for int64 and, within its range, int32; an int32
    /// takes at most five bytes.
    @Test(arguments: [
        (Int64(0), UInt64(0)), (-1, 1), (1, 2), (-2, 3), (-64, 127), (64, 128),
        (Int64(Int32.max), UInt64(1) << 32 - 2), (Int64(Int32.min), UInt64(1) << 32 - 1),
        (.max, .max - 1), (.min, .max),
    ] as [(Int64, UInt64)])
    func zigZagMapsSignedToUnsigned(signed: Int64, zigZag: UInt64) throws {
        var wide = Scalars()
        wide.i64 = signed
        let expected = signed == 0 ? [] : WireScan.tag(5, 0) + WireScan.encodeVarint(zigZag)
        #expect(wide.wireBytes() == expected)
        #expect(try Scalars(wireBytes: wide.wireBytes()).i64 == signed)
        if let narrow = Int32(exactly: signed) {
            var message = Scalars()
            message.i32 = narrow
            let bytes = message.wireBytes()
            #expect(bytes == (narrow == 0 ? [] : WireScan.tag(4, 0) + WireScan.encodeVarint(zigZag)))
            #expect(bytes.count <= WireScan.tag(4, 0).count + 5)
        }
    }

    /// §4.1: a message is its fields in any order, each a tag (number and wire type) and a
    /// value; the reader takes them by number, not by position.
    @Test func fieldsAreFoundByNumberInAnyOrder() throws {
        var message = Scalars()
        message.u32 = 7
        message.text = "序"
        message.far = 9
        let fields = try WireScan.fields(message.wireBytes())
        #expect(fields.map(\.number) == [2, 8, 100])
        let reversed = fields.reversed().flatMap(\.bytes)
        #expect(try Scalars(wireBytes: reversed) == message)
    }

    /// §7.3: `RegistrationRecord`'s fields carry the numbers and wire types of the spec's table.
    @Test func theRegistrationRecordHasTheSpecsFieldNumbers() throws {
        var record = RegistrationRecord()
        record.idNumber = "140524198001010011"
        record.name = "王芳"
        record.gender = Gender(rawValue: 2)
        record.birthDate = 19_800_101
        record.county = 140_524
        record.category = LabourCategory(rawValue: 3)
        record.phone = "13800000000"
        record.education = EducationLevel(rawValue: 4)
        record.occupations = ["焊工", "电工"]
        record.registeredAt = 1_600_000_000_000
        record.status = RegistrationStatus(rawValue: 1)
        let fields = try WireScan.fields(record.wireBytes())
        #expect(fields.map(\.number) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11])
        // string 2, enum and zig-zag integers 0.
        #expect(fields.map(\.wireType) == [2, 2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0])
        #expect(fields[4].payload.elementsEqual(WireScan.encodeVarint(UInt64(140_524) << 1)))
    }

    /// §4.8: where this format differs from protobuf's — each difference the spec lists that a
    /// single message can show.
    @Test func theDifferencesFromProtobufHold() throws {
        // Enum negatives are 5 bytes (a 32-bit varint), not protobuf's 10.
        var negative = Scalars()
        negative.color = Color(rawValue: -1)
        #expect(negative.wireBytes() == WireScan.tag(10, 0) + [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        #expect(try Scalars(wireBytes: negative.wireBytes()).color.rawValue == -1)
        // uint32 overflow is an error, not truncation.
        #expect(throws: WireError.malformedVarint) { try Scalars(wireBytes: WireScan.tag(2, 0) + WireScan.encodeVarint(1 << 32)) }
        // A singular message field is written even when empty.
        #expect(Outer().wireBytes() == WireScan.tag(2, 2) + [0x00])
        // A nested message seen twice replaces the first rather than merging with it.
        let first = Inner(x: 1).wireBytes()
        let second = Inner(tag: "b").wireBytes()
        let twice = WireScan.tag(2, 2) + WireScan.encodeVarint(UInt64(first.count)) + first
            + WireScan.tag(2, 2) + WireScan.encodeVarint(UInt64(second.count)) + second
        #expect(try Outer(wireBytes: twice).inner == Inner(tag: "b"))
        // Unknown fields are skipped and not kept: the message re-encodes without them.
        let unknown = Inner(x: 3).wireBytes() + WireScan.tag(15, 0) + [0x05]
        #expect(try Inner(wireBytes: unknown).wireBytes() == Inner(x: 3).wireBytes())
        // No groups: wire types 3 and 4 are refused.
        #expect(throws: WireError.self) { try Inner(wireBytes: WireScan.tag(15, 3)) }
        #expect(throws: WireError.self) { try Inner(wireBytes: WireScan.tag(15, 4)) }
    }
}
