import JCSkillsServiceKit
import Testing
@testable import EvaluationService

@Suite("Evaluation: which printed numbers a historical certificate may carry")
struct CertificateNumberTests {
    @Test(arguments: ["JCH201800000001", "A-1/2", "x", "0123456789", String(repeating: "Z", count: 40), "JC", "JC-C1", "XJCC1"])
    func accepted(_ number: String) throws {
        try CertificateImport.checkNumber(number)
    }

    @Test(arguments: [
        "", String(repeating: "Z", count: 41), "证书123", "A 1", "A_1", "A.1", "JCC202100000001", "jcc1", "Jcc-9", "é1",
    ])
    func refused(_ number: String) {
        #expect(throws: RuleViolation.self) { try CertificateImport.checkNumber(number) }
    }
}
