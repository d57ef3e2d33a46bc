import JCSkillsProtocol
import Testing

@Suite("Schema evolution (SPEC.md §4.6)")
struct EvolutionTests {
    @Test func newWriterOldReader() throws {
        var random = RandomValues(seed: 42)
        for iteration in 0..<400 {
            let v2 = random.personV2()
            let v1 = try PersonV1(wireBytes: v2.wireBytes())
            #expect(v1 == v2.asV1, "iteration \(iteration): v1 lost or changed a field it knows")
        }
    }

    @Test func oldWriterNewReader() throws {
        var random = RandomValues(seed: 43)
        for iteration in 0..<400 {
            let v1 = random.personV2().asV1
            let v2 = try PersonV2(wireBytes: v1.wireBytes())
            #expect(v2.asV1 == v1, "iteration \(iteration)")
            // Fields v1 does not have take their defaults.
            var expected = PersonV2()
            expected.id = v1.id
            expected.name = v1.name
            expected.county = v1.county
            expected.occupations = v1.occupations
            expected.level = v1.level
            expected.detail = v1.detail
            #expect(v2 == expected, "iteration \(iteration)")
        }
    }

    @Test func extrasOfEveryKindAreSkipped() throws {
        var v2 = PersonV2()
        v2.id = "140524199003071234"
        v2.name = "李"
        v2.county = 140_524
        v2.occupations = ["电工", "焊工"]
        v2.level = .senior
        v2.detail = Inner(x: -9, tag: "d")
        v2.score = -.infinity
        v2.history = Inner(x: 1, tag: "历史")
        v2.scores = [.min, -1, 0, .max]
        v2.notes = ["", "备注"]
        v2.verified = false
        v2.items = [Inner(), Inner(x: 3)]
        v2.fixed = -0.0
        v2.far = .max
        v2.farther = [1, 2, .max]
        v2.blob = WireBytes([0, 255])
        let bytes = v2.wireBytes()
        // The extras really are on the wire, with every wire type.
        let numbers = Set(try WireScan.fields(bytes).map(\.number))
        #expect(numbers.isSuperset(of: [7, 8, 9, 10, 11, 12, 13, 64, 1000, 50_000]))
        let types = Set(try WireScan.fields(bytes).map(\.wireType))
        #expect(types == [0, 1, 2, 5])
        #expect(try PersonV1(wireBytes: bytes) == v2.asV1)
    }

    /// Fields in any order decode to the same value (writers use declaration order; readers
    /// must not depend on it).
    @Test func fieldsInAnyOrder() throws {
        var random = RandomValues(seed: 44)
        for iteration in 0..<300 {
            let value = random.personV2()
            var fields = try WireScan.fields(value.wireBytes())
            fields.shuffle(using: &random.generator)
            let shuffled = fields.flatMap { Array($0.bytes) }
            let decoded = try PersonV2(wireBytes: shuffled)
            // Shuffling the elements of a repeated field reorders that list; compare with the
            // list elements in the order they now appear.
            var expected = value
            expected.occupations = try Self.strings(field: 4, in: shuffled)
            expected.notes = try Self.strings(field: 10, in: shuffled)
            expected.items = try Self.messages(field: 12, in: shuffled)
            #expect(decoded == expected, "iteration \(iteration)")
            #expect(try PersonV1(wireBytes: shuffled) == expected.asV1, "iteration \(iteration)")
        }
    }

    static func strings(field: UInt64, in bytes: [UInt8]) throws -> [String] {
        try WireScan.fields(bytes).filter { $0.number == field }.map { String(decoding: $0.payload, as: UTF8.self) }
    }

    static func messages(field: UInt64, in bytes: [UInt8]) throws -> [Inner] {
        try WireScan.fields(bytes).filter { $0.number == field }.map { try Inner(wireBytes: Array($0.payload)) }
    }

    /// Packed and unpacked encodings of repeated scalars decode to the same list.
    @Test func packedAndUnpackedAreEquivalent() throws {
        var random = RandomValues(seed: 45)
        for iteration in 0..<300 {
            var lists = random.lists()
            lists.texts = []
            lists.blobs = []
            lists.inners = []
            let packed = lists.wireBytes()
            // Rewrite every packed run as one tagged element per value.
            var unpacked: [UInt8] = []
            for field in try WireScan.fields(packed) {
                #expect(field.wireType == 2)
                let elementType: UInt8 = switch field.number {
                case 3: 1
                case 4: 5
                default: 0
                }
                let run = Array(field.payload)
                var index = 0
                while index < run.count {
                    let start = index
                    switch elementType {
                    case 1: index += 8
                    case 5: index += 4
                    default: _ = try WireScan.varint(run, &index)
                    }
                    unpacked += WireScan.tag(field.number, elementType) + run[start..<index]
                }
            }
            #expect(try Lists(wireBytes: unpacked) == lists, "iteration \(iteration)")
            // A mixture: the first half packed, then unpacked — concatenated as one list.
            let doubled = packed + unpacked
            var expected = lists
            expected.u32s += lists.u32s
            expected.i64s += lists.i64s
            expected.f64s += lists.f64s
            expected.f32s += lists.f32s
            expected.flags += lists.flags
            expected.colors += lists.colors
            #expect(try Lists(wireBytes: doubled) == expected, "iteration \(iteration)")
        }
    }

    /// An enum value only a newer version knows survives decoding and re-encoding by an
    /// older one, and reaches the newer reader intact.
    @Test func unknownEnumValueSurvivesAnOldService() throws {
        var v2 = PersonV2()
        v2.id = "x"
        v2.level = Level(rawValue: 7)  // "expert", added after v1
        v2.score = 1
        let old = try PersonV1(wireBytes: v2.wireBytes())
        #expect(old.level.rawValue == 7)
        let relayed = old.wireBytes()
        let back = try PersonV2(wireBytes: relayed)
        #expect(back.level == Level(rawValue: 7))
        // Negative and extreme values too.
        for raw: Int32 in [-1, .min, .max, 1000] {
            var message = PersonV2()
            message.level = Level(rawValue: raw)
            #expect(try PersonV2(wireBytes: try PersonV1(wireBytes: message.wireBytes()).wireBytes()).level.rawValue == raw)
        }
        // Unknown *fields*, unlike unknown enum values, are not kept by a reader that
        // re-encodes (SPEC.md §4.6): the relay dropped the score.
        #expect(back.score == 0)
    }

    /// A field whose type changed incompatibly is an error, not silent garbage (SPEC.md §4.6).
    @Test func incompatibleTypeChangeIsAnError() throws {
        // Field 3 was int32 (varint) and is now sent as a string.
        let bytes: [UInt8] = WireScan.tag(3, 2) + [1, 0x61]
        #expect(throws: WireError.wireTypeMismatch(field: 3, expected: .varint, found: .lengthDelimited)) {
            try PersonV1(wireBytes: bytes)
        }
        // int32 -> int64 with the same wire type is compatible while values fit.
        var wide = Scalars()
        wide.i64 = -5
        var narrow = try Scalars(wireBytes: WireScan.tag(4, 0) + Array(wide.wireBytes().dropFirst()))
        #expect(narrow.i32 == -5)
        narrow = Scalars()
        narrow.i32 = .min
        let widened = try Scalars(wireBytes: WireScan.tag(5, 0) + Array(narrow.wireBytes().dropFirst()))
        #expect(widened.i64 == Int64(Int32.min))
        // A singular field that becomes repeated still reads old single values.
        let asList = try Lists(wireBytes: WireScan.tag(1, 0) + [14])  // field 1 as a lone varint
        #expect(asList.u32s == [14])
    }
}
