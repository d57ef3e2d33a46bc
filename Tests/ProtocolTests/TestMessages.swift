import JCSkillsProtocol

// The test messages of SPEC.md §12.2. Their schemas are mirrored in
// Protocol/vectors/generate.py; field numbers here and there must agree.

struct Color: WireEnum, CustomStringConvertible {
    var rawValue: Int32
    init(rawValue: Int32) { self.rawValue = rawValue }
    static let unspecified = Color(rawValue: 0)
    static let red = Color(rawValue: 1)
    static let green = Color(rawValue: 2)
    static var namedValues: [(value: Color, name: String)] { [(.unspecified, "unspecified"), (.red, "red"), (.green, "green")] }
    var description: String { "Color(\(rawValue))" }
}

struct Inner: WireMessage, Hashable {
    var x: Int32 = 0
    var tag = ""
    init() {}
    init(x: Int32 = 0, tag: String = "") {
        self.x = x
        self.tag = tag
    }
    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "x", &x)
        try v.field(2, "tag", &tag)
    }
}

/// Floating-point fields compare by bit pattern so NaN and -0.0 are checked exactly.
struct Scalars: WireMessage, Equatable {
    var flag = false
    var u32: UInt32 = 0
    var u64: UInt64 = 0
    var i32: Int32 = 0
    var i64: Int64 = 0
    var f64: Double = 0
    var f32: Float = 0
    var text = ""
    var blob = WireBytes()
    var color = Color.unspecified
    var far: UInt32 = 0
    var last = false
    init() {}

    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "flag", &flag)
        try v.field(2, "u32", &u32)
        try v.field(3, "u64", &u64)
        try v.field(4, "i32", &i32)
        try v.field(5, "i64", &i64)
        try v.field(6, "f64", &f64)
        try v.field(7, "f32", &f32)
        try v.field(8, "text", &text)
        try v.field(9, "blob", &blob)
        try v.field(10, "color", &color)
        try v.field(100, "far", &far)
        try v.field(536_870_911, "last", &last)
    }

    static func == (a: Scalars, b: Scalars) -> Bool {
        a.flag == b.flag && a.u32 == b.u32 && a.u64 == b.u64 && a.i32 == b.i32 && a.i64 == b.i64
            && a.f64.bitPattern == b.f64.bitPattern && a.f32.bitPattern == b.f32.bitPattern
            && a.text == b.text && a.blob == b.blob && a.color == b.color && a.far == b.far && a.last == b.last
    }
}

struct Optionals: WireMessage, Equatable {
    var flag: Bool?
    var u32: UInt32?
    var i64: Int64?
    var f64: Double?
    var text: String?
    var blob: WireBytes?
    var color: Color?
    var inner: Inner?
    init() {}

    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "flag", &flag)
        try v.field(2, "u32", &u32)
        try v.field(3, "i64", &i64)
        try v.field(4, "f64", &f64)
        try v.field(5, "text", &text)
        try v.field(6, "blob", &blob)
        try v.field(7, "color", &color)
        try v.field(8, "inner", &inner)
    }

    static func == (a: Optionals, b: Optionals) -> Bool {
        a.flag == b.flag && a.u32 == b.u32 && a.i64 == b.i64 && a.f64?.bitPattern == b.f64?.bitPattern
            && a.text == b.text && a.blob == b.blob && a.color == b.color && a.inner == b.inner
    }
}

struct Lists: WireMessage, Equatable {
    var u32s: [UInt32] = []
    var i64s: [Int64] = []
    var f64s: [Double] = []
    var f32s: [Float] = []
    var flags: [Bool] = []
    var colors: [Color] = []
    var texts: [String] = []
    var blobs: [WireBytes] = []
    var inners: [Inner] = []
    init() {}

    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "u32s", &u32s)
        try v.field(2, "i64s", &i64s)
        try v.field(3, "f64s", &f64s)
        try v.field(4, "f32s", &f32s)
        try v.field(5, "flags", &flags)
        try v.field(6, "colors", &colors)
        try v.field(7, "texts", &texts)
        try v.field(8, "blobs", &blobs)
        try v.field(9, "inners", &inners)
    }

    static func == (a: Lists, b: Lists) -> Bool {
        a.u32s == b.u32s && a.i64s == b.i64s && a.f64s.map(\.bitPattern) == b.f64s.map(\.bitPattern)
            && a.f32s.map(\.bitPattern) == b.f32s.map(\.bitPattern) && a.flags == b.flags && a.colors == b.colors
            && a.texts == b.texts && a.blobs == b.blobs && a.inners == b.inners
    }
}

struct Outer: WireMessage, Equatable {
    var label = ""
    var inner = Inner()
    var maybe: Inner?
    var items: [Inner] = []
    init() {}

    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "label", &label)
        try v.field(2, "inner", &inner)
        try v.field(3, "maybe", &maybe)
        try v.field(4, "items", &items)
    }
}

/// A recursive message (children through a list, since a struct cannot hold itself).
struct Node: WireMessage, Equatable {
    var value: Int32 = 0
    var children: [Node] = []
    init() {}
    init(value: Int32, children: [Node] = []) {
        self.value = value
        self.children = children
    }

    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "value", &value)
        try v.field(2, "children", &children)
    }

    /// A chain `depth` messages deep below this one.
    static func chain(depth: Int) -> Node {
        var node = Node(value: Int32(depth))
        for level in stride(from: depth - 1, through: 0, by: -1) {
            node = Node(value: Int32(level), children: [node])
        }
        return node
    }

    var depth: Int { children.map { $0.depth + 1 }.max() ?? 0 }
}

/// Every field kind at once, for randomized round trips.
struct Everything: WireMessage, Equatable {
    var scalars = Scalars()
    var optionals = Optionals()
    var lists = Lists()
    var outer = Outer()
    var tree: Node?
    var count: Int = 0
    var outers: [Outer] = []
    var maybeScalars: Scalars?
    var u64s: [UInt64] = []
    var i32s: [Int32] = []
    var ints: [Int] = []
    var optionalInt: Int?
    init() {}

    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "scalars", &scalars)
        try v.field(2, "optionals", &optionals)
        try v.field(3, "lists", &lists)
        try v.field(4, "outer", &outer)
        try v.field(5, "tree", &tree)
        try v.field(6, "count", &count)
        try v.field(7, "outers", &outers)
        try v.field(8, "maybeScalars", &maybeScalars)
        try v.field(9, "u64s", &u64s)
        try v.field(10, "i32s", &i32s)
        try v.field(11, "ints", &ints)
        try v.field(70, "optionalInt", &optionalInt)
    }
}

// MARK: Two versions of one message (SPEC.md §4.6)

struct Level: WireEnum {
    var rawValue: Int32
    init(rawValue: Int32) { self.rawValue = rawValue }
    static let none = Level(rawValue: 0)
    static let junior = Level(rawValue: 1)
    static let senior = Level(rawValue: 2)
    static var namedValues: [(value: Level, name: String)] { [(.none, "none"), (.junior, "junior"), (.senior, "senior")] }
}

/// The first version of a department's message.
struct PersonV1: WireMessage, Equatable {
    var id = ""
    var name = ""
    var county: Int32 = 0
    var occupations: [String] = []
    var level = Level.none
    var detail = Inner()
    init() {}

    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "id", &id)
        try v.field(2, "name", &name)
        try v.field(3, "county", &county)
        try v.field(4, "occupations", &occupations)
        try v.field(5, "level", &level)
        try v.field(6, "detail", &detail)
    }
}

/// The next version: the same fields plus new ones of every kind, some with numbers above 63.
struct PersonV2: WireMessage, Equatable {
    var id = ""
    var name = ""
    var county: Int32 = 0
    var occupations: [String] = []
    var level = Level.none
    var detail = Inner()
    // New in v2:
    var score: Double = 0
    var history = Inner()
    var scores: [Int64] = []
    var notes: [String] = []
    var verified: Bool?
    var items: [Inner] = []
    var fixed: Float = 0
    var far: UInt64 = 0
    var farther: [UInt32] = []
    var blob = WireBytes()
    init() {}

    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "id", &id)
        try v.field(2, "name", &name)
        try v.field(3, "county", &county)
        try v.field(4, "occupations", &occupations)
        try v.field(5, "level", &level)
        try v.field(6, "detail", &detail)
        try v.field(7, "score", &score)
        try v.field(8, "history", &history)
        try v.field(9, "scores", &scores)
        try v.field(10, "notes", &notes)
        try v.field(11, "verified", &verified)
        try v.field(12, "items", &items)
        try v.field(13, "fixed", &fixed)
        try v.field(64, "far", &far)
        try v.field(1000, "farther", &farther)
        try v.field(50_000, "blob", &blob)
    }

    static func == (a: PersonV2, b: PersonV2) -> Bool {
        a.id == b.id && a.name == b.name && a.county == b.county && a.occupations == b.occupations
            && a.level == b.level && a.detail == b.detail && a.score.bitPattern == b.score.bitPattern
            && a.history == b.history && a.scores == b.scores && a.notes == b.notes && a.verified == b.verified
            && a.items == b.items && a.fixed.bitPattern == b.fixed.bitPattern && a.far == b.far
            && a.farther == b.farther && a.blob == b.blob
    }

    /// What a v1 reader keeps of this message.
    var asV1: PersonV1 {
        var v1 = PersonV1()
        v1.id = id
        v1.name = name
        v1.county = county
        v1.occupations = occupations
        v1.level = level
        v1.detail = detail
        return v1
    }
}
