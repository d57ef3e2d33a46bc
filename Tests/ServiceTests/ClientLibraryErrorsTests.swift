import Foundation
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The libraries' errors as `jcskills` prints them (the real executable): in the catalogue's
/// words, Chinese by default, the libraries' own English with `--lang en`.
@Suite("The client: the libraries' errors in the user's language", .timeLimit(.minutes(2)))
struct ClientLibraryErrorsTests {
    /// `jcskills ARGUMENTS --lang LANGUAGE` in a scratch directory: its exit status and what it printed.
    static func jcskills(_ arguments: [String], language: String) async throws -> (status: Int32?, output: String) {
        let home = try makeTemporaryDirectory("jcskills-library-errors")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let process = try launch("jcskills", arguments + ["--lang", language], log: "\(home)/output")
        let status = await waitForExit(process, seconds: 60)
        if status == nil {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return (status, (try? String(contentsOfFile: "\(home)/output", encoding: .utf8)) ?? "")
    }

    @Test("--revoked-serials: a service whose certificate is listed is refused, and the message says so")
    func aRevokedServiceIsRefused() async throws {
        let directory = try makeTemporaryDirectory("revoked-service")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let serial = RevokedSerials.hex(try TestPKI.shared.files("registry").leafCertificate().serialNumber)
        try "serial=\(serial)\n".write(toFile: "\(directory)/revoked", atomically: true, encoding: .utf8)
        try await withTestServer(services: [EchoRPCService()]) { _, endpoint in
            let common = ["health", "127.0.0.1:\(endpoint.port)", "--tls", TestPKI.shared.directory, "--as", "admin"]
            let served = try await Self.jcskills(common, language: "en")
            #expect(served.status == 0, "\(served.output)")
            let refused = try await Self.jcskills(common + ["--revoked-serials", "\(directory)/revoked"], language: "en")
            #expect(refused.status == 2)
            #expect(refused.output.contains("presented a revoked certificate (serial \(serial)"), "\(refused.output)")
        }
    }

    @Test("pki init: a bad identity, the CA's reserved name, a CA key without its certificate")
    func developmentPKI() async throws {
        let directory = try makeTemporaryDirectory("pki-errors")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = "\(directory)/pki"

        let badChinese = try await Self.jcskills(["pki", "init", "--out", out, "--extra", "bad id!"], language: "zh")
        #expect(badChinese.status != 0)
        #expect(badChinese.output.hasPrefix("错误：身份“bad id!”无效：身份名为 1–64 个字母"), "\(badChinese.output)")
        let badEnglish = try await Self.jcskills(["pki", "init", "--out", out, "--extra", "bad id!"], language: "en")
        #expect(badEnglish.output.contains("invalid identity \"bad id!\": ids are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
                "\(badEnglish.output)")
        let reserved = try await Self.jcskills(["pki", "init", "--out", out, "--extra", "ca"], language: "zh")
        #expect(reserved.output.contains("“ca”留给 CA 自己的文件"), "\(reserved.output)")

        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "not a key".write(toFile: "\(out)/ca.key", atomically: true, encoding: .utf8)
        let orphan = try await Self.jcskills(["pki", "init", "--out", out], language: "zh")
        #expect(orphan.status != 0)
        #expect(orphan.output.contains("不会覆盖 \(out)/ca.key：目录中有 CA 私钥却没有 ca.crt"), "\(orphan.output)")
    }

    @Test("CSV files: a demo directory that cannot be made, an import file in UTF-16, a line that is no CSV")
    func csvFiles() async throws {
        let directory = try makeTemporaryDirectory("csv-errors")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = "\(directory)/plain"
        try "a file, not a directory".write(toFile: file, atomically: true, encoding: .utf8)
        let demo = try await Self.jcskills(["demo-data", "registry", "--persons", "10", "--out", "\(file)/demo"], language: "zh")
        #expect(demo.status != 0)
        #expect(demo.output.contains("错误：无法创建目录 \(file)/demo："), "\(demo.output)")

        // Read before any call is made: the endpoint is never asked.
        let nowhere = Endpoint(host: "127.0.0.1", port: 1)
        let utf16 = "\(directory)/persons-utf16.csv"
        try Data([0xFF, 0xFE] + Array("id_number\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: utf16))
        let chinese = try await runClientCommand("registry", ["import", utf16], endpoint: nowhere, language: "zh")
        #expect(chinese.status != 0)
        #expect(chinese.output.contains("\(utf16) 是 UTF-16（电子表格的“Unicode 文本”）"), "\(chinese.output)")
        let english = try await runClientCommand("registry", ["import", utf16], endpoint: nowhere)
        #expect(english.output.contains("\(utf16) is UTF-16 (a spreadsheet's \"Unicode text\"): save it as CSV, in UTF-8 or GBK"), "\(english.output)")

        let quoted = "\(directory)/quoted.csv"
        try "\"id_number,name\n".write(toFile: quoted, atomically: true, encoding: .utf8)
        let header = try await runClientCommand("registry", ["import", quoted], endpoint: nowhere, language: "zh")
        #expect(header.output.contains("第 1 列：带引号的字段在本行内没有结束"), "\(header.output)")
    }
}
