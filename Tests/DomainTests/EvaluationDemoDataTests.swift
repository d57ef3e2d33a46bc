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
        // About a third of the persons hold a certificate from before; trainees add those they
        // obtained after their courses (`JCT…`, numbered apart).
        let history = Set(lines.dropFirst().compactMap { line -> String? in
            let fields = try? CSVRow.parse(line)
            return fields.flatMap { $0[Column.number.index].hasPrefix("JCH") ? $0[Column.holderIDNumber.index] : nil }
        })
        #expect((700...1_400).contains(history.count))
        #expect(holders.count > history.count)
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

    /// Levels follow years of work (no 18-year-old 高级技师), and special operations and
    /// equipment spread over their categories (not every one 电工作业).
    @Test func levelsFollowYearsWorkedAndOperationsSpread() throws {
        var sink = StringCSVSink()
        try Self.data.writeCertificates(to: &sink)
        typealias Column = EvaluationCSVFormat.CertificateColumn
        let minimumYears: [String: Int] = ["5": 0, "4": 5, "3": 10, "2": 14, "1": 18]
        var operations: [String: Int] = [:], equipment: [String: Int] = [:]
        var levels: [String: Int] = [:]
        for line in sink.text.split(separator: "\n").dropFirst() {
            let fields = try CSVRow.parse(String(line))
            let id = fields[Column.holderIDNumber.index]
            let birth = try #require(CalendarDate.parse(String(id.dropFirst(6).prefix(8))))
            let issued = try #require(CalendarDate.parse(fields[Column.issuedOn.index]))
            let level = fields[Column.level.index]
            if let years = minimumYears[level] {
                #expect(birth.years(until: issued) - 18 >= years, "level \(level) at \(birth.years(until: issued)): \(line)")
                levels[level, default: 0] += 1
            }
            switch EvaluationCSVFormat.certificateKind.value(for: fields[Column.kind.index]) {
            case .specialOperations?: operations[fields[Column.operation.index], default: 0] += 1
            case .specialEquipmentOperator?: equipment[fields[Column.operation.index], default: 0] += 1
            default: break
            }
        }
        #expect(Set(levels.keys) == ["1", "2", "3", "4", "5"])
        #expect(operations.count >= 5 && (operations["电工作业"] ?? 0) < operations.values.reduce(0, +) / 2)
        #expect(equipment.count >= 5)
    }
}
