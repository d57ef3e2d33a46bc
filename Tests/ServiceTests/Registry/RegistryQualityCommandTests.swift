import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// `jcskills registry quality` (the real executable) against a registry over TLS: the county
/// office's own figures as JSON and as tables, and another county refused.
@Suite("Registry: the data-quality view through the command-line client", .timeLimit(.minutes(5)))
struct RegistryQualityCommandTests {
    @Test(arguments: TestDatabases.backends)
    func aCountyOfficeReadsItsOwnFiguresAndNoOthers(backend: TestBackend) async throws {
        let rows = try RegistryQualityTests.demoRows()
        let recount = QualityRecount(rows)
        let labels = [
            "id_number.wrong_check_character": "ID number: wrong check character", "id_number.impossible_birth_date": "ID number: impossible birth date",
            "id_number.age": "age outside the labour-force ages", "phone": "invalid phone", "residence_county": "unknown residence county",
        ]
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                _ = try await RegistryImportTests.importRows(rows, client)
            }
            let json = try await runClientCommand("registry", ["quality", "--county", "140524", "--json"],
                                                  endpoint: registry.endpoint, as: "county-140524")
            #expect(json.status == 0, "\(json.output)")
            let object = try jsonObject(json.output)
            let standing = recount.standing(county: 140524, on: 20201101)
            #expect(object["county"] as? Int == 140524)
            #expect(object["registered"] as? Int == Int(standing.cells.values.reduce(0, +)))
            #expect(object["past_age_active"] as? Int == Int(standing.pastAge))
            #expect(object["missing_phone"] as? Int == 0)
            let rejections = try #require(object["rejections"] as? [[String: Any]])
            var byReason: [String: UInt64] = [:]
            for entry in rejections { byReason[entry["reason"] as? String ?? "", default: 0] += UInt64(entry["rows"] as? Int ?? 0) }
            #expect(byReason == recount.rejections(county: 140524))
            let imports = try #require(object["imports"] as? [[String: Any]])
            #expect(imports.first?["principal"] as? String == "jcskills://admin")
            #expect(imports.first?["received"] as? Int == Int(recount.sum(recount.received, county: 140524)))

            // Tables, in English here (runClientCommand passes --lang en); the county by its Chinese name.
            let table = try await runClientCommand("registry", ["quality", "--county", "140524"], endpoint: registry.endpoint, as: "county-140524")
            #expect(table.status == 0, "\(table.output)")
            #expect(table.output.contains("Data quality: 陵川县（140524）"), "\(table.output)")
            #expect(table.output.contains("Rejected rows by reason"))
            #expect(!recount.rejections(county: 140524).isEmpty)
            for reason in recount.rejections(county: 140524).keys {
                #expect(table.output.contains(labels[reason] ?? reason), "\(reason): \(table.output)")
            }
            #expect(table.output.contains("Past the labour-force age, still active"))

            let refused = try await runClientCommand("registry", ["quality", "--county", "140581"], endpoint: registry.endpoint, as: "county-140524")
            #expect(refused.status != nil && refused.status != 0, "\(refused.output)")
            #expect(refused.output.contains("PERMISSION_DENIED"), "\(refused.output)")
        }
    }
}
