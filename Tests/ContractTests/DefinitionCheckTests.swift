import JCSkillsProtocol
import Testing

/// The checks of ``ContractCollector`` catch the mistakes a hand-written `visitFields` can make.
@Suite("Contract definition checks")
struct DefinitionCheckTests {
    @Test("a sound message has no problems")
    func soundMessage() {
        #expect(ContractCollector.problems(of: [Sound.self]) == [])
    }

    @Test("a number visited twice, a name that is not the property, a property never visited")
    func brokenMessage() {
        let problems = ContractCollector.problems(of: [Broken.self])
        #expect(problems.contains("Broken visits field number 1 more than once"))
        #expect(problems.contains("Broken.label is a stored property that visitFields never visits"))
        #expect(problems.contains("Broken visits \"lable\", which is not one of its stored properties"))
        #expect(problems.contains("Broken.unvisited is a stored property that visitFields never visits"))
    }

    @Test("a reserved number visited; fields visited in another order than declared are fine")
    func reservedAndOrder() {
        #expect(ContractCollector.problems(of: [Reserving.self]) == ["Reserving visits field 2, which it reserves"])
    }

    @Test("two names swapped, in a message and in a nested one")
    func swappedNames() {
        let problems = ContractCollector.problems(of: [Swapped.self])
        #expect(problems.contains("Swapped field 1 is named \"first\" but visits the property second"))
        #expect(problems.contains("Swapped field 2 is named \"second\" but visits the property first"))
        #expect(problems.contains("Swapped field 3 is named \"inner\" but visits the property other"))
    }
}

private struct Sound: WireMessage {
    var count: UInt32 = 0
    var names: [String] = []
    init() {}
    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "count", &count)
        try v.field(2, "names", &names)
    }
}

private struct Broken: WireMessage {
    var id = ""
    var label = ""
    var unvisited = false
    init() {}
    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "id", &id)
        try v.field(1, "lable", &label)
    }
}

private struct Reserving: WireMessage {
    var first = ""
    var second: Int32 = 0
    static var reservedFieldNumbers: [UInt32] { [2] }
    init() {}
    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(2, "second", &second)
        try v.field(1, "first", &first)
    }
}

private struct Swapped: WireMessage {
    var first = ""
    var second: [Int32] = []
    var inner = Sound()
    var other = Sound()
    init() {}
    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "first", &second)
        try v.field(2, "second", &first)
        try v.field(3, "inner", &other)
        try v.field(4, "other", &inner)
    }
}
