import Foundation
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// The client as the city's clerks read it, in Chinese (the default; scripts/e2e checks that a
/// bare command prints Chinese): its lines, and a service's refusals with the code's word and
/// the rule explained before the service's own detail (Sources/Messages/Catalogue/Errors.swift),
/// which the service writes in Chinese for it.
@Suite("Registry: the client in Chinese", .timeLimit(.minutes(5)))
struct RegistryClientChineseTests {
    static func jcskills(_ arguments: [String], _ registry: RegistryHarness, as identity: String = "admin") async throws -> (status: Int32?, output: String) {
        try await runClientCommand("registry", arguments, endpoint: registry.endpoint, as: identity, language: "zh")
    }

    @Test(arguments: TestDatabases.backends)
    func linesAndRefusalsReadInChinese(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            let register = RegistryClientCommandTests.register()
            let registered = try await Self.jcskills(register, registry)
            #expect(registered.status == 0, "\(registered.output)")
            #expect(registered.output.hasPrefix("已登记 "), "\(registered.output)")
            #expect(registered.output.contains("陵川县"), "\(registered.output)")
            #expect(registered.output.contains("在册"), "\(registered.output)")

            // The service's own detail in Chinese too (the client sends `accept-language: zh`).
            RegistryClientCommandTests.expectRefused(try await Self.jcskills(register, registry), "错误：已存在（ALREADY_EXISTS）——此身份证号已有卡号 ")
            let outside = try await Self.jcskills(["update", "--id-number", RegistryClientCommandTests.id, "--employment", "unemployed"], registry, as: "county-140525")
            RegistryClientCommandTests.expectRefused(outside, "无权操作（PERMISSION_DENIED）：县级账号只能操作本县（市、区）的数据——")
            #expect(outside.output.contains(" 只能写入县（市、区）140525 的人员，不能写入 140524 的"), "\(outside.output)")
            // The client's own check, with ArgumentParser's usage after it.
            let nothing = try await Self.jcskills(["update", "--card", "JC1"], registry)
            #expect(nothing.status != 0 && nothing.output.hasPrefix("错误：没有要修改的内容") && nothing.output.contains("用法："), "\(nothing.output)")

            let history = try await Self.jcskills(["history", "--id-number", RegistryClientCommandTests.id], registry)
            #expect(history.output.hasPrefix("卡号 "), "\(history.output)")
        }
    }
}
