import JCSkillsProtocol

/// SplitMix64: a small, fast, seeded generator so every randomized test is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array where Element == UInt8 {
    init(hex: String) {
        var bytes: [UInt8] = []
        var high: UInt8?
        for character in hex.utf8 {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            default: continue  // spaces
            }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        precondition(high == nil, "odd number of hex digits in \(hex)")
        self = bytes
    }

    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// An independent, minimal reader of the wire format (SPEC.md §4) used to take encodings
/// apart in tests: it splits a message into its top-level fields.
enum WireScan {
    struct Field {
        var number: UInt64
        var wireType: UInt8
        /// The whole field: tag and value.
        var bytes: ArraySlice<UInt8>
        /// The value after the tag (for wire type 2: after the length).
        var payload: ArraySlice<UInt8>
    }

    struct Malformed: Error {}

    static func varint(_ bytes: [UInt8], _ index: inout Int) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    static func fields(_ bytes: [UInt8]) throws -> [Field] {
        var index = 0
        var out: [Field] = []
        while index < bytes.count {
            let start = index
            let tag = try varint(bytes, &index)
            let payloadStart: Int
            switch tag & 7 {
            case 0:
                payloadStart = index
                _ = try varint(bytes, &index)
            case 1:
                payloadStart = index
                index += 8
            case 5:
                payloadStart = index
                index += 4
            case 2:
                let length = try varint(bytes, &index)
                payloadStart = index
                index += Int(length)
            default: throw Malformed()
            }
            guard index <= bytes.count else { throw Malformed() }
            out.append(Field(number: tag >> 3, wireType: UInt8(tag & 7), bytes: bytes[start..<index], payload: bytes[payloadStart..<index]))
        }
        return out
    }

    /// The offsets at which a message can be cut and still be a whole sequence of fields.
    static func boundaries(_ bytes: [UInt8]) throws -> Set<Int> {
        var set: Set<Int> = [0]
        var offset = 0
        for field in try fields(bytes) {
            offset += field.bytes.count
            set.insert(offset)
        }
        return set
    }

    static func encodeVarint(_ value: UInt64) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
        return out
    }

    static func tag(_ number: UInt64, _ wireType: UInt8) -> [UInt8] { encodeVarint(number << 3 | UInt64(wireType)) }
}

// MARK: Random values

struct RandomValues {
    var generator: SeededGenerator
    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &generator) < percent }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

    /// Integers biased towards the edges: 0, ±1, min, max, varint byte boundaries.
    mutating func uint64() -> UInt64 {
        switch int(0...9) {
        case 0: return [0, 1, 127, 128, 16383, 16384, .max, .max - 1, 1 << 63, (1 << 63) - 1].randomElement(using: &generator)!
        case 1...3: return UInt64.random(in: 0...(1 << UInt64(int(1...63))), using: &generator)
        default: return UInt64.random(in: .min ... .max, using: &generator)
        }
    }

    mutating func int64() -> Int64 {
        if chance(20) { return [0, 1, -1, 63, -64, 64, -65, .max, .min, .max - 1, .min + 1].randomElement(using: &generator)! }
        return Int64(bitPattern: uint64())
    }

    mutating func int32() -> Int32 {
        if chance(20) { return [0, 1, -1, .max, .min, -64, 64].randomElement(using: &generator)! }
        return Int32(truncatingIfNeeded: int64())
    }

    mutating func uint32() -> UInt32 {
        if chance(20) { return [0, 1, .max, 127, 128].randomElement(using: &generator)! }
        return UInt32(truncatingIfNeeded: uint64())
    }

    mutating func double() -> Double {
        if chance(30) {
            return [0, -0.0, 1, -1, .infinity, -.infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .pi]
                .randomElement(using: &generator)!
        }
        return Double(bitPattern: uint64())  // any bit pattern, NaN payloads included
    }

    mutating func float() -> Float {
        if chance(30) { return [0, -0.0, 1.5, .infinity, .nan, .greatestFiniteMagnitude].randomElement(using: &generator)! }
        return Float(bitPattern: uint32())
    }

    static let pieces = ["", "a", "晋城", "阳城县", "职业技能", "🛠", "𠀀", "é", "\u{0}", "Jincheng 140524", "叉车司机", "\u{10FFFF}", "\r\n"]

    mutating func string() -> String {
        var s = ""
        for _ in 0..<int(0...4) {
            if chance(70) {
                s += Self.pieces.randomElement(using: &generator)!
            } else {
                // Any Unicode scalar (surrogates are not scalars).
                let value = UInt32.random(in: 0...0x10FFFF, using: &generator)
                s.unicodeScalars.append(Unicode.Scalar(value) ?? "x")
            }
        }
        return s
    }

    mutating func bytes() -> WireBytes {
        WireBytes((0..<int(0...20)).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    mutating func color() -> Color { Color(rawValue: chance(50) ? Int32(int(0...3)) : int32()) }

    mutating func list<T>(max: Int = 6, _ make: (inout RandomValues) -> T) -> [T] {
        (0..<int(0...max)).map { _ in make(&self) }
    }

    mutating func inner() -> Inner { Inner(x: chance(50) ? 0 : int32(), tag: chance(50) ? "" : string()) }

    mutating func scalars() -> Scalars {
        var s = Scalars()
        if chance(60) { s.flag = chance(50) }
        if chance(60) { s.u32 = uint32() }
        if chance(60) { s.u64 = uint64() }
        if chance(60) { s.i32 = int32() }
        if chance(60) { s.i64 = int64() }
        if chance(60) { s.f64 = double() }
        if chance(60) { s.f32 = float() }
        if chance(60) { s.text = string() }
        if chance(60) { s.blob = bytes() }
        if chance(60) { s.color = color() }
        if chance(30) { s.far = uint32() }
        if chance(30) { s.last = chance(50) }
        return s
    }

    mutating func optionals() -> Optionals {
        var o = Optionals()
        if chance(50) { o.flag = chance(50) }
        if chance(50) { o.u32 = chance(30) ? 0 : uint32() }
        if chance(50) { o.i64 = chance(30) ? 0 : int64() }
        if chance(50) { o.f64 = chance(30) ? 0 : double() }
        if chance(50) { o.text = chance(30) ? "" : string() }
        if chance(50) { o.blob = chance(30) ? WireBytes() : bytes() }
        if chance(50) { o.color = chance(30) ? .unspecified : color() }
        if chance(50) { o.inner = chance(30) ? Inner() : inner() }
        return o
    }

    mutating func lists() -> Lists {
        var l = Lists()
        l.u32s = list { $0.uint32() }
        l.i64s = list { $0.int64() }
        l.f64s = list { $0.double() }
        l.f32s = list { $0.float() }
        l.flags = list { $0.chance(50) }
        l.colors = list { $0.color() }
        l.texts = list { $0.string() }
        l.blobs = list { $0.bytes() }
        l.inners = list { $0.inner() }
        return l
    }

    mutating func outer() -> Outer {
        var o = Outer()
        if chance(60) { o.label = string() }
        if chance(60) { o.inner = inner() }
        if chance(40) { o.maybe = inner() }
        o.items = list(max: 3) { $0.inner() }
        return o
    }

    mutating func node(depth: Int) -> Node {
        var n = Node(value: int32())
        if depth > 0 { n.children = list(max: 2) { $0.node(depth: depth - 1) } }
        return n
    }

    mutating func everything() -> Everything {
        var e = Everything()
        e.scalars = scalars()
        e.optionals = optionals()
        e.lists = lists()
        e.outer = outer()
        if chance(50) { e.tree = node(depth: int(0...5)) }
        if chance(60) { e.count = Int(int64()) }
        e.outers = list(max: 3) { $0.outer() }
        if chance(40) { e.maybeScalars = scalars() }
        e.u64s = list { $0.uint64() }
        e.i32s = list { $0.int32() }
        e.ints = list { Int($0.int64()) }
        if chance(50) { e.optionalInt = chance(30) ? 0 : Int(int64()) }
        return e
    }

    mutating func personV2() -> PersonV2 {
        var p = PersonV2()
        if chance(80) { p.id = string() }
        if chance(80) { p.name = string() }
        if chance(80) { p.county = int32() }
        p.occupations = list { $0.string() }
        if chance(60) { p.level = Level(rawValue: chance(50) ? Int32(int(0...5)) : int32()) }
        if chance(60) { p.detail = inner() }
        if chance(60) { p.score = double() }
        if chance(60) { p.history = inner() }
        p.scores = list { $0.int64() }
        p.notes = list { $0.string() }
        if chance(50) { p.verified = chance(50) }
        p.items = list(max: 3) { $0.inner() }
        if chance(60) { p.fixed = float() }
        if chance(60) { p.far = uint64() }
        p.farther = list { $0.uint32() }
        if chance(60) { p.blob = bytes() }
        return p
    }
}
