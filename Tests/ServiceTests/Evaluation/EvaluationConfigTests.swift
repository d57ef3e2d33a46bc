import Foundation
import JCSkillsServiceKit
import Testing
@testable import EvaluationService

@Suite("Evaluation: config section")
struct EvaluationConfigTests {
    @Test func theStaffThresholdComesFromTheEvaluationSection() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-eval-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("evaluation.yaml").path
        try "evaluation:\n  enterprise_body_minimum_staff: 500\n".write(toFile: path, atomically: true, encoding: .utf8)
        let settings = try ServiceSettings.resolve(kind: .evaluation, options: try ServiceOptions.parse(["--config", path]))
        let section = try #require(try settings.section(EvaluationDefinition.Options.self))
        #expect(section.enterpriseBodyMinimumStaff == 500)

        // Without the section the default of docs/DOMAIN.md §9 applies.
        let plain = try ServiceSettings.resolve(kind: .evaluation, options: try ServiceOptions.parse([]))
        #expect(try plain.section(EvaluationDefinition.Options.self) == nil)
        #expect(EvaluationDefinition.defaultEnterpriseBodyMinimumStaff == 300)
    }
}
