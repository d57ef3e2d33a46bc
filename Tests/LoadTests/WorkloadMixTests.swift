import Testing
@testable import JCSkillsLoad

@Suite("Workload mixes")
struct WorkloadMixTests {
    static let operations = [
        LoadOperation("lookup", weight: 1) { _, _ in },
        LoadOperation("register", weight: 1) { _, _ in },
        LoadOperation("aggregate", weight: 1) { _, _ in },
    ]

    @Test("70/20/10: every 100 consecutive calls hold exactly those counts, interleaved")
    func proportions() throws {
        let mixed = try WorkloadMix.apply("lookup=70,register=20,aggregate=10", to: Self.operations)
        let picker = OperationPicker(mixed)
        for start in [0, 37, 1000] {
            let names = (start..<start + 100).map { picker.operation(for: $0).name }
            #expect(names.filter { $0 == "lookup" }.count == 70)
            #expect(names.filter { $0 == "register" }.count == 20)
            #expect(names.filter { $0 == "aggregate" }.count == 10)
        }
        // Interleaved: the rare operation is spread out, not bunched.
        let first = (0..<100).map { picker.operation(for: $0).name }
        let aggregates = first.indices.filter { first[$0] == "aggregate" }
        #expect(zip(aggregates, aggregates.dropFirst()).allSatisfy { $1 - $0 == 10 })
    }

    @Test("an operation left out of --mix gets no calls")
    func omitted() throws {
        let picker = OperationPicker(try WorkloadMix.apply("lookup=3", to: Self.operations))
        #expect((0..<50).allSatisfy { picker.operation(for: $0).name == "lookup" })
    }

    @Test("bad --mix text is refused with a message", arguments: ["lookup", "lookup=x", "fetch=3", "lookup=0", "lookup=-1"])
    func refused(text: String) {
        #expect(throws: WorkloadMix.Error.self) { try WorkloadMix.apply(text, to: Self.operations) }
    }
}
