import JCSkillsProtocol
import NIOCore
import Testing

@Suite("Malformed input (SPEC.md §4.7)")
struct MalformedInputTests {
    /// Cutting a valid encoding anywhere inside a field is an error; cutting between fields
    /// is a valid, shorter message. Never a crash.
    @Test func everyTruncationOfRandomMessages() throws {
        var random = RandomValues(seed: 5)
        var errors = 0
        for _ in 0..<60 {
            let bytes = random.everything().wireBytes()
            let boundaries = try WireScan.boundaries(bytes)
            for length in 0..<bytes.count {
                let prefix = Array(bytes[..<length])
                do {
                    _ = try Everything(wireBytes: prefix)
                    #expect(boundaries.contains(length), "a cut at \(length) of \(bytes.count) inside a field decoded")
                } catch {
                    #expect(!boundaries.contains(length), "a cut at a field boundary (\(length)) failed: \(error)")
                    errors += 1
                }
            }
        }
        #expect(errors > 1000)
    }

    @Test func everyTruncationOfTheGoldenVectors() throws {
        for block in try VectorFile.load("codec.txt") where block["error"] == nil && block["direction"] == nil {
            let bytes = block.bytes
            let boundaries = try WireScan.boundaries(bytes)
            for length in 0..<bytes.count {
                let prefix = Array(bytes[..<length])
                let failed: Bool
                switch block["message"] {
                case "Scalars": failed = (try? Scalars(wireBytes: prefix)) == nil
                case "Optionals": failed = (try? Optionals(wireBytes: prefix)) == nil
                case "Lists": failed = (try? Lists(wireBytes: prefix)) == nil
                case "Outer": failed = (try? Outer(wireBytes: prefix)) == nil
                default: failed = (try? RegistrationRecord(wireBytes: prefix)) == nil
                }
                #expect(failed != boundaries.contains(length), "\(block.name) cut at \(length)")
            }
        }
    }

    @Test func overlongVarints() {
        // Eleven bytes.
        #expect(throws: WireError.malformedVarint) {
            try Scalars(wireBytes: [0x18] + [UInt8](repeating: 0xFF, count: 10) + [0x01])
        }
        // Ten bytes whose last carries more than the 64th bit.
        for last: UInt8 in [0x02, 0x7F, 0x81] {
            #expect(throws: WireError.malformedVarint) {
                try Scalars(wireBytes: [0x18] + [UInt8](repeating: 0x80, count: 9) + [last])
            }
        }
        // Ten bytes ending in 0x01 are the maximum and fine.
        #expect((try? Scalars(wireBytes: [0x18] + [UInt8](repeating: 0xFF, count: 9) + [0x01]))?.u64 == .max)
        // An overlong varint inside an unknown field is just as malformed.
        #expect(throws: WireError.malformedVarint) {
            try Scalars(wireBytes: [0xA0, 0x01] + [UInt8](repeating: 0x80, count: 10) + [0x00])
        }
        // So is an overlong tag.
        #expect(throws: WireError.malformedVarint) {
            try Scalars(wireBytes: [UInt8](repeating: 0x80, count: 10) + [0x01])
        }
    }

    @Test func badWireTypes() {
        for type: UInt8 in [3, 4, 6, 7] {
            for field: UInt8 in [1, 2, 9, 15] {
                let tag = field << 3 | type
                #expect(throws: WireError.invalidTag(UInt64(tag))) { try Scalars(wireBytes: [tag, 0, 0, 0, 0, 0, 0, 0, 0]) }
            }
        }
        // Known field, defined but wrong wire type.
        #expect(throws: WireError.wireTypeMismatch(field: 6, expected: .fixed64, found: .fixed32)) {
            try Scalars(wireBytes: [6 << 3 | 5, 0, 0, 0, 0])
        }
        #expect(throws: WireError.wireTypeMismatch(field: 2, expected: .lengthDelimited, found: .varint)) {
            try Outer(wireBytes: [2 << 3 | 0, 1])
        }
        #expect(throws: WireError.wireTypeMismatch(field: 8, expected: .lengthDelimited, found: .fixed32)) {
            try Optionals(wireBytes: [8 << 3 | 5, 0, 0, 0, 0])
        }
    }

    @Test func lengthBeyondInput() {
        // String, bytes, nested, packed, unknown: each with a length one past the end.
        let cases: [(String, [UInt8], UInt32)] = [
            ("string", [0x42, 0x03, 0x61, 0x62], 8),
            ("bytes", [0x4A, 0x02, 0x00], 9),
            ("unknown", [0xB2, 0x01, 0x7F], 22),
            ("huge", [0x42, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], 8),
        ]
        for (name, bytes, field) in cases {
            #expect(throws: WireError.lengthOutOfRange(field: field), "\(name)") { try Scalars(wireBytes: bytes) }
        }
        #expect(throws: WireError.lengthOutOfRange(field: 2)) { try Outer(wireBytes: [0x12, 0x05, 0x08]) }
        #expect(throws: WireError.lengthOutOfRange(field: 1)) { try Lists(wireBytes: [0x0A, 0x09, 0x01]) }
    }

    @Test func invalidUTF8() {
        let bad: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
            [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFE], [0xFF],
            [0xE6, 0x99], [0x61, 0xE6], [0xF0, 0x9F, 0x9B], [0xC3, 0x28],
        ]
        for sequence in bad {
            let bytes: [UInt8] = [0x42, UInt8(sequence.count)] + sequence
            #expect(throws: WireError.invalidUTF8(field: 8), "\(sequence.hex)") { try Scalars(wireBytes: bytes) }
            // In a repeated string, a nested message and an optional string too.
            #expect(throws: WireError.invalidUTF8(field: 7)) { try Lists(wireBytes: [0x3A, UInt8(sequence.count)] + sequence) }
            #expect(throws: WireError.invalidUTF8(field: 2)) {
                try Outer(wireBytes: [0x12, UInt8(sequence.count + 2), 0x12, UInt8(sequence.count)] + sequence)
            }
            #expect(throws: WireError.invalidUTF8(field: 5)) { try Optionals(wireBytes: [0x2A, UInt8(sequence.count)] + sequence) }
            // The same bytes are fine as `bytes`.
            #expect((try? Scalars(wireBytes: [0x4A, UInt8(sequence.count)] + sequence))?.blob.bytes == sequence)
        }
    }

    @Test func integerOverflowInNarrowFields() {
        // uint32 field with 2^32; int32 field with a zig-zag value beyond 32 bits.
        #expect(throws: WireError.malformedVarint) { try Scalars(wireBytes: [0x10] + WireScan.encodeVarint(1 << 32)) }
        #expect(throws: WireError.malformedVarint) { try Scalars(wireBytes: [0x20] + WireScan.encodeVarint(1 << 32)) }
        #expect(throws: WireError.malformedVarint) { try Scalars(wireBytes: [0x20] + WireScan.encodeVarint(.max)) }
        #expect(throws: WireError.malformedVarint) { try Lists(wireBytes: [0x0A, 0x05] + WireScan.encodeVarint(1 << 32)) }
        // Enums take the low 32 bits of any varint.
        #expect((try? Scalars(wireBytes: [0x50] + WireScan.encodeVarint(1 << 32 | 5)))?.color.rawValue == 5)
    }

    // MARK: Nesting depth

    /// The bytes of a chain of `depth` messages nested in field 2 of ``Node``, built in O(depth).
    static func deepChain(depth: Int) -> [UInt8] {
        var lengths = [0]  // lengths[k]: the body of the message k levels above the innermost
        for k in 1...max(depth, 1) {
            let inner = lengths[k - 1]
            lengths.append(1 + WireScan.encodeVarint(UInt64(inner)).count + inner)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lengths[depth])
        for k in stride(from: depth, through: 1, by: -1) {
            bytes.append(0x12)
            bytes += WireScan.encodeVarint(UInt64(lengths[k - 1]))
        }
        return bytes
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        // The top-level message is depth 0; 32 nested levels are allowed by default.
        let node = try Node(wireBytes: Self.deepChain(depth: 32))
        #expect(node.depth == 32)
        #expect(Node.chain(depth: 32).wireBytes().count > 0)
        #expect(try Node(wireBytes: Node.chain(depth: 32).wireBytes()) == Node.chain(depth: 32))
    }

    @Test func nestingBeyondTheLimitIsRejected() throws {
        #expect(throws: WireError.nestingTooDeep(limit: 32)) { try Node(wireBytes: Self.deepChain(depth: 33)) }
        #expect(throws: WireError.nestingTooDeep(limit: 32)) { try Node(wireBytes: Node.chain(depth: 40).wireBytes()) }
        // A hostile 200,000-deep chain fails cleanly: no recursion past the limit, no stack overflow.
        let hostile = Self.deepChain(depth: 200_000)
        #expect(throws: WireError.nestingTooDeep(limit: 32)) { try Node(wireBytes: hostile) }
        // A configured limit.
        let limits = WireLimits(maximumDepth: 5)
        #expect((try? Node(wireBytes: Self.deepChain(depth: 5), limits: limits)) != nil)
        #expect(throws: WireError.nestingTooDeep(limit: 5)) { try Node(wireBytes: Self.deepChain(depth: 6), limits: limits) }
        // Depth counts levels, not messages: wide trees at the limit are fine, and siblings do
        // not add up.
        var wide = Node.chain(depth: 4)
        wide.children += [Node.chain(depth: 3), Node.chain(depth: 3)]
        #expect(try Node(wireBytes: wide.wireBytes(), limits: limits) == wide)
        // Through the ByteBuffer entry point as well.
        #expect(throws: WireError.nestingTooDeep(limit: 5)) {
            try Node(buffer: ByteBuffer(bytes: Self.deepChain(depth: 6)), limits: limits)
        }
    }

    // MARK: List length

    @Test func listLongerThanTheLimit() throws {
        let limits = WireLimits(maximumListLength: 3)
        var ok = Lists()
        ok.u32s = [1, 2, 3]
        ok.texts = ["a", "b", "c"]
        ok.inners = [Inner(), Inner(), Inner()]
        #expect(try Lists(wireBytes: ok.wireBytes(), limits: limits) == ok)

        var packed = Lists()
        packed.u32s = [1, 2, 3, 4]
        #expect(throws: WireError.listTooLong(field: 1, limit: 3)) { try Lists(wireBytes: packed.wireBytes(), limits: limits) }
        var fixed = Lists()
        fixed.f64s = [1, 2, 3, 4]
        #expect(throws: WireError.listTooLong(field: 3, limit: 3)) { try Lists(wireBytes: fixed.wireBytes(), limits: limits) }
        var strings = Lists()
        strings.texts = ["a", "b", "c", "d"]
        #expect(throws: WireError.listTooLong(field: 7, limit: 3)) { try Lists(wireBytes: strings.wireBytes(), limits: limits) }
        var messages = Lists()
        messages.inners = Array(repeating: Inner(), count: 4)
        #expect(throws: WireError.listTooLong(field: 9, limit: 3)) { try Lists(wireBytes: messages.wireBytes(), limits: limits) }
        // Unpacked elements and several packed runs add up.
        let unpacked: [UInt8] = [0x08, 1, 0x08, 2, 0x08, 3, 0x08, 4]
        #expect(throws: WireError.listTooLong(field: 1, limit: 3)) { try Lists(wireBytes: unpacked, limits: limits) }
        let runs: [UInt8] = [0x0A, 2, 1, 2, 0x0A, 2, 3, 4]
        #expect(throws: WireError.listTooLong(field: 1, limit: 3)) { try Lists(wireBytes: runs, limits: limits) }
        // Even when another field sits between the runs.
        let split: [UInt8] = [0x0A, 2, 1, 2, 0x3A, 0, 0x0A, 2, 3, 4]
        #expect(throws: WireError.listTooLong(field: 1, limit: 3)) { try Lists(wireBytes: split, limits: limits) }
        // The limit applies inside nested messages too.
        var nested = Everything()
        nested.lists.colors = Array(repeating: .red, count: 4)
        #expect(throws: WireError.listTooLong(field: 6, limit: 3)) { try Everything(wireBytes: nested.wireBytes(), limits: limits) }
    }

    @Test func defaultListLimitIsOneMillion() throws {
        #expect(WireLimits.standard.maximumListLength == 1_000_000)
        #expect(WireLimits.standard.maximumDepth == 32)
        // 1,000,001 packed booleans: one byte each.
        let count = 1_000_001
        let bytes: [UInt8] = [0x2A] + WireScan.encodeVarint(UInt64(count)) + [UInt8](repeating: 1, count: count)
        #expect(throws: WireError.listTooLong(field: 5, limit: 1_000_000)) { try Lists(wireBytes: bytes) }
        let justRight: [UInt8] = [0x2A] + WireScan.encodeVarint(UInt64(count - 1)) + [UInt8](repeating: 1, count: count - 1)
        #expect(try Lists(wireBytes: justRight).flags.count == 1_000_000)
    }

    // MARK: Fuzz

    /// Random mutations of valid encodings: flips, insertions, deletions, splices. Each decode
    /// either succeeds or throws a WireError; the loop is bounded in iterations and time.
    @Test func mutatedEncodingsNeverCrash() throws {
        var random = RandomValues(seed: 31337)
        let samples = (0..<40).map { _ in random.everything().wireBytes() } + [GoldenVectorTests.anchorRecord.wireBytes()]
        let clock = ContinuousClock()
        let start = clock.now
        var decoded = 0
        var rejected = 0
        var unstable = 0
        var iterations = 0
        while iterations < 20_000, clock.now - start < .seconds(3) {
            iterations += 1
            var bytes = samples.randomElement(using: &random.generator)!
            for _ in 0..<random.int(1...4) {
                guard !bytes.isEmpty else { break }
                let at = random.int(0...(bytes.count - 1))
                switch random.int(0...4) {
                case 0: bytes[at] ^= UInt8(1) << UInt8(random.int(0...7))
                case 1: bytes[at] = UInt8.random(in: 0...255, using: &random.generator)
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &random.generator), at: at)
                case 3: bytes.remove(at: at)
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + random.int(1...8))], at: random.int(0...bytes.count - 1))
                }
            }
            let limits = WireLimits(maximumDepth: 8, maximumListLength: 1000)
            do {
                let message = try Everything(wireBytes: bytes, limits: limits)
                decoded += 1
                // What decoded is a message like any other: its encoding decodes to a message
                // with the same encoding (bytes compared, as a mutated float may be a NaN).
                let encoded = message.wireBytes()
                if (try? Everything(wireBytes: encoded, limits: limits))?.wireBytes() != encoded {
                    unstable += 1
                    if unstable <= 3 { Issue.record("mutation \(iterations) (\(bytes.hex)) decoded but does not survive re-encoding") }
                }
            } catch {
                rejected += 1
            }
            _ = try? RegistrationRecord(wireBytes: bytes)
            _ = try? PersonV1(wireBytes: bytes)
        }
        #expect(unstable == 0)
        // Both outcomes must come up, or the mutations test one of them only.
        #expect(rejected > iterations / 20 && decoded > iterations / 20, "\(decoded) decoded, \(rejected) rejected of \(iterations)")
    }

    @Test func randomBytesNeverCrash() {
        var random = RandomValues(seed: 99)
        for _ in 0..<20_000 {
            let bytes = (0..<random.int(0...40)).map { _ in UInt8.random(in: 0...255, using: &random.generator) }
            _ = try? Everything(wireBytes: bytes)
            _ = try? Lists(wireBytes: bytes)
            _ = try? Node(wireBytes: bytes)
        }
    }
}
