import JCSkillsDemoData
import JCSkillsProtocol
import Testing

@Suite("Evaluation demo data: consistent with the registry's demo persons and enterprises")
struct EvaluationDemoDataTests {
    static let data = EvaluationDemoData(persons: 3_000, enterprises: 200, seed: 11)

    @Test func atLeastFiftyInstitutionsOfTheFourTypes() {
        let institutions = Self.data.institutions()
        #expect(institutions.count >= 50)
        #expect(Set(institutions.map(\.type)) == Set(InstitutionType.known))
        #expect(Set(institutions.map(\.code)).count == institutions.count)
        // Enterprise bodies belong to the registry demo's enterprises of at least 300 staff.
        let registry = RegistryDemoData(persons: 0, enterprises: 200, seed: 11)
        let large = Set((1...200).map { registry.enterprise(row: $0) }.filter { $0.staffCount >= 300 }.map(\.creditCode))
        let bodies = institutions.filter { $0.type == .enterpriseBody }
        #expect(!bodies.isEmpty)
        #expect(bodies.allSatisfy { large.contains($0.enterpriseCreditCode) })
        // Some large enterprises are left without a body, for the compliance view.
        #expect(bodies.count < large.count)
    }

    @Test func holdersAreTheRegistrysPersonsAndTheFileParsesBack() throws {
        var sink = StringCSVSink()
        let written = try Self.data.writeCertificates(to: &sink)
        let lines = sink.text.split(separator: "\n").map(String.init)
        #expect(try CSVRow.parse(lines[0]) == EvaluationCSVFormat.certificateHeader)
        #expect(lines.count == written.certificates + 1)
        let persons = Dictionary(uniqueKeysWithValues: RegistryDemoData(persons: 3_000, enterprises: 0, seed: 11).persons().map { ($0.idNumber, $0.name) })
        typealias Column = EvaluationCSVFormat.CertificateColumn
        var holders = Set<String>()
        for line in lines.dropFirst() {
            let fields = try CSVRow.parse(line)
            let id = fields[Column.holderIDNumber.index]
            #expect(persons[id] == fields[Column.holderName.index])
            #expect(!fields[Column.number.index].hasPrefix("JCC"))
            #expect(EvaluationCSVFormat.certificateKind.value(for: fields[Column.kind.index]).map(CertificateKind.known.contains) == true)
            holders.insert(id)
        }
        #expect(holders.count == written.holders)
        // About a third of the persons hold a certificate.
        #expect((700...1_400).contains(holders.count))
        // Same seed, same bytes.
        var again = StringCSVSink()
        try Self.data.writeCertificates(to: &again)
        #expect(again.text == sink.text)
    }

    @Test func scopeFieldRoundTrips() {
        let scope = [ScopeEntry(occupation: "6-18-02-04", levels: [.level5, .level4, .level3]), ScopeEntry(occupation: "6-30-05-01", levels: [])]
        #expect(EvaluationCSVFormat.formatScope(scope) == "6-18-02-04:5/4/3;6-30-05-01:")
        #expect(EvaluationCSVFormat.parseScope(EvaluationCSVFormat.formatScope(scope)) == scope)
        #expect(EvaluationCSVFormat.parseScope("6-18-02-04:five") == nil)
    }
}
