import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// A service writes its refusals in the language its caller reads (metadata `accept-language`,
/// Protocol/SPEC.md §6.3): Chinese when asked, and without it the English the services have
/// always sent, byte for byte — the rule's or the field's name in front either way. The
/// `jcskills` client asks in the user's language and prints the detail as it came.
@Suite("Refusals in the caller's language", .timeLimit(.minutes(5)))
struct RefusalLanguageTests {
    static func refusal(_ harness: TrainingHarness, as identity: String = "admin", language: String?,
                        _ call: (RPCClient) async throws -> Void) async throws -> RPCError {
        try await withTestClient(harness.training, as: identity, configure: { configuration in
            if let language { configuration.metadata = [MetadataEntry(MetadataKey.acceptLanguage, language)] }
        }) { client in
            do {
                try await call(client)
            } catch let error as RPCError {
                return error
            }
            Issue.record("no refusal")
            return RPCError(.ok, "")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aCountyScopeARuleAndAFieldInEachLanguage(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            try await harness.client { client in _ = try await client.unary(TrainingService.registerCourse, .sample(code: "C-1")) }
            func takeOver(_ client: RPCClient) async throws { _ = try await client.unary(TrainingService.registerCourse, .sample(code: "C-1")) }
            let stranger = TestIDs.make(birth: "19900101", sequence: 431)
            func enrolStranger(_ client: RPCClient) async throws {
                _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "C-1", idNumber: stranger))
            }
            func enrolNobody(_ client: RPCClient) async throws {
                _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "C-1", idNumber: "14052"))
            }

            // A county office's reach (TrainingAccess): the identity, then its county and the other.
            let countyEnglish = try await Self.refusal(harness, as: "county-140525", language: nil, takeOver)
            let countyChinese = try await Self.refusal(harness, as: "county-140525", language: "zh", takeOver)
            #expect(countyEnglish.code == .permissionDenied && countyChinese.code == .permissionDenied)
            let identity = String(countyEnglish.message.prefix { $0 != " " })
            #expect(countyEnglish.message == "\(identity) may manage only courses of county 140525, not 140524")
            #expect(countyChinese.message == "\(identity) 只能管理县（市、区）140525 的课程，不能管理 140524 的")

            // A programme rule, decided on the registry's answer: the rule's name stays in front.
            let ruleEnglish = try await Self.refusal(harness, language: nil, enrolStranger)
            let ruleChinese = try await Self.refusal(harness, language: "zh-CN", enrolStranger)
            #expect(ruleEnglish.code == .failedPrecondition && ruleChinese.code == .failedPrecondition)
            #expect(ruleEnglish.message == "registered: the registry has no card for this ID number")
            #expect(ruleChinese.message == "registered: 劳动力资源库中没有此身份证号的卡")
            // A language the catalogue does not have reads English.
            #expect(try await Self.refusal(harness, language: "fr", enrolStranger).message == ruleEnglish.message)

            // A field: its name stays in front.
            let fieldEnglish = try await Self.refusal(harness, language: "en", enrolNobody)
            let fieldChinese = try await Self.refusal(harness, language: "zh", enrolNobody)
            #expect(fieldEnglish.code == .invalidArgument)
            #expect(fieldEnglish.message == "id_number: ID number has 5 characters, expected 18")
            #expect(fieldChinese.message == "id_number: 身份证号有 5 位，应为 18 位")

            // Not found.
            func noCourse(_ client: RPCClient) async throws { _ = try await client.unary(TrainingService.getCourse, CourseLookup(code: "NONE")) }
            #expect(try await Self.refusal(harness, language: nil, noCourse).message == "no course with code NONE")
            #expect(try await Self.refusal(harness, language: "zh", noCourse).message == "没有代码为 NONE 的课程")

            // The client asks in the user's language and prints the service's detail after its own words.
            let chinese = try await runClientCommand("training", ["enrol", "--course", "C-1", "--id-number", stranger],
                                                     endpoint: harness.training, language: "zh")
            #expect(chinese.status != 0)
            #expect(chinese.output.contains("不符合业务规则（FAILED_PRECONDITION）：参训人员须已在劳动力资源库建档立卡——registered: 劳动力资源库中没有此身份证号的卡"),
                    "\(chinese.output)")
            let english = try await runClientCommand("training", ["enrol", "--course", "C-1", "--id-number", stranger], endpoint: harness.training)
            #expect(english.output.contains("FAILED_PRECONDITION: registered: the registry has no card for this ID number"), "\(english.output)")
        }
    }

    /// A service that cannot be reached: what to check, in Chinese, before the connection's own words.
    @Test
    func anUnreachableServiceSaysWhatToCheck() async throws {
        let nowhere = Endpoint(host: "127.0.0.1", port: 1)
        let chinese = try await runClientCommand("registry", ["stats"], endpoint: nowhere, language: "zh")
        #expect(chinese.status != 0)
        #expect(chinese.output.contains("服务不可用（UNAVAILABLE）：无法连接 127.0.0.1:1 上的服务") && chinese.output.contains("jcskills local up"),
                "\(chinese.output)")
        #expect(chinese.output.contains("——"), "\(chinese.output)")
        let english = try await runClientCommand("registry", ["stats"], endpoint: nowhere)
        #expect(english.output.contains("UNAVAILABLE: "), "\(english.output)")
    }
}
